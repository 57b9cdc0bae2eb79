package org.axnas.smac;

import org.axnas.core.Seeds;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * A Sobol sequence (Joe-Kuo direction numbers, via commons-math3) randomised by a digital shift:
 * every point's 52-bit coordinates are XOR-ed with one random word per dimension, which keeps the
 * sequence's net structure (each 2^m-point block still has one point in every elementary
 * interval of volume 2^-m) while moving the fixed corner point of the plain sequence. SMAC3 uses
 * scrambled Sobol from SciPy; the shift is the cheaper of the two randomisations.
 */
public final class SobolDesign implements InitialDesign {
  private static final double SCALE = 0x1p52;

  @Override
  public double[][] points(int n, int d, long seed, int batch) {
    double[][] out = new double[n][d];
    if (d == 0) {
      return out;
    }
    SplittableRandom random = Seeds.random(seed, SeedPurposes.INITIAL_DESIGN, 0);
    long[] shift = new long[d];
    for (int j = 0; j < d; j++) {
      shift[j] = random.nextLong() & ((1L << 52) - 1);
    }
    SobolSequenceGenerator sobol = new SobolSequenceGenerator(d);
    // later batches continue the same sequence, so together they stay low-discrepancy;
    // skipTo(k) returns point k itself
    int start = (int) Math.min(Integer.MAX_VALUE - n, (long) batch * n);
    for (int i = 0; i < n; i++) {
      double[] v = i == 0 ? sobol.skipTo(start) : sobol.nextVector();
      for (int j = 0; j < d; j++) {
        long bits = (long) (v[j] * SCALE);
        out[i][j] = (bits ^ shift[j]) / SCALE;
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "sobol";
  }
}
