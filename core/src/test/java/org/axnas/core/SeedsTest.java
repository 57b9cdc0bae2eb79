package org.axnas.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The derivations moved here from smac, kernels, core's Splits and the round driver give, bit for
 * bit, what they gave where they were (their old bodies are copied below): results made before
 * the move are made again.
 */
class SeedsTest {
  @Test
  void theMovedDerivationsAreBitForBitTheOldOnes() {
    SplittableRandom r = new SplittableRandom(42);
    for (int i = 0; i < 10_000; i++) {
      long seed = r.nextLong();
      long a = r.nextLong();
      long index = i % 3 == 0 ? i : r.nextLong();
      assertEquals(oldSmacDerive(seed, a, index), Seeds.derive(seed, a, index));
      SplittableRandom expected = new SplittableRandom(oldKernelMix(seed, a, index));
      SplittableRandom actual = Seeds.inputStream(seed, a, index);
      for (int k = 0; k < 3; k++) {
        assertEquals(expected.nextLong(), actual.nextLong());
      }
      assertEquals(oldSplitUniform(seed, index), Seeds.splitUniform(seed, index));
      String net = "6-" + (i % 128 + 1) + ":tanh-1";
      assertEquals(oldTrainingSeed(seed, net), Seeds.trainingSeed(seed, net));
    }
  }

  @Test
  void purposesAndIndicesGiveDifferentSeeds() {
    assertNotEquals(Seeds.derive(1, 1, 0), Seeds.derive(1, 2, 0));
    assertNotEquals(Seeds.derive(1, 1, 0), Seeds.derive(1, 1, 1));
    assertNotEquals(Seeds.derive(1, 1, 0), Seeds.derive(2, 1, 0));
  }

  private static long oldSmacDerive(long seed, long purpose, long index) {
    long z = splitMix(seed ^ splitMix(purpose));
    return splitMix(z + 0x9E37_79B9_7F4A_7C15L * (index + 1));
  }

  private static long splitMix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }

  private static long oldKernelMix(long seed, long stream, long index) {
    long h = murmur(seed ^ 0x9E3779B97F4A7C15L);
    h = murmur(h ^ (stream * 0xC2B2AE3D27D4EB4FL));
    return murmur(h ^ (index * 0x165667B19E3779F9L + 0x27D4EB2F165667C5L));
  }

  private static long murmur(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }

  private static double oldSplitUniform(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }

  private static long oldTrainingSeed(long runSeed, String network) {
    long z = runSeed * 0x9E3779B97F4A7C15L + network.hashCode();
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
