package org.axnas.smac;

/**
 * Expected improvement over the best cost, paper eq. 3 written for minimisation:
 * {@code EI = s * (u * Phi(u) + phi(u))} with {@code u = (best - xi - mean) / s}. (The paper's
 * text names f_best the highest score yet writes {@code f_best - mu}, which is the minimising
 * form; we minimise cost = -f_perf throughout.)
 */
public record ExpectedImprovement(double xi) implements AcquisitionFunction {

  public ExpectedImprovement {
    if (!(xi >= 0)) {
      throw new IllegalArgumentException("xi must be >= 0, got " + xi);
    }
  }

  /** SMAC3's default, xi = 0. */
  public static ExpectedImprovement standard() {
    return new ExpectedImprovement(0);
  }

  @Override
  public double value(double mean, double variance, double best) {
    double s = Math.sqrt(variance);
    double gain = best - xi - mean;
    if (!(s > 0)) {
      return Math.max(gain, 0);
    }
    double u = gain / s;
    return Math.max(0, s * (u * Gaussian.cdf(u) + Gaussian.pdf(u)));
  }
}
