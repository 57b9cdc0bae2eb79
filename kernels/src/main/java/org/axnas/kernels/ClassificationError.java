package org.axnas.kernels;

/**
 * Classification error of a one-hot output: 0 when the predicted class equals the exact class,
 * 1 otherwise. The class is the index of the largest output, ties going to the lower index as
 * AxBench's jmeint decides ({@code dataOut[0] < dataOut[1] ? 0 : 1}); a NaN output is wrong.
 * With a bound of 0.5 (any value in (0, 1] would do) {@code correct} means "classified right".
 */
final class ClassificationError implements ErrorMetric {

  /** The bound that turns {@link #correct} into "classified right". */
  static final double BOUND = 0.5;

  @Override
  public String name() {
    return "classification error";
  }

  @Override
  public double error(float[] predicted, float[] exact) {
    Metrics.checkWidths(predicted, exact);
    for (float p : predicted) {
      if (Float.isNaN(p)) {
        return 1;
      }
    }
    return argmax(predicted) == argmax(exact) ? 0 : 1;
  }

  static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return name();
  }
}
