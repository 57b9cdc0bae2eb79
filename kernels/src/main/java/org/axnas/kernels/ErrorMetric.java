package org.axnas.kernels;

/** A benchmark's per-sample error of a network's output against the exact output. */
public interface ErrorMetric {

  /** Readable name, e.g. {@code relative error}. */
  String name();

  /** Error of one sample, {@code >= 0}; NaN in {@code predicted} never yields a small error. */
  double error(float[] predicted, float[] exact);

  /** Paper eq. 5: a sample is correct when its error is under the error bound. */
  default boolean correct(float[] predicted, float[] exact, double bound) {
    return error(predicted, exact) < bound;
  }
}
