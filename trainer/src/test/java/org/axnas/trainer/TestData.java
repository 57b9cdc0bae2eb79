package org.axnas.trainer;

import java.util.SplittableRandom;

/** Datasets the tests make for themselves. */
final class TestData {
  private TestData() {}

  /**
   * Minibatch Adam at 0.01 with a constant rate: the trainer's default before {@code auto}, which
   * the tests of the minibatch loop, the backends and the exports use.
   */
  static TrainingSettings adam() {
    return TrainingSettings.defaults().withOptimizer(TrainingSettings.ADAM, 0.01);
  }

  /**
   * The kmeans kernel's distance: six inputs in [0, 1) are two 3-D points, the target is their
   * Euclidean distance sqrt(sum of squared differences).
   */
  static Dataset kmeans(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n * 6];
    float[] y = new float[n];
    for (int s = 0; s < n; s++) {
      double sum = 0;
      for (int i = 0; i < 6; i++) {
        x[s * 6 + i] = (float) r.nextDouble();
      }
      for (int i = 0; i < 3; i++) {
        double d = x[s * 6 + i] - x[s * 6 + i + 3];
        sum += d * d;
      }
      y[s] = (float) Math.sqrt(sum);
    }
    return Dataset.of(x, y, 6, 1);
  }

  /** Random inputs and targets with no relation between them (only overfitting is possible). */
  static Dataset noise(int n, int in, int out, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n * in];
    float[] y = new float[n * out];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextDouble();
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) (100 + 50 * r.nextGaussian());
    }
    return Dataset.of(x, y, in, out);
  }

  /** Mean absolute error of predictions against a dataset's targets. */
  static double meanAbsoluteError(TrainedModel model, Dataset d) {
    float[] p = model.predict(d.x(), d.size());
    float[] y = d.y();
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      sum += Math.abs(p[i] - y[i]);
    }
    return sum / y.length;
  }

  /** Mean absolute error of always answering the targets' mean: what a network that learnt nothing gets. */
  static double meanBaselineError(Dataset train, Dataset test) {
    double mean = 0;
    float[] t = train.y();
    for (float v : t) {
      mean += v;
    }
    mean /= t.length;
    double sum = 0;
    for (float v : test.y()) {
      sum += Math.abs(v - mean);
    }
    return sum / test.size();
  }
}
