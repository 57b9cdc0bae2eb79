package org.axnas.kernels;

/**
 * The integer forward DCT of AxBench's jpeg encoder ({@code dct.c}): a row pass then a column
 * pass of the even/odd butterfly, with cosines as 10-bit fixed point (cos(k*pi/16)*sqrt(2)*1024)
 * and results truncated to 16 bits after each pass. It computes the orthonormal 2-D DCT-II (DC =
 * sum/8) to within a few units. Intermediate sums are 32-bit and the shifts arithmetic, as in C.
 */
final class JpegDct {
  private static final int C1 = 1420; // cos(pi/16) * sqrt(2) * 1024
  private static final int C2 = 1338; // cos(pi/8) * sqrt(2) * 1024
  private static final int C3 = 1204; // cos(3pi/16) * sqrt(2) * 1024
  private static final int C5 = 805; // cos(5pi/16) * sqrt(2) * 1024
  private static final int C6 = 554; // cos(3pi/8) * sqrt(2) * 1024
  private static final int C7 = 283; // cos(7pi/16) * sqrt(2) * 1024
  private static final int S1 = 3;
  private static final int S2 = 10;
  private static final int S3 = 13;

  /**
   * One pass over 8 lines. Per line: 8 loads and stores, 28 integer additions, 20 integer
   * multiplications, 6 shifts (8 in the column pass) and 2 pointer/counter updates.
   */
  static final OpBlock ROW_PASS = OpBlock.EMPTY.integer(56).load(8).store(8).branch(1).times(8);
  static final OpBlock COLUMN_PASS = OpBlock.EMPTY.integer(58).load(8).store(8).branch(1).times(8);

  private JpegDct() {}

  /** Transforms the 8x8 block (row-major, 16-bit values held in ints) in place. */
  static void forward(int[] data) {
    for (int row = 0; row < 64; row += 8) {
      butterfly(data, row, 1, S2, 0);
    }
    for (int column = 0; column < 8; column++) {
      butterfly(data, column, 8, S3, S1);
    }
  }

  /**
   * One 8-point line starting at {@code at} with element stride {@code step}; odd and
   * mid-frequency outputs shifted right by {@code shift}, DC and the 4th by {@code dcShift}.
   */
  private static void butterfly(int[] d, int at, int step, int shift, int dcShift) {
    int p0 = at;
    int p1 = at + step;
    int p2 = at + 2 * step;
    int p3 = at + 3 * step;
    int p4 = at + 4 * step;
    int p5 = at + 5 * step;
    int p6 = at + 6 * step;
    int p7 = at + 7 * step;
    int x8 = d[p0] + d[p7];
    int x0 = d[p0] - d[p7];
    int x7 = d[p1] + d[p6];
    int x1 = d[p1] - d[p6];
    int x6 = d[p2] + d[p5];
    int x2 = d[p2] - d[p5];
    int x5 = d[p3] + d[p4];
    int x3 = d[p3] - d[p4];
    int x4 = x8 + x5;
    x8 -= x5;
    x5 = x7 + x6;
    x7 -= x6;
    d[p0] = (short) ((x4 + x5) >> dcShift);
    d[p4] = (short) ((x4 - x5) >> dcShift);
    d[p2] = (short) ((x8 * C2 + x7 * C6) >> shift);
    d[p6] = (short) ((x8 * C6 - x7 * C2) >> shift);
    d[p7] = (short) ((x0 * C7 - x1 * C5 + x2 * C3 - x3 * C1) >> shift);
    d[p5] = (short) ((x0 * C5 - x1 * C1 + x2 * C7 + x3 * C3) >> shift);
    d[p3] = (short) ((x0 * C3 - x1 * C7 - x2 * C1 - x3 * C5) >> shift);
    d[p1] = (short) ((x0 * C1 + x1 * C3 + x2 * C5 + x3 * C7) >> shift);
  }
}
