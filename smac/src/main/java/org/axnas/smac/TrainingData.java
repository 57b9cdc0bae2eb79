package org.axnas.smac;

/**
 * What the surrogate learns from: one encoded configuration per finished trial and its cost on
 * the model's scale (lower is better), in trial-id order. {@code categories[j]} is the number of
 * choices when column j is categorical (its values are choice indices, or
 * {@link ConfigurationSpace#INACTIVE}) and 0 when it is numeric.
 */
public record TrainingData(double[][] x, double[] y, int[] categories) {

  public int size() {
    return y.length;
  }

  /** Lowest model-scale cost (the incumbent's), +inf when empty. */
  public double best() {
    double b = Double.POSITIVE_INFINITY;
    for (double v : y) {
      b = Math.min(b, v);
    }
    return b;
  }

  /** Highest model-scale cost, -inf when empty. */
  public double worst() {
    double w = Double.NEGATIVE_INFINITY;
    for (double v : y) {
      w = Math.max(w, v);
    }
    return w;
  }

  public double mean() {
    double s = 0;
    for (double v : y) {
      s += v;
    }
    return y.length == 0 ? Double.NaN : s / y.length;
  }
}
