package org.axnas.kernels;

/**
 * Mean absolute difference over the output values: for one output (sobel's pixel, kmeans'
 * distance) the plain absolute difference, for jpeg the mean over its 64 coefficients. Outputs
 * are in the network's units (pixel/256, coefficient/256). A NaN or infinite prediction has
 * infinite error, so it is never under a bound.
 */
final class MeanAbsoluteDifference implements ErrorMetric {
  private final String name;

  MeanAbsoluteDifference(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public double error(float[] predicted, float[] exact) {
    Metrics.checkWidths(predicted, exact);
    double sum = 0;
    for (int i = 0; i < exact.length; i++) {
      sum += Math.abs((double) predicted[i] - exact[i]);
    }
    double e = sum / exact.length;
    return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
  }

  @Override
  public String toString() {
    return name;
  }
}
