package org.axnas.runtime;

/**
 * Two's-complement fixed-point arithmetic of a {@code bits}-wide word whose binary point sits
 * {@code frac} bits from the right (a value {@code q} stands for {@code q * 2^-frac}; {@code frac}
 * may exceed the word or be negative, as in dynamic fixed point). Narrowing rounds as asked and
 * saturates on overflow: a value beyond the word becomes the largest or smallest word.
 */
public final class FixedPoint {
  /** The widest word this arithmetic supports (sums of products are held in a {@link Sum}). */
  public static final int MAX_BITS = 32;

  /**
   * The widest word whose sums a {@code long} holds exactly: a product of two 16-bit words is
   * below 2^30, so a long holds 2^33 of them (a layer's fan-in is far below), and a bias word
   * aligned to the product's binary point (at most {@code 2 bits} places up) stays below 2^47.
   * Wider words need a {@link Sum}: two 32-bit words make a 62-bit product.
   */
  public static final int LONG_SUM_BITS = 16;

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
   * An exact two's-complement sum of 128 bits, the wide accumulator of a MAC whose words are
   * wider than {@link #LONG_SUM_BITS}: products of two 32-bit words and their sums over any
   * fan-in, and a bias aligned up to 64 places, without overflow. Mutable; one per thread.
   */
  public static final class Sum {
    private long hi;
    private long lo;

    /** Starts the sum at {@code v} moved from {@code fromFrac} to {@code toFrac} fraction bits (as {@link #align}, exact upward). */
    public Sum start(long v, int fromFrac, int toFrac, Rounding rounding) {
      int up = toFrac - fromFrac;
      if (up < 0) {
        lo = align(v, fromFrac, toFrac, rounding);
        hi = lo >> 63;
      } else if (up < 64) {
        lo = v << up;
        hi = up == 0 ? v >> 63 : v >> (64 - up);
      } else {
        // a bias word of at most 32 bits moved at most 2 x 32 places: below 2^96
        if (up - 64 >= 63 || Math.abs(v) > (Long.MAX_VALUE >> (up - 64))) {
          throw new ArithmeticException("a word moved " + up + " places overflows 128 bits");
        }
        lo = 0;
        hi = v << (up - 64);
      }
      return this;
    }

    /** Adds the exact product {@code a * b}. */
    public void addProduct(long a, long b) {
      add(Math.multiplyHigh(a, b), a * b);
    }

    private void add(long h, long l) {
      long sum = lo + l;
      hi += h + (Long.compareUnsigned(sum, lo) < 0 ? 1 : 0);
      lo = sum;
    }

    /**
     * The sum moved from {@code fromFrac} to {@code toFrac} fraction bits, rounded when bits are
     * dropped, then saturated to a {@code bits}-wide word (as {@link #narrow}).
     */
    public long narrow(int fromFrac, int toFrac, int bits, Rounding rounding) {
      int drop = fromFrac - toFrac;
      if (drop <= 0) { // nothing is dropped: a sum within a long moves as a long does, a wider one saturates
        return fitsLong(hi, lo) ? FixedPoint.narrow(lo, fromFrac, toFrac, bits, rounding) : hi < 0 ? min(bits) : max(bits);
      }
      if (drop >= 128) { // below half a unit of the word: 0, or -1 when truncating a negative sum
        return rounding == Rounding.TRUNCATE && hi < 0 ? -1 : 0;
      }
      long h = hi;
      long l = lo;
      if (rounding == Rounding.NEAREST) {
        long half = 1L << ((drop - 1) & 63);
        long sum = drop - 1 < 64 ? l + half : l;
        h += (drop - 1 < 64 ? 0 : half) + (Long.compareUnsigned(sum, l) < 0 ? 1 : 0);
        l = sum;
      }
      if (drop < 64) {
        l = (l >>> drop) | (h << (64 - drop));
        h >>= drop;
      } else {
        l = h >> (drop - 64);
        h >>= 63;
      }
      return fitsLong(h, l) ? saturate(l, bits) : h < 0 ? min(bits) : max(bits);
    }

    /** Whether the 128-bit value {@code (h, l)} is a sign-extended long. */
    private static boolean fitsLong(long h, long l) {
      return h == (l >> 63);
    }
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
