package org.axnas.kernels;

/**
 * Quantisation as AxBench's jpeg encoder does it ({@code quant.c}) at its quality factor 1024
 * (i.e. the table unscaled): each DCT coefficient times a Q15 reciprocal of the standard JPEG
 * luminance table entry (ITU-T T.81 Annex K, table K.1), rounded, and stored at its zig-zag
 * position.
 */
final class JpegQuantizer {

  /** ITU-T T.81 table K.1, row-major (rows = vertical frequency). */
  static final int[] LUMINANCE_TABLE = {
    16, 11, 10, 16, 24, 40, 51, 61,
    12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56,
    14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77,
    24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101,
    72, 92, 95, 98, 112, 100, 103, 99
  };

  /** AxBench's {@code qualityFactor}: 1024 leaves the table as it is. */
  private static final int QUALITY_FACTOR = 1024;

  /** Zig-zag position of each row-major coefficient. */
  static final int[] ZIGZAG = zigzag();

  /** {@code ILqt}: Q15 reciprocals of the (quality-scaled) table, row-major. */
  private static final int[] RECIPROCALS = reciprocals();

  /** Per coefficient: 3 loads, multiply, add, shift, loop counter; 1 store; 1 back-edge. */
  static final OpBlock QUANTIZE = OpBlock.EMPTY.integer(4).load(3).store(1).branch(1).times(64);

  private JpegQuantizer() {}

  /** Quantises the row-major DCT block into {@code zigzag} (16-bit values held in ints). */
  static void quantize(int[] dct, int[] zigzag) {
    for (int i = 63; i >= 0; i--) {
      int value = dct[i] * RECIPROCALS[i];
      value = (value + 0x4000) >> 15;
      zigzag[ZIGZAG[i]] = (short) value;
    }
  }

  /** Walks the anti-diagonals alternately up and down, as JPEG orders coefficients. */
  private static int[] zigzag() {
    int[] position = new int[64];
    int k = 0;
    for (int s = 0; s < 15; s++) {
      int lo = Math.max(0, s - 7);
      int hi = Math.min(s, 7);
      for (int n = 0; n <= hi - lo; n++) {
        int row = s % 2 == 0 ? hi - n : lo + n; // even diagonals run bottom-left to top-right
        position[row * 8 + (s - row)] = k++;
      }
    }
    return position;
  }

  private static int[] reciprocals() {
    int[] r = new int[64];
    for (int i = 0; i < 64; i++) {
      int value = (LUMINANCE_TABLE[i] * QUALITY_FACTOR + 0x200) >> 10;
      value = Math.max(1, Math.min(255, value));
      r[i] = dspDivision(0x8000, value);
    }
    return r;
  }

  /**
   * AxBench's {@code dspDivision}: 16 steps of restoring division on unsigned 32-bit values,
   * truncated to 16 bits (its {@code >} instead of {@code >=} makes 2^15/16 come out as 2047).
   */
  static int dspDivision(long numerator, long denominator) {
    long numer = numerator & 0xFFFFFFFFL;
    long denom = (denominator << 15) & 0xFFFFFFFFL;
    for (int i = 16; i > 0; i--) {
      if (numer > denom) {
        numer = (((numer - denom) << 1) + 1) & 0xFFFFFFFFL;
      } else {
        numer = (numer << 1) & 0xFFFFFFFFL;
      }
    }
    return (int) (numer & 0xFFFF);
  }
}
