package org.axnas.core;

import java.io.Serializable;

/**
 * Deterministic train / validation / test assignment by a seeded hash of a sample's index: the
 * same index always lands in the same part, whatever order or worker sees it.
 */
public record Splits(double train, double validation, long seed) implements Serializable {

  /** The three parts. */
  public enum Part {
    TRAIN,
    VALIDATION,
    TEST
  }

  public Splits {
    if (!(train > 0) || !(validation >= 0) || !(train + validation <= 1.0 + 1e-12)) {
      throw new IllegalArgumentException(
          "split fractions must satisfy train > 0, validation >= 0, train + validation <= 1; got train="
              + train + " validation=" + validation);
    }
  }

  public double test() {
    return Math.max(0, 1.0 - train - validation);
  }

  /** The part of the sample with this index. */
  public Part of(long index) {
    double u = uniform(seed, index);
    if (u < train) {
      return Part.TRAIN;
    }
    return u < train + validation ? Part.VALIDATION : Part.TEST;
  }

  /** A uniform double in [0, 1) from (seed, index) by SplitMix64 finalisation. */
  static double uniform(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }
}
