package org.axnas.kernels;

import java.util.SplittableRandom;
import org.axnas.core.Seeds;

/**
 * Per-index randomness for generators: the random numbers of input {@code index} come from a
 * generator seeded by (seed, stream, index) ({@link Seeds#inputStream}), so any input can be made
 * without making the ones before it, in any order, on any worker.
 */
final class InputStreams {
  private InputStreams() {}

  /** Streams keep unrelated draws of one generator (e.g. images and centroids) apart. */
  static final long INPUTS = 1;
  static final long IMAGES = 2;
  static final long CENTROIDS = 3;

  static SplittableRandom random(long seed, long stream, long index) {
    return Seeds.inputStream(seed, stream, index);
  }

  /** A float uniform on [0, 1) on the 2^-24 grid, so it never rounds up to 1. */
  static float unitFloat(SplittableRandom r) {
    return r.nextInt(1 << 24) * 0x1.0p-24f;
  }
}
