package org.axnas.trainer;

/**
 * The dense matrix kernels of the fast backend. Matrices are arrays of float rows (a minibatch is
 * one row per sample), because HotSpot's C2 vectorises {@code y[j] += a * x[j]} over whole arrays
 * but not over offset slices of one flat array (measured on JDK 17: 17 vs 3 GMAC/s on 128x128).
 * Every kernel therefore keeps its innermost loop over a full row, and each comes in two
 * orientations so that the innermost loop runs over the longer dimension; a layer picks per call.
 * The inner loops are unrolled by four (four rows of the other operand per pass) to cut the loads
 * and stores of the accumulator row; by eight, C2 no longer vectorises them (4x slower). Float additions are never reordered by the JIT, so every
 * kernel gives the same bits on every run.
 */
final class DenseKernels {
  private DenseKernels() {}

  /** {@code out[b] = bias + in[b] . w} for b < rows, with {@code w} as [K][N]: inner loop over N. */
  static void forwardRows(float[][] in, int rows, float[][] w, float[] bias, float[][] out) {
    int kk = w.length;
    int n = bias.length;
    for (int b = 0; b < rows; b++) {
      float[] x = in[b];
      float[] o = out[b];
      System.arraycopy(bias, 0, o, 0, n);
      int k = 0;
      for (; k + 3 < kk; k += 4) {
        float x0 = x[k];
        float x1 = x[k + 1];
        float x2 = x[k + 2];
        float x3 = x[k + 3];
        float[] w0 = w[k];
        float[] w1 = w[k + 1];
        float[] w2 = w[k + 2];
        float[] w3 = w[k + 3];
        for (int j = 0; j < n; j++) {
          o[j] += x0 * w0[j] + x1 * w1[j] + x2 * w2[j] + x3 * w3[j];
        }
      }
      for (; k < kk; k++) {
        float xk = x[k];
        float[] wk = w[k];
        for (int j = 0; j < n; j++) {
          o[j] += xk * wk[j];
        }
      }
    }
  }

  /** The same product with {@code wt} as [N][K]: one dot product over K per output (narrow N). */
  static void forwardDots(float[][] in, int rows, float[][] wt, float[] bias, float[][] out) {
    int n = wt.length;
    for (int b = 0; b < rows; b++) {
      float[] x = in[b];
      float[] o = out[b];
      for (int j = 0; j < n; j++) {
        o[j] = bias[j] + dot(x, wt[j]);
      }
    }
  }

  /** {@code dIn[b] = d[b] . w^T} with {@code wt} as [N][K]: inner loop over K. */
  static void backwardRows(float[][] d, int rows, float[][] wt, float[][] dIn) {
    int n = wt.length;
    int kk = wt[0].length;
    for (int b = 0; b < rows; b++) {
      float[] g = d[b];
      float[] o = dIn[b];
      // Zeroing first and then only adding is faster than assigning in the first pass
      // (measured 337 vs 429 us at 256x128x128): C2 then compiles one loop shape.
      java.util.Arrays.fill(o, 0, kk, 0f);
      int j = 0;
      for (; j + 3 < n; j += 4) {
        float g0 = g[j];
        float g1 = g[j + 1];
        float g2 = g[j + 2];
        float g3 = g[j + 3];
        float[] w0 = wt[j];
        float[] w1 = wt[j + 1];
        float[] w2 = wt[j + 2];
        float[] w3 = wt[j + 3];
        for (int k = 0; k < kk; k++) {
          o[k] += g0 * w0[k] + g1 * w1[k] + g2 * w2[k] + g3 * w3[k];
        }
      }
      for (; j < n; j++) {
        float gj = g[j];
        float[] wj = wt[j];
        for (int k = 0; k < kk; k++) {
          o[k] += gj * wj[k];
        }
      }
    }
  }

  /** The same product with {@code w} as [K][N]: one dot product over N per input (narrow K). */
  static void backwardDots(float[][] d, int rows, float[][] w, float[][] dIn) {
    int kk = w.length;
    for (int b = 0; b < rows; b++) {
      float[] g = d[b];
      float[] o = dIn[b];
      for (int k = 0; k < kk; k++) {
        o[k] = dot(g, w[k]);
      }
    }
  }

