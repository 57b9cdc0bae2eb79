package org.axnas.trainer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.axnas.core.OpCounter;
import org.axnas.kernels.Benchmark;
import org.axnas.kernels.InputSource;

/**
 * Train and validation splits for the bench scripts, made the way trace collection makes them:
 * the benchmark's real kernel run over inputs read from an AxBench input file (or, with no file,
 * from the benchmark's seeded generator). Takes {@code count}
 * inputs (the file's first ones, or evenly spaced over it with {@code spread}, for images whose
 * first rows are one strip of the picture), shuffles them with a seed and splits 70% / 15%
 * (the remaining 15%, the test split, is not needed here).
 */
record BenchTraces(Benchmark benchmark, Dataset train, Dataset validation, String source) {

  static BenchTraces read(Benchmark b, Path file, int count, boolean spread, long seed) throws IOException {
    InputSource in = file == null ? b.generator(seed) : b.reader(file);
    int n = (int) Math.min(count, in.size());
    int inW = b.inputWidth();
    int outW = b.outputWidth();
    float[][] x = new float[n][inW];
    float[][] y = new float[n][outW];
    OpCounter ops = new OpCounter();
    for (int i = 0; i < n; i++) {
      long index = spread ? (long) ((double) i * in.size() / n) : i;
      in.input(index, x[i]);
      b.compute(x[i], y[i], ops);
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int nTrain = (int) Math.round(n * 0.70);
    int nValidation = (int) Math.round(n * 0.15);
    return new BenchTraces(b, slice(x, y, order, 0, nTrain, inW, outW),
        slice(x, y, order, nTrain, nTrain + nValidation, inW, outW),
        (file == null ? "generator" : file.getFileName().toString()) + (spread ? " (" + n + " spread)" : " (first " + n + ")"));
  }

  private static Dataset slice(float[][] x, float[][] y, int[] order, int from, int to, int inW, int outW) {
    float[] fx = new float[(to - from) * inW];
    float[] fy = new float[(to - from) * outW];
    for (int i = from; i < to; i++) {
      System.arraycopy(x[order[i]], 0, fx, (i - from) * inW, inW);
      System.arraycopy(y[order[i]], 0, fy, (i - from) * outW, outW);
    }
    return Dataset.of(fx, fy, inW, outW);
  }

  /** Share of validation samples the model gets right under the benchmark's bound of {@code group} (paper eq. 5). */
  double accuracy(TrainedModel model, int group) {
    int n = validation.size();
    int out = validation.outWidth();
    float[] predicted = model.predict(validation.x(), n);
    float[] exact = validation.y();
    float[] p = new float[out];
    float[] e = new float[out];
    double bound = benchmark.errorBound(group);
    int correct = 0;
    for (int i = 0; i < n; i++) {
      System.arraycopy(predicted, i * out, p, 0, out);
      System.arraycopy(exact, i * out, e, 0, out);
      if (benchmark.metric().correct(p, e, bound)) {
        correct++;
      }
    }
    return (double) correct / n;
  }
}
