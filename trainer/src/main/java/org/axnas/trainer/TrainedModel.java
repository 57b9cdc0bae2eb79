package org.axnas.trainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axnas.core.Activation;
import org.axnas.core.Network;

/**
 * A trained network with its scaling: immutable, whichever backend trained it. It predicts in
 * batches and exports to our JSON (read by the runtime module's {@code PlainEvaluator}, which needs only the JDK) and
 * to DL4J's model file.
 *
 * <p>{@link #predict} computes each output as {@code bias + x[0]*W[0][j] + x[1]*W[1][j] + ...}
 * strictly left to right in float, the order {@code PlainEvaluator} uses, so both give the same
 * bits.
 */
public final class TrainedModel {
  /** Rows scored per pass of {@link #predict}. */
  private static final int PREDICT_ROWS = 256;
  /** From this many outputs on, a layer is computed by row updates over the outputs. */
  private static final int MIN_ROW_WIDTH = 8;

  private final Network network;
  private final Scaling scaling;
  private final MlpWeights params;
  /** [out][in] copies for narrow layers, so that their dot products read contiguous memory. */
  private final float[][][] transposed;

  TrainedModel(Network network, Scaling scaling, MlpWeights params) {
    int[] w = network.widths();
    if (params.layers() != w.length - 1) {
      throw new IllegalArgumentException("network " + network + " has " + (w.length - 1)
          + " weight layers but " + params.layers() + " were given");
    }
    for (int l = 0; l + 1 < w.length; l++) {
      float[][] layer = params.weights[l];
      if (layer.length != w[l] || params.biases[l].length != w[l + 1]) {
        throw new IllegalArgumentException("layer " + l + " of " + network + " must be "
            + w[l] + " x " + w[l + 1]);
      }
      for (float[] row : layer) {
        if (row.length != w[l + 1]) {
          throw new IllegalArgumentException("layer " + l + " of " + network + " must be "
              + w[l] + " x " + w[l + 1]);
        }
      }
    }
    if (scaling.inputs() != network.inputs() || scaling.outputs() != network.outputs()) {
      throw new IllegalArgumentException("the scaling is " + scaling.inputs() + " -> "
          + scaling.outputs() + " but network " + network + " is " + network.inputs() + " -> "
          + network.outputs());
    }
    this.network = network;
    this.scaling = scaling;
    this.params = params.copy();
    this.transposed = new float[w.length - 1][][];
    for (int l = 0; l + 1 < w.length; l++) {
      if (w[l + 1] < MIN_ROW_WIDTH) {
        transposed[l] = new float[w[l + 1]][w[l]];
        DenseKernels.transpose(this.params.weights[l], transposed[l]);
      }
    }
  }

  /**
   * A model from explicit parameters: per weight layer a row-major [inputs][outputs] weight
   * array and an [outputs] bias array, with the scaling fitted on the train split.
   */
  public static TrainedModel of(Network network, Scaling scaling, List<float[]> weights, List<float[]> biases) {
    int[] w = network.widths();
    if (weights.size() != w.length - 1 || biases.size() != w.length - 1) {
      throw new IllegalArgumentException("network " + network + " needs " + (w.length - 1)
          + " weight and bias arrays");
    }
    MlpWeights p = MlpWeights.zeros(network);
    for (int l = 0; l + 1 < w.length; l++) {
      float[] flat = weights.get(l);
      if (flat.length != w[l] * w[l + 1] || biases.get(l).length != w[l + 1]) {
        throw new IllegalArgumentException("layer " + l + " of " + network + " needs "
            + w[l] * w[l + 1] + " weights and " + w[l + 1] + " biases");
      }
      for (int k = 0; k < w[l]; k++) {
        System.arraycopy(flat, k * w[l + 1], p.weights[l][k], 0, w[l + 1]);
      }
      System.arraycopy(biases.get(l), 0, p.biases[l], 0, w[l + 1]);
    }
    return new TrainedModel(network, scaling, p);
  }

  public Network network() {
    return network;
  }


  public Scaling scaling() {
    return scaling;
  }

  /** The weights of weight layer {@code layer} (0 = first hidden), row-major [inputs][outputs]. */
  public float[] weights(int layer) {
    float[][] rows = params.weights[layer];
    int n = rows[0].length;
    float[] flat = new float[rows.length * n];
    for (int k = 0; k < rows.length; k++) {
      System.arraycopy(rows[k], 0, flat, k * n, n);
    }
    return flat;
  }

