package org.axnas.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsTest {
  private final ErrorMetric relative = new RelativeError();
  private final ErrorMetric pixel = new MeanAbsoluteDifference("pixel diff");

  @Test
  void relativeErrorIsNormOfDifferenceOverNormOfExact() {
    assertEquals(0.01, relative.error(new float[] {1.01f}, new float[] {1f}), 1e-7);
    assertEquals(0.01, relative.error(new float[] {-2.02f}, new float[] {-2f}), 1e-7);
    // vector: |(0.03, 0.04)| / |(3, 4)| = 0.05 / 5
    assertEquals(0.01, relative.error(new float[] {3.03f, 4.04f}, new float[] {3, 4}), 1e-6);
    assertEquals(0, relative.error(new float[] {0.25f, 0.5f}, new float[] {0.25f, 0.5f}));
  }

  @Test
  void relativeErrorFloorsTinyDenominatorsAndCapsAtOne() {
    // exact 0: judged against 1e-3, so a miss of 1e-6 is a relative error of 1e-3
    assertEquals(1e-3, relative.error(new float[] {1e-6f}, new float[] {0f}), 1e-9);
    assertEquals(0, relative.error(new float[] {0f}, new float[] {0f}));
    assertEquals(1, relative.error(new float[] {5f}, new float[] {1f}));
    assertEquals(1, relative.error(new float[] {Float.NaN}, new float[] {1f}));
    assertEquals(1, relative.error(new float[] {Float.POSITIVE_INFINITY}, new float[] {1f}));
  }

  @Test
  void pixelDiffIsMeanAbsoluteDifference() {
    assertEquals(0.02, pixel.error(new float[] {0.52f}, new float[] {0.5f}), 1e-7);
    assertEquals(0.02, pixel.error(new float[] {0.48f}, new float[] {0.5f}), 1e-7);
    assertEquals(0.25, pixel.error(new float[] {1, 0, 0, 0}, new float[] {0, 0, 0, 0}), 0);
    assertEquals(Double.POSITIVE_INFINITY, pixel.error(new float[] {Float.NaN}, new float[] {0}));
    assertFalse(pixel.correct(new float[] {Float.NaN}, new float[] {0}, 0.05));
  }

  @Test
  void correctMeansStrictlyUnderTheBound() {
    assertTrue(pixel.correct(new float[] {0.25f}, new float[] {0.125f}, 0.1250001));
    assertFalse(pixel.correct(new float[] {0.25f}, new float[] {0.125f}, 0.125));
  }

  @Test
  void widthsMustMatch() {
    assertThrows(IllegalArgumentException.class, () -> relative.error(new float[2], new float[1]));
    assertThrows(IllegalArgumentException.class, () -> pixel.error(new float[2], new float[1]));
  }
}