  /** {@code gw[k] = sum_b in[b][k] * d[b]}, gw as [K][N]: inner loop over N. */
  static void weightGradientRows(float[][] in, float[][] d, int rows, float[][] gw) {
    int kk = gw.length;
    int n = gw[0].length;
    for (float[] r : gw) {
      java.util.Arrays.fill(r, 0f);
    }
    int b = 0;
    for (; b + 3 < rows; b += 4) {
      float[] x0 = in[b];
      float[] x1 = in[b + 1];
      float[] x2 = in[b + 2];
      float[] x3 = in[b + 3];
      float[] d0 = d[b];
      float[] d1 = d[b + 1];
      float[] d2 = d[b + 2];
      float[] d3 = d[b + 3];
      for (int k = 0; k < kk; k++) {
        float a0 = x0[k];
        float a1 = x1[k];
        float a2 = x2[k];
        float a3 = x3[k];
        float[] g = gw[k];
        for (int j = 0; j < n; j++) {
          g[j] += a0 * d0[j] + a1 * d1[j] + a2 * d2[j] + a3 * d3[j];
        }
      }
    }
    for (; b < rows; b++) {
      float[] x = in[b];
      float[] dd = d[b];
      for (int k = 0; k < kk; k++) {
        float a = x[k];
        float[] g = gw[k];
        for (int j = 0; j < n; j++) {
          g[j] += a * dd[j];
        }
      }
    }
  }

  /** {@code gwt[j] = sum_b d[b][j] * in[b]}, gwt as [N][K]: inner loop over K. */
  static void weightGradientColumns(float[][] in, float[][] d, int rows, float[][] gwt) {
    int n = gwt.length;
    int kk = gwt[0].length;
    for (float[] r : gwt) {
      java.util.Arrays.fill(r, 0f);
    }
    int b = 0;
    for (; b + 3 < rows; b += 4) {
      float[] x0 = in[b];
      float[] x1 = in[b + 1];
      float[] x2 = in[b + 2];
      float[] x3 = in[b + 3];
      float[] d0 = d[b];
      float[] d1 = d[b + 1];
      float[] d2 = d[b + 2];
      float[] d3 = d[b + 3];
      for (int j = 0; j < n; j++) {
        float a0 = d0[j];
        float a1 = d1[j];
        float a2 = d2[j];
        float a3 = d3[j];
        float[] g = gwt[j];
        for (int k = 0; k < kk; k++) {
          g[k] += a0 * x0[k] + a1 * x1[k] + a2 * x2[k] + a3 * x3[k];
        }
      }
    }
    for (; b < rows; b++) {
      float[] x = in[b];
      float[] dd = d[b];
      for (int j = 0; j < n; j++) {
        float a = dd[j];
        float[] g = gwt[j];
        for (int k = 0; k < kk; k++) {
          g[k] += a * x[k];
        }
      }
    }
  }

  /** {@code gb = sum_b d[b]}. */
  static void biasGradient(float[][] d, int rows, float[] gb) {
    int n = gb.length;
    java.util.Arrays.fill(gb, 0f);
    for (int b = 0; b < rows; b++) {
      float[] dd = d[b];
      for (int j = 0; j < n; j++) {
        gb[j] += dd[j];
      }
    }
  }

  /** {@code dst[k][j] = src[j][k]}. */
  static void transpose(float[][] src, float[][] dst) {
    int n = src.length;
    int kk = src[0].length;
    for (int k = 0; k < kk; k++) {
      float[] d = dst[k];
      for (int j = 0; j < n; j++) {
        d[j] = src[j][k];
      }
    }
  }

  /** A dot product with four partial sums (the JIT does not vectorise float reductions). */
  static float dot(float[] a, float[] b) {
    int n = b.length;
    float s0 = 0f;
    float s1 = 0f;
    float s2 = 0f;
    float s3 = 0f;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < n; i++) {
      s0 += a[i] * b[i];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
