package org.axnas.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The split by a seeded hash of the index: fractions, determinism, independence of the seed. */
class SplitsTest {

  @Test
  void fractionsAreHonouredWithinSamplingError() {
    Splits s = new Splits(0.7, 0.15, 3);
    int n = 200_000;
    int[] count = new int[3];
    for (long i = 0; i < n; i++) {
      count[s.of(i).ordinal()]++;
    }
    // binomial standard deviations are ~0.001 of n: allow 5
    assertEquals(0.70, count[0] / (double) n, 0.005);
    assertEquals(0.15, count[1] / (double) n, 0.005);
    assertEquals(0.15, count[2] / (double) n, 0.005);
    assertEquals(0.15, s.test(), 1e-12);
  }

  @Test
  void theSameIndexAndSeedAlwaysLandInTheSamePartAndAnotherSeedShuffles() {
    Splits a = new Splits(0.5, 0.25, 1);
    Splits again = new Splits(0.5, 0.25, 1);
    Splits other = new Splits(0.5, 0.25, 2);
    int differ = 0;
    for (long i = 0; i < 10_000; i++) {
      assertEquals(a.of(i), again.of(i));
      differ += a.of(i) != other.of(i) ? 1 : 0;
    }
    // independent assignments differ with probability 1 - (0.5^2 + 0.25^2 + 0.25^2) = 0.625
    assertEquals(0.625, differ / 10_000.0, 0.03);
  }

  @Test
  void impossibleFractionsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Splits(0, 0.2, 1));
    assertThrows(IllegalArgumentException.class, () -> new Splits(0.9, 0.2, 1));
    assertThrows(IllegalArgumentException.class, () -> new Splits(0.7, -0.1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Splits(Double.NaN, 0.1, 1));
    assertEquals(0, new Splits(0.8, 0.2, 1).test(), 1e-12);
  }
}
