package org.axnas.kernels;

/** Checks shared by the error metrics. */
final class Metrics {
  private Metrics() {}

  static void checkWidths(float[] predicted, float[] exact) {
    if (predicted.length != exact.length) {
      throw new IllegalArgumentException(
          "predicted output has " + predicted.length + " values, exact output " + exact.length);
    }
  }
}
