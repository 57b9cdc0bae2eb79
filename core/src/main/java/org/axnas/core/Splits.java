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

  /** A uniform double in [0, 1) from (seed, index): {@link Seeds#splitUniform}. */
  static double uniform(long seed, long index) {
    return Seeds.splitUniform(seed, index);
  }
}
