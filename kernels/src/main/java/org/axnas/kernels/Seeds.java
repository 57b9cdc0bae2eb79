package org.axnas.kernels;

import java.util.SplittableRandom;

/**
 * Per-index randomness for generators: the random numbers of input {@code index} come from a
 * generator seeded by a hash of (seed, stream, index), so any input can be made without making
 * the ones before it, in any order, on any worker.
 */
final class Seeds {
  private Seeds() {}

  /** Streams keep unrelated draws of one generator (e.g. images and centroids) apart. */
  static final long INPUTS = 1;
  static final long IMAGES = 2;
  static final long CENTROIDS = 3;

  static SplittableRandom random(long seed, long stream, long index) {
    return new SplittableRandom(mix(seed, stream, index));
  }

  static long mix(long seed, long stream, long index) {
    long h = murmur(seed ^ 0x9E3779B97F4A7C15L);
    h = murmur(h ^ (stream * 0xC2B2AE3D27D4EB4FL));
    return murmur(h ^ (index * 0x165667B19E3779F9L + 0x27D4EB2F165667C5L));
  }

  /** MurmurHash3's 64-bit finaliser: every input bit affects every output bit. */
  private static long murmur(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }

  /** A float uniform on [0, 1) on the 2^-24 grid, so it never rounds up to 1. */
  static float unitFloat(SplittableRandom r) {
    return r.nextInt(1 << 24) * 0x1.0p-24f;
  }
}
