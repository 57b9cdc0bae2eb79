package org.axnas.kernels;

/**
 * Relative error as AxBench's own quality scripts compute it for blackscholes, fft and
 * inversek2j: the Euclidean norm of the difference over the Euclidean norm of the exact output
 * vector, capped at 1.
 *
 * <p>Taking the norm of the whole output vector, not of each component, is what keeps the metric
 * meaningful where one component is near zero: fft's (sin, cos) always has norm 1, so sin(0) = 0
 * divides nothing by zero. Only where the whole exact vector is tiny (a deep out-of-the-money
 * option priced near 0, which the PARSEC options include) would the ratio blow up; there the
 * denominator is floored at {@link #DENOMINATOR_FLOOR}, so such samples are judged by absolute
 * error {@code bound * 1e-3} instead of being impossible to get right. AxBench scores a zero
 * exact output as error 1; we keep its cap at 1 (errors above 100 % count as 100 %), which does
 * not change which samples are under a bound, and score NaN or infinite predictions as 1.
 */
final class RelativeError implements ErrorMetric {

  /**
   * Smallest denominator, in output units. 1e-3 is $0.12 on blackscholes' price scale (outputs
   * are prices of S/120 and K/120), 0.06 degrees for inversek2j's angles, and never reached by
   * fft.
   */
  static final double DENOMINATOR_FLOOR = 1e-3;

  @Override
  public String name() {
    return "relative error";
  }

  @Override
  public double error(float[] predicted, float[] exact) {
    Metrics.checkWidths(predicted, exact);
    double diff = 0;
    double norm = 0;
    for (int i = 0; i < exact.length; i++) {
      double d = (double) predicted[i] - exact[i];
      diff += d * d;
      norm += (double) exact[i] * exact[i];
    }
    double e = Math.sqrt(diff) / Math.max(Math.sqrt(norm), DENOMINATOR_FLOOR);
    return e < 1 ? e : 1; // NaN fails e < 1 and becomes 1 too
  }

  @Override
  public String toString() {
    return name();
  }
}
