package org.axnas.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The table-driven activation units against the functions they stand for, within their stated error. */
class ActivationUnitTest {
  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  @Test
  void theLookupTableIsWithinHalfAStepOfTheSigmoidAndTanh() {
    for (int n : new int[] {64, 256, 2048}) {
      ActivationUnit lut = ActivationUnit.of(ActivationUnit.Kind.LOOKUP_TABLE, n);
      double sStep = 2 * ActivationUnit.SIGMOID_RANGE / (n - 1);
      double tStep = 2 * ActivationUnit.TANH_RANGE / (n - 1);
      double sTail = 1 - sigmoid(ActivationUnit.SIGMOID_RANGE);
      double tTail = 1 - Math.tanh(ActivationUnit.TANH_RANGE);
      double worstS = 0;
      for (double z = -12; z <= 12; z += 0.0037) {
        double es = Math.abs(lut.sigmoid(z) - sigmoid(z));
        worstS = Math.max(worstS, es);
        assertTrue(es <= sStep / 8 + sTail + 1e-12, n + " entries, z " + z + ": " + es);
        assertTrue(Math.abs(lut.tanh(z) - Math.tanh(z)) <= tStep / 2 + tTail + 1e-12, n + " entries, z " + z);
      }
      assertTrue(worstS > sStep / 8 / 4, "the bound is not vacuous: worst " + worstS); // the table is coarse, not exact
    }
    // at a table point the entry itself; between two points the nearer one
    ActivationUnit five = ActivationUnit.of(ActivationUnit.Kind.LOOKUP_TABLE, 5); // points -8, -4, 0, 4, 8
    assertEquals(0.5, five.sigmoid(0));
    assertEquals(sigmoid(4), five.sigmoid(2.1), 1e-15);
    assertEquals(0.5, five.sigmoid(1.9));
    assertEquals(sigmoid(8), five.sigmoid(100), 1e-15);
  }

  @Test
  void thePiecewiseLinearUnitInterpolatesWithinItsSecondDerivativeBound() {
    ActivationUnit pwl = ActivationUnit.of(ActivationUnit.Kind.PIECEWISE_LINEAR, 256);
    double h = 2 * ActivationUnit.SIGMOID_RANGE / 255;
    double bound = 0.0963 * h * h / 8 + (1 - sigmoid(8)); // max |sigmoid''| = 0.0962
    for (double z = -12; z <= 12; z += 0.0041) {
      assertTrue(Math.abs(pwl.sigmoid(z) - sigmoid(z)) <= bound, "z " + z);
    }
    ActivationUnit five = ActivationUnit.of(ActivationUnit.Kind.PIECEWISE_LINEAR, 5);
    assertEquals((sigmoid(0) + sigmoid(4)) / 2, five.sigmoid(2), 1e-15); // half way between two points
  }

  @Test
  void exactIsTheFunctionAndBadSizesAreRefused() {
    assertEquals(Math.tanh(0.7), ActivationUnit.EXACT.tanh(0.7), 1e-15);
    assertEquals(sigmoid(-1.3), ActivationUnit.EXACT.sigmoid(-1.3), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> ActivationUnit.of(ActivationUnit.Kind.LOOKUP_TABLE, 1));
    assertThrows(IllegalArgumentException.class, () -> ActivationUnit.Kind.parse("cordic"));
  }
}
