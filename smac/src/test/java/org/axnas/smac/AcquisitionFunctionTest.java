package org.axnas.smac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class AcquisitionFunctionTest {
  private static final double[][] CASES = {
      // mean, variance, best
      {0.0, 1.0, 0.0}, {1.0, 0.25, 0.0}, {-0.5, 0.04, 0.3}, {2.0, 4.0, -1.0}, {0.1, 1e-4, 0.1}, {-3.0, 0.5, -2.5},
      {0.7, 0.09, -0.2},
  };

  /** Composite Simpson rule of f times the N(mean, sd^2) density over mean +- 12 sd. */
  private static double expectation(DoubleUnaryOperator f, double mean, double sd) {
    int n = 200_000;
    double a = mean - 12 * sd;
    double h = 24 * sd / n;
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      double y = a + i * h;
      double w = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
      sum += w * f.applyAsDouble(y) * Gaussian.pdf((y - mean) / sd) / sd;
    }
    return sum * h / 3;
  }

  @Test
  void expectedImprovementMatchesItsIntegral() {
    for (double xi : new double[] {0, 0.05}) {
      ExpectedImprovement ei = new ExpectedImprovement(xi);
      for (double[] c : CASES) {
        double sd = Math.sqrt(c[1]);
        double numeric = expectation(y -> Math.max(c[2] - xi - y, 0), c[0], sd);
        double closed = ei.value(c[0], c[1], c[2]);
        assertEquals(numeric, closed, 1e-9 + 1e-7 * numeric, "EI at " + java.util.Arrays.toString(c));
      }
    }
  }

  @Test
  void logExpectedImprovementMatchesItsIntegral() {
    LogExpectedImprovement ei = LogExpectedImprovement.standard();
    for (double[] c : CASES) {
      double sd = Math.sqrt(c[1]);
      double numeric = expectation(y -> Math.max(Math.exp(c[2]) - Math.exp(y), 0), c[0], sd);
      double closed = ei.value(c[0], c[1], c[2]);
      assertEquals(numeric, closed, 1e-9 + 1e-7 * numeric, "log-EI at " + java.util.Arrays.toString(c));
    }
  }

  @Test
  void expectedImprovementRewardsLowMeansAndUncertainty() {
    ExpectedImprovement ei = ExpectedImprovement.standard();
    assertTrue(ei.value(-1, 0.1, 0) > ei.value(0, 0.1, 0));
    assertTrue(ei.value(0, 1.0, 0) > ei.value(0, 0.1, 0));
    assertEquals(1.0 / Math.sqrt(2 * Math.PI), ei.value(0, 1, 0), 1e-15);
    assertEquals(0.5, ei.value(-0.5, 0, 0), 0);
    assertEquals(0, ei.value(10, 1e-6, 0), 0);
  }
}
