package org.axnas.pipelines.report;

import java.util.Arrays;

/**
 * The mean and spread of one figure over the seeds of a benchmark and group: smallest, largest
 * and the sample standard deviation (n - 1 in the denominator: the seeds are a sample of what
 * the method gives). A missing value (NaN: a seed where the method chose nothing) is left out
 * and {@code n} counts the values used; with none every statistic is NaN, with one the standard
 * deviation is.
 */
public record Spread(int n, double mean, double min, double max, double sd) {

  public static Spread of(double... values) {
    double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).toArray();
    if (v.length == 0) {
      return new Spread(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = Arrays.stream(v).sum() / v.length;
    double squares = 0;
    for (double d : v) {
      squares += (d - mean) * (d - mean);
    }
    double sd = v.length < 2 ? Double.NaN : Math.sqrt(squares / (v.length - 1));
    return new Spread(v.length, mean, Arrays.stream(v).min().orElseThrow(), Arrays.stream(v).max().orElseThrow(), sd);
  }
}