  /** The biases of weight layer {@code layer}. */
  public float[] biases(int layer) {
    return params.biases[layer].clone();
  }

  /** The parameters, copied. */
  MlpWeights parameters() {
    return params.copy();
  }

  /** True when both models have the same network, scaling and bit-identical parameters. */
  public boolean sameParameters(TrainedModel other) {
    return network.equals(other.network) && scaling.equals(other.scaling) && params.sameBits(other.params);
  }

  /**
   * Outputs for {@code n} inputs given row-major ({@code n * inputs} floats), in the targets'
   * units, row-major ({@code n * outputs} floats). Thread-safe.
   */
  public float[] predict(float[] x, int n) {
    int in = network.inputs();
    int out = network.outputs();
    if (n < 0 || x.length != n * in) {
      throw new IllegalArgumentException(
          "expected " + n + " x " + in + " = " + (long) n * in + " input floats, got " + x.length);
    }
    int[] w = network.widths();
    List<Activation> acts = network.activations();
    float[] y = new float[n * out];
    int rows = Math.min(PREDICT_ROWS, Math.max(n, 1));
    float[][][] buf = new float[w.length][rows][];
    for (int l = 0; l < w.length; l++) {
      for (int b = 0; b < rows; b++) {
        buf[l][b] = new float[w[l]];
      }
    }
    for (int start = 0; start < n; start += rows) {
      int m = Math.min(rows, n - start);
      for (int b = 0; b < m; b++) {
        System.arraycopy(x, (start + b) * in, buf[0][b], 0, in);
        scaling.scaleInputRow(buf[0][b]);
      }
      for (int l = 0; l + 1 < w.length; l++) {
        layerInOrder(l, buf[l], m, buf[l + 1]);
        for (int b = 0; b < m; b++) {
          FloatActivations.apply(acts.get(l), buf[l + 1][b], w[l + 1]);
        }
      }
      float[][] outRows = buf[w.length - 1];
      for (int b = 0; b < m; b++) {
        scaling.unscaleOutputRow(outRows[b]);
        System.arraycopy(outRows[b], 0, y, (start + b) * out, out);
      }
    }
    return y;
  }

  /** Outputs for one input. */
  public float[] predict(float[] input) {
    return predict(input, 1);
  }

  /** One dense layer, each output summed strictly in input order (see the class comment). */
  private void layerInOrder(int l, float[][] in, int rows, float[][] out) {
    float[][] wl = params.weights[l];
    float[] bias = params.biases[l];
    int kk = wl.length;
    int n = bias.length;
    if (transposed[l] == null) {
      for (int b = 0; b < rows; b++) {
        float[] x = in[b];
        float[] o = out[b];
        System.arraycopy(bias, 0, o, 0, n);
        for (int k = 0; k < kk; k++) {
          float xk = x[k];
          float[] wk = wl[k];
          for (int j = 0; j < n; j++) {
            o[j] += xk * wk[j];
          }
        }
      }
    } else {
      float[][] wt = transposed[l];
      for (int b = 0; b < rows; b++) {
        float[] x = in[b];
        float[] o = out[b];
        for (int j = 0; j < n; j++) {
          float[] wj = wt[j];
          float s = bias[j];
          for (int k = 0; k < kk; k++) {
            s += x[k] * wj[k];
          }
          o[j] = s;
        }
      }
    }
  }

  /** Our JSON format (see {@link ModelJson}); floats are written so that they read back exactly. */
  public String toJson() {
    return ModelJson.write(this);
  }

  public static TrainedModel fromJson(String json) {
    return ModelJson.read(json);
  }

  public void writeJson(Path file) {
    try {
      Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write model JSON to " + file, e);
    }
  }

  public static TrainedModel readJson(Path file) {
    try {
      return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model JSON from " + file, e);
    }
  }

  /**
   * DL4J's model file (ModelSerializer zip, without updater state) with the scaling stored
   * inside it as DL4J's own {@code NormalizerStandardize} (features and labels), so that a DL4J
   * program can use the file on its own.
   */
  public void writeDl4j(Path file) {
    Dl4jModels.write(this, file);
  }

  /** Reads a file written by {@link #writeDl4j}. */
  public static TrainedModel readDl4j(Path file) {
    return Dl4jModels.read(file);
  }

  @Override
  public String toString() {
    return "TrainedModel[" + network + "]";
  }
}
