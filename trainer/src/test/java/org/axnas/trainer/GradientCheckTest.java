package org.axnas.trainer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.axnas.core.Activation;
import org.axnas.core.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast backend's analytic gradient against central finite differences of the MSE computed
 * in double precision with the reference activation functions.
 */
class GradientCheckTest {

  // Shapes that send every kernel down both orientations: wide and narrow layers, both ways.
  @ParameterizedTest
  @ValueSource(strings = {"6-8:sigmoid-8:sigmoid-1", "5-12:tanh-3:sigmoid-2", "20-4:sigmoid-7:relu-9",
      "3-16:relu-1:tanh", "64-16:sigmoid-64"})
  void analyticGradientMatchesFiniteDifferences(String notation) {
    Network net = Network.parse(notation);
    SplittableRandom r = new SplittableRandom(notation.hashCode());
    int rows = 13;
    float[][] x = new float[rows][net.inputs()];
    float[][] y = new float[rows][net.outputs()];
    for (int b = 0; b < rows; b++) {
      for (int i = 0; i < net.inputs(); i++) {
        x[b][i] = (float) (2 * r.nextDouble() - 1);
      }
      for (int j = 0; j < net.outputs(); j++) {
        y[b][j] = (float) r.nextGaussian();
      }
    }
    MlpWeights w = MlpWeights.xavier(net, r);
    for (float[] bias : w.biases) {
      for (int j = 0; j < bias.length; j++) {
        bias[j] = (float) (0.2 * r.nextGaussian());
      }
    }
    DenseEngine engine = new DenseEngine(net, w, TrainingSettings.defaults(), x, y);
    MlpWeights g = engine.gradient(x, y);

    double h = 1e-3;
    double worst = 0;
    for (int l = 0; l < w.layers(); l++) {
      for (int k = 0; k < w.weights[l].length; k++) {
        for (int j = 0; j < w.biases[l].length; j++) {
          double numeric = numeric(net, w, x, y, l, k, j, h);
          worst = Math.max(worst, check(g.weights[l][k][j], numeric, notation + " W" + l + "[" + k + "][" + j + "]"));
        }
      }
      for (int j = 0; j < w.biases[l].length; j++) {
        double numeric = numeric(net, w, x, y, l, -1, j, h);
        worst = Math.max(worst, check(g.biases[l][j], numeric, notation + " b" + l + "[" + j + "]"));
      }
    }
  }

  /** Relative error with a floor: float gradients carry ~1e-7 absolute noise. */
  private static double check(double analytic, double numeric, String what) {
    double err = Math.abs(analytic - numeric) / Math.max(Math.abs(numeric), 1e-3);
    assertTrue(err < 2e-3, what + ": analytic " + analytic + " numeric " + numeric);
    return err;
  }

  private static double numeric(Network net, MlpWeights w, float[][] x, float[][] y, int l, int k, int j, double h) {
    double[][][] wd = new double[w.layers()][][];
    double[][] bd = new double[w.layers()][];
    for (int i = 0; i < w.layers(); i++) {
      wd[i] = new double[w.weights[i].length][];
      for (int r = 0; r < wd[i].length; r++) {
        wd[i][r] = new double[w.weights[i][r].length];
        for (int c = 0; c < wd[i][r].length; c++) {
          wd[i][r][c] = w.weights[i][r][c];
        }
      }
      bd[i] = new double[w.biases[i].length];
      for (int c = 0; c < bd[i].length; c++) {
        bd[i][c] = w.biases[i][c];
      }
    }
    double[] cell = k < 0 ? bd[l] : wd[l][k];
    double original = cell[j];
    cell[j] = original + h;
    double plus = loss(net, wd, bd, x, y);
    cell[j] = original - h;
    double minus = loss(net, wd, bd, x, y);
    return (plus - minus) / (2 * h);
  }

  private static double loss(Network net, double[][][] w, double[][] b, float[][] x, float[][] y) {
    List<Activation> acts = net.activations();
    double sum = 0;
    for (int s = 0; s < x.length; s++) {
      double[] a = new double[x[s].length];
      for (int i = 0; i < a.length; i++) {
        a[i] = x[s][i];
      }
      for (int l = 0; l < w.length; l++) {
        double[] z = b[l].clone();
        for (int i = 0; i < a.length; i++) {
          for (int j = 0; j < z.length; j++) {
            z[j] += a[i] * w[l][i][j];
          }
        }
        for (int j = 0; j < z.length; j++) {
          z[j] = acts.get(l).apply(z[j]);
        }
        a = z;
      }
      for (int j = 0; j < a.length; j++) {
        double e = a[j] - y[s][j];
        sum += e * e;
      }
    }
    return sum / (x.length * (double) net.outputs());
  }
}
