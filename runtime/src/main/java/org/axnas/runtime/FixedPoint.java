package org.axnas.runtime;

/**
 * Two's-complement fixed-point arithmetic of a {@code bits}-wide word whose binary point sits
 * {@code frac} bits from the right (a value {@code q} stands for {@code q * 2^-frac}; {@code frac}
 * may exceed the word or be negative, as in dynamic fixed point). Narrowing rounds as asked and
 * saturates on overflow: a value beyond the word becomes the largest or smallest word.
 */
public final class FixedPoint {
  /** The widest word this arithmetic supports (products and sums are held in a {@code long}). */
  public static final int MAX_BITS = 32;

  private FixedPoint() {}

  /** The largest word, {@code 2^(bits-1) - 1}. */
  public static long max(int bits) {
    return (1L << (bits - 1)) - 1;
  }

  /** The smallest word, {@code -2^(bits-1)}. */
  public static long min(int bits) {
    return -(1L << (bits - 1));
  }

  public static long saturate(long v, int bits) {
    return Math.max(min(bits), Math.min(max(bits), v));
  }

  /** A real number as a word: scaled by {@code 2^frac} (exactly), rounded, saturated. NaN becomes 0. */
  public static long quantise(double v, int frac, int bits, Rounding rounding) {
    double scaled = Math.scalb(v, frac);
    double r = rounding == Rounding.NEAREST ? Math.floor(scaled + 0.5) : Math.floor(scaled);
    if (Double.isNaN(r)) {
      return 0;
    }
    if (r >= max(bits)) {
      return max(bits);
    }
    if (r <= min(bits)) {
      return min(bits);
    }
    return (long) r;
  }

  /** The real number a word stands for (exact). */
  public static double value(long q, int frac) {
    return Math.scalb((double) q, -frac);
  }

  /**
   * A wide value (an accumulator) moved from {@code fromFrac} to {@code toFrac} fraction bits,
   * rounded when bits are dropped, then saturated to a {@code bits}-wide word.
   */
  public static long narrow(long v, int fromFrac, int toFrac, int bits, Rounding rounding) {
    return saturate(align(v, fromFrac, toFrac, rounding), bits);
  }

  /**
   * A value moved from {@code fromFrac} to {@code toFrac} fraction bits without saturation: a
   * left shift when bits are added (saturating at the long's range, which a word never reaches),
   * a rounded right shift when bits are dropped.
   */
  public static long align(long v, int fromFrac, int toFrac, Rounding rounding) {
    int drop = fromFrac - toFrac;
    if (drop <= 0) {
      int up = -drop;
      if (v == 0) {
        return 0;
      }
      if (up >= 62 || Math.abs(v) > (Long.MAX_VALUE >> up)) {
        return v > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
      }
      return v << up;
    }
    if (drop >= 63) {
      return rounding == Rounding.TRUNCATE && v < 0 ? -1 : 0;
    }
    return rounding == Rounding.NEAREST ? (v + (1L << (drop - 1))) >> drop : v >> drop;
  }

  /**
   * Fraction bits for values up to {@code maxAbs} in magnitude in a {@code bits}-wide word: as many
   * as leave enough integer bits that {@code maxAbs} is below the largest word (the binary point of
   * dynamic fixed point, Courbariaux, Bengio and David, 2014), kept within {@code [-bits, 2 bits]}.
   * A range of 0 (or NaN) gives {@code bits - 1}.
   */
  public static int fractionBits(double maxAbs, int bits) {
    if (!(maxAbs > 0) || Double.isInfinite(maxAbs)) {
      return Double.isInfinite(maxAbs) ? -bits : bits - 1;
    }
    int integerBits = Math.getExponent(maxAbs) + 1; // 2^integerBits > maxAbs
    return Math.max(-bits, Math.min(2 * bits, bits - 1 - integerBits));
  }
}
