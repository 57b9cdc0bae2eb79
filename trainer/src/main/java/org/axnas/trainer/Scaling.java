package org.axnas.trainer;

import java.util.Arrays;

/**
 * Standardisation of a model's inputs and outputs, fitted on the train split: each input column
 * is fed to the network as {@code (x - mean) / std} and each network output is returned as
 * {@code out * std + mean}, both in float arithmetic in exactly that order (the exported
 * evaluators repeat it bit for bit). The mean and the population standard deviation are computed
 * in double; a constant column gets std 1, so it becomes 0 rather than a division by zero.
 */
public final class Scaling {
  private final float[] inMean;
  private final float[] inStd;
  private final float[] outMean;
  private final float[] outStd;

  Scaling(float[] inMean, float[] inStd, float[] outMean, float[] outStd) {
    if (inMean.length != inStd.length || outMean.length != outStd.length) {
      throw new IllegalArgumentException("scaling means and standard deviations differ in length");
    }
    for (float s : inStd) {
      requirePositive(s);
    }
    for (float s : outStd) {
      requirePositive(s);
    }
    this.inMean = inMean.clone();
    this.inStd = inStd.clone();
    this.outMean = outMean.clone();
    this.outStd = outStd.clone();
  }

  /** A scaling from its column statistics (standard deviations positive and finite). */
  public static Scaling of(float[] inputMean, float[] inputStd, float[] outputMean, float[] outputStd) {
    return new Scaling(inputMean, inputStd, outputMean, outputStd);
  }

  private static void requirePositive(float s) {
    if (!(s > 0) || !Float.isFinite(s)) {
      throw new IllegalArgumentException("a scaling standard deviation must be positive and finite, got " + s);
    }
  }

  /** Column means and standard deviations of the train split. */
  static Scaling standardize(Dataset train) {
    return new Scaling(
        mean(train.xShared(), train.inWidth()),
        std(train.xShared(), train.inWidth()),
        mean(train.yShared(), train.outWidth()),
        std(train.yShared(), train.outWidth()));
  }

  private static float[] mean(float[] data, int width) {
    int n = data.length / width;
    double[] sum = new double[width];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < width; j++) {
        sum[j] += data[i * width + j];
      }
    }
    float[] mean = new float[width];
    for (int j = 0; j < width; j++) {
      mean[j] = (float) (sum[j] / n);
    }
    return mean;
  }

  private static float[] std(float[] data, int width) {
    int n = data.length / width;
    double[] mean = new double[width];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < width; j++) {
        mean[j] += data[i * width + j];
      }
    }
    for (int j = 0; j < width; j++) {
      mean[j] /= n;
    }
    double[] ss = new double[width];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < width; j++) {
        double d = data[i * width + j] - mean[j];
        ss[j] += d * d;
      }
    }
    float[] std = new float[width];
    for (int j = 0; j < width; j++) {
      float s = (float) Math.sqrt(ss[j] / n);
      std[j] = s > 0 && Float.isFinite(s) ? s : 1f;
    }
    return std;
  }

  public int inputs() {
    return inMean.length;
  }

  public int outputs() {
    return outMean.length;
  }

  public float[] inputMean() {
    return inMean.clone();
  }

  public float[] inputStd() {
    return inStd.clone();
  }

  public float[] outputMean() {
    return outMean.clone();
  }

  public float[] outputStd() {
    return outStd.clone();
  }

  /** Scaled input rows, one array per sample, from row-major unscaled inputs. */
  float[][] scaleInputs(float[] x, int n) {
    return scaleRows(x, n, inMean, inStd);
  }

  /** Scaled target rows, one array per sample, from row-major unscaled targets. */
  float[][] scaleOutputs(float[] y, int n) {
    return scaleRows(y, n, outMean, outStd);
  }

  /** Scales one input row in place. */
  void scaleInputRow(float[] row) {
    for (int j = 0; j < row.length; j++) {
      row[j] = (row[j] - inMean[j]) / inStd[j];
    }
  }

  /** Turns one network output row back into the target's units, in place. */
  void unscaleOutputRow(float[] row) {
    for (int j = 0; j < row.length; j++) {
      row[j] = row[j] * outStd[j] + outMean[j];
    }
  }

  private static float[][] scaleRows(float[] data, int n, float[] mean, float[] std) {
    int width = mean.length;
    float[][] rows = new float[n][width];
    for (int i = 0; i < n; i++) {
      float[] r = rows[i];
      for (int j = 0; j < width; j++) {
        r[j] = (data[i * width + j] - mean[j]) / std[j];
      }
    }
    return rows;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scaling s
        && Arrays.equals(inMean, s.inMean)
        && Arrays.equals(inStd, s.inStd)
        && Arrays.equals(outMean, s.outMean)
        && Arrays.equals(outStd, s.outStd);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(inMean) * 31 + Arrays.hashCode(outMean);
  }
}
