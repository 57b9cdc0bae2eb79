package org.axnas.core;

import java.util.SplittableRandom;

/**
 * Every seed of the product is derived here, from the run's one seed, so that any draw can be
 * made again without the ones before it, in any order, on any worker, and a resumed or
 * distributed run draws what an uninterrupted one would.
 *
 * <p>{@link #derive} is the derivation: a purpose (a named stream, so that adding draws to one
 * never shifts another) and an index, mixed with SplitMix64's finaliser. New code uses it.
 *
 * <p>Three older derivations are kept here bit for bit, each named for what it seeds, because
 * changing any of them changes every result made before (the generated inputs, hence the traces;
 * which split a sample lands in; the weights a network trains to, hence the evaluation cache and
 * every history): {@link #inputStream} (the kernels' input generators, MurmurHash3's finaliser),
 * {@link #splitUniform} (the train / validation / test assignment) and {@link #trainingSeed} (a
 * candidate's training). Moving them onto {@link #derive} is a deliberate, result-changing step
 * for a later version.
 */
public final class Seeds {
  private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;

  private Seeds() {}

  /** A 64-bit seed for (seed, purpose, index), mixed with SplitMix64's finaliser. */
  public static long derive(long seed, long purpose, long index) {
    long z = mix(seed ^ mix(purpose));
    return mix(z + GOLDEN * (index + 1));
  }

  /** A generator seeded by {@link #derive}. */
  public static SplittableRandom random(long seed, long purpose, long index) {
    return new SplittableRandom(derive(seed, purpose, index));
  }

  /**
   * The kernels' input generators: the random numbers of input {@code index} of a stream (e.g.
   * images, centroids) come from a generator seeded by a hash of (seed, stream, index).
   */
  public static SplittableRandom inputStream(long seed, long stream, long index) {
    long h = murmur(seed ^ GOLDEN);
    h = murmur(h ^ (stream * 0xC2B2AE3D27D4EB4FL));
    return new SplittableRandom(murmur(h ^ (index * 0x165667B19E3779F9L + 0x27D4EB2F165667C5L)));
  }

  /** The split of sample {@code index}: a uniform double in [0, 1) from (seed, index). */
  public static double splitUniform(long seed, long index) {
    return (mix(seed * GOLDEN + index + 0x632BE59BD9B4E019L) >>> 11) * 0x1.0p-53;
  }

  /**
   * A candidate's training seed: from the run seed and the network only, so the same network
   * trains to the same weights in any search with that seed (the evaluation cache relies on it).
   */
  public static long trainingSeed(long runSeed, String network) {
    return mix(runSeed * GOLDEN + network.hashCode());
  }

  /** SplitMix64's finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }

  /** MurmurHash3's 64-bit finaliser. */
  private static long murmur(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }
}
