package org.axnas.trainer;

import java.util.SplittableRandom;
import org.axnas.core.Network;

/**
 * The parameters of an MLP: for each weight layer a {@code [inputs][outputs]} weight matrix (one
 * float row per input neuron) and an {@code [outputs]} bias vector. Every backend starts from and
 * ends in this shape; callers copy before they hand one out.
 */
final class MlpWeights {
  final float[][][] weights;
  final float[][] biases;

  MlpWeights(float[][][] weights, float[][] biases) {
    this.weights = weights;
    this.biases = biases;
  }

  /** Zero weights and biases shaped for {@code net}. */
  static MlpWeights zeros(Network net) {
    int[] w = net.widths();
    float[][][] weights = new float[w.length - 1][][];
    float[][] biases = new float[w.length - 1][];
    for (int l = 0; l + 1 < w.length; l++) {
      weights[l] = new float[w[l]][w[l + 1]];
      biases[l] = new float[w[l + 1]];
    }
    return new MlpWeights(weights, biases);
  }

  /**
   * Xavier (Glorot) uniform initialisation, U(-a, a) with a = sqrt(6 / (fanIn + fanOut)), biases
   * zero: the scheme DL4J calls XAVIER_UNIFORM, drawn from our own seeded generator so that both
   * backends start from the same weights.
   */
  static MlpWeights xavier(Network net, SplittableRandom random) {
    MlpWeights p = zeros(net);
    for (float[][] layer : p.weights) {
      int fanIn = layer.length;
      int fanOut = layer[0].length;
      double a = Math.sqrt(6.0 / (fanIn + fanOut));
      for (float[] row : layer) {
        for (int j = 0; j < row.length; j++) {
          row[j] = (float) ((2 * random.nextDouble() - 1) * a);
        }
      }
    }
    return p;
  }

  int layers() {
    return weights.length;
  }

  MlpWeights copy() {
    float[][][] w = new float[weights.length][][];
    float[][] b = new float[biases.length][];
    for (int l = 0; l < weights.length; l++) {
      w[l] = new float[weights[l].length][];
      for (int k = 0; k < weights[l].length; k++) {
        w[l][k] = weights[l][k].clone();
      }
      b[l] = biases[l].clone();
    }
    return new MlpWeights(w, b);
  }

  /** True when every weight and bias is a finite number. */
  boolean allFinite() {
    for (int l = 0; l < weights.length; l++) {
      for (float[] row : weights[l]) {
        for (float v : row) {
          if (!Float.isFinite(v)) {
            return false;
          }
        }
      }
      for (float v : biases[l]) {
        if (!Float.isFinite(v)) {
          return false;
        }
      }
    }
    return true;
  }

  /** True when both hold bit-identical parameters. */
  boolean sameBits(MlpWeights other) {
    if (other.weights.length != weights.length) {
      return false;
    }
    for (int l = 0; l < weights.length; l++) {
      if (!java.util.Arrays.deepEquals(weights[l], other.weights[l])
          || !java.util.Arrays.equals(biases[l], other.biases[l])) {
        return false;
      }
    }
    return true;
  }
}
