package org.axnas.smac;

/**
 * Expected improvement for a model of log costs (SMAC's "log EI", Hutter et al. 2009; SMAC3's
 * {@code EI(log=True)}): the model predicts {@code log c ~ N(mean, s^2)} and the improvement is
 * measured on c itself, {@code E[max(exp(best) - c, 0)]}, which in closed form is
 * {@code exp(f) Phi(v) - exp(mean + s^2/2) Phi(v - s)} with {@code f = best - xi} and
 * {@code v = (f - mean) / s}. Pair it with {@link RunHistoryEncoder#logScaled()}.
 */
public record LogExpectedImprovement(double xi) implements AcquisitionFunction {

  public LogExpectedImprovement {
    if (!(xi >= 0)) {
      throw new IllegalArgumentException("xi must be >= 0, got " + xi);
    }
  }

  public static LogExpectedImprovement standard() {
    return new LogExpectedImprovement(0);
  }

  @Override
  public double value(double mean, double variance, double best) {
    double f = best - xi;
    double s = Math.sqrt(variance);
    if (!(s > 0)) {
      return Math.max(Math.exp(f) - Math.exp(mean), 0);
    }
    double v = (f - mean) / s;
    double ei = Math.exp(f) * Gaussian.cdf(v) - Math.exp(mean + 0.5 * variance) * Gaussian.cdf(v - s);
    return Math.max(ei, 0);
  }
}
