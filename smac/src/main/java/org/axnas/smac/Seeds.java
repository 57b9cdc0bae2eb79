package org.axnas.smac;

import java.util.SplittableRandom;

/**
 * Every random choice of the optimiser comes from a generator seeded by (run seed, purpose,
 * index), never from a long-lived generator: a search rebuilt from its run history draws exactly
 * what the uninterrupted search would have drawn.
 */
final class Seeds {
  /** Purposes: each gets its own stream so adding draws to one never shifts another. */
  static final long TRIAL = 0x7472_6961_6cL;
  static final long INITIAL_DESIGN = 0x6465_7369_676eL;
  static final long INTERLEAVE = 0x696e_7465_726cL;
  static final long PROPOSAL = 0x7072_6f70_6f73L;
  static final long SURROGATE = 0x6d6f_6465_6cL;
  static final long CHALLENGERS = 0x6368_616c_6cL;

  private Seeds() {}

  /** A 64-bit seed for (seed, purpose, index), mixed with SplitMix64's finaliser. */
  static long derive(long seed, long purpose, long index) {
    long z = mix(seed ^ mix(purpose));
    return mix(z + 0x9E37_79B9_7F4A_7C15L * (index + 1));
  }

  static SplittableRandom random(long seed, long purpose, long index) {
    return new SplittableRandom(derive(seed, purpose, index));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }
}
