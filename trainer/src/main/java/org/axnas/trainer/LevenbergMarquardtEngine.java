package org.axnas.trainer;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealVector;
import org.axnas.core.Activation;
import org.axnas.core.Network;

/**
 * Full-batch Levenberg-Marquardt as Hagan and Menhaj (IEEE TNN 1994) and MATLAB's {@code trainlm}
 * train MLPs: each iteration solves {@code (J^T J + mu I) d = -J^T r} over the residuals r of
 * every train sample and output, takes the step when it lowers the squared error (then mu / 10)
 * and otherwise retries with mu x 10 (a large mu is a short gradient step, so some mu always
 * descends unless the gradient vanishes). Marquardt's diagonal scaling instead of I stalled on
 * saturated sigmoid units (a near-zero diagonal entry lets a tiny gradient take a huge step). One {@link #trainEpoch} is one such
 * iteration. In double: {@code J^T J} is accumulated sample by sample (the Jacobian is never
 * stored), so memory is P^2 and an iteration costs about N x outputs x P^2 / 2 multiply-adds;
 * trainer/README.md says where that stops paying (it is meant for small networks). The linear
 * solve is commons-math3's Cholesky decomposition. The deadline is checked every 256 samples.
 */
final class LevenbergMarquardtEngine implements TrainingEngine {
  private static final int CHECK_ROWS = 256;
  private static final double MU_START = 1e-3;
  private static final double MU_MIN = 1e-12;
  private static final double MU_MAX = 1e10;
  /** Retries of one iteration with a larger mu before it counts as converged. */
  private static final int TRIES = 12;
  /**
   * Jacobian rows per J^T J update ({@link #accumulate}; the update is written out for 4). Measured
   * on P = 401 and 7,000 rows (AVX-512 Xeon, JDK 17's C2): rank-1 updates 153 ms, rank-2 103 ms,
   * rank-4 81 ms, rank-6 and rank-8 265-290 ms (their loops no longer vectorise).
   */
  private static final int BLOCK = 4;

  private final int layers;
  private final int[] width;
  private final Activation[] activation;
  /** Parameter offsets: layer l's weights [in][out] row-major at wOff[l], its biases at bOff[l]. */
  private final int[] wOff;
  private final int[] bOff;
  private final int parameters;
  private final float[][] x;
  private final float[][] y;
  private double[] theta;
  private double mu = MU_START;
  private double loss = Double.NaN;

  // per-sample work arrays
  private final double[][] act;
  private final double[][] delta;
  /** A block of Jacobian rows (one per sample and output) and their residuals, added to J^T J together. */
  private final double[][] jacobianRows;
  private final double[] residuals;

  LevenbergMarquardtEngine(Network net, MlpWeights initial, float[][] trainX, float[][] trainY) {
    this.width = net.widths();
    this.layers = width.length - 1;
    this.activation = new Activation[layers];
    for (int l = 0; l < layers; l++) {
      activation[l] = l + 1 < layers ? net.hidden().get(l).activation() : net.outputActivation();
    }
    this.wOff = new int[layers];
    this.bOff = new int[layers];
    int p = 0;
    for (int l = 0; l < layers; l++) {
      wOff[l] = p;
      p += width[l] * width[l + 1];
      bOff[l] = p;
      p += width[l + 1];
    }
    this.parameters = p;
    this.theta = new double[p];
    for (int l = 0; l < layers; l++) {
      for (int i = 0; i < width[l]; i++) {
        for (int j = 0; j < width[l + 1]; j++) {
          theta[wOff[l] + i * width[l + 1] + j] = initial.weights[l][i][j];
        }
      }
      for (int j = 0; j < width[l + 1]; j++) {
        theta[bOff[l] + j] = initial.biases[l][j];
      }
    }
    this.x = trainX;
    this.y = trainY;
    this.act = new double[layers + 1][];
    this.delta = new double[layers + 1][];
    for (int l = 0; l <= layers; l++) {
      act[l] = new double[width[l]];
      delta[l] = new double[width[l]];
    }
    this.jacobianRows = new double[BLOCK][p];
    this.residuals = new double[BLOCK];
  }

  @Override
  public EpochOutcome trainEpoch(int[] order, long deadlineNanos) {
    try {
      if (Double.isNaN(loss)) {
        loss = meanSquaredError(theta, x, y, deadlineNanos);
      }
      int outputs = width[layers];
      double[][] jtj = new double[parameters][parameters];
      double[] jtr = new double[parameters];
      int buffered = 0;
      for (int s = 0; s < x.length; s++) {
        if (s % CHECK_ROWS == 0 && System.nanoTime() > deadlineNanos) {
          throw new DenseEngine.TimeLimitReached();
        }
        forward(theta, x[s]);
        for (int k = 0; k < outputs; k++) {
          residuals[buffered] = act[layers][k] - y[s][k];
          jacobianRowOfOutput(k, jacobianRows[buffered]);
          if (++buffered == BLOCK) {
            accumulate(jtj, jtr, buffered);
            buffered = 0;
          }
        }
      }
      accumulate(jtj, jtr, buffered);
      for (int tries = 0; tries < TRIES; tries++) {
        double[] step = solve(jtj, jtr);
        if (step != null) {
          double[] candidate = theta.clone();
          for (int i = 0; i < parameters; i++) {
            candidate[i] += step[i];
          }
          double newLoss = meanSquaredError(candidate, x, y, deadlineNanos);
          if (newLoss < loss) {
            theta = candidate;
            loss = newLoss;
            mu = Math.max(MU_MIN, mu / 10);
            return new EpochOutcome(loss, false, false);
          }
        }
        if (mu >= MU_MAX) {
          break;
        }
        mu = Math.min(MU_MAX, mu * 10);
      }
      // no step lowers the error: a minimum, as far as LM can tell
      return new EpochOutcome(loss, false, true);
    } catch (DenseEngine.TimeLimitReached e) {
      return new EpochOutcome(Double.NaN, true);
    }
  }

  /** {@code (J^T J + mu I) d = -J^T r}; null when not positive definite. */
  private double[] solve(double[][] jtj, double[] jtr) {
    double[][] a = new double[parameters][parameters];
    for (int i = 0; i < parameters; i++) {
      for (int j = 0; j <= i; j++) {
        a[i][j] = jtj[i][j];
        a[j][i] = jtj[i][j];
      }
      a[i][i] = jtj[i][i] + mu;
    }
    try {
      RealVector d = new CholeskyDecomposition(new Array2DRowRealMatrix(a, false), 1e-12, 1e-16)
          .getSolver().solve(new ArrayRealVector(jtr, false));
      double[] step = d.toArray();
      for (int i = 0; i < step.length; i++) {
        step[i] = -step[i];
        if (!Double.isFinite(step[i])) {
          return null;
        }
      }
      return step;
    } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
      return null;
    }
  }

  /**
   * Adds the first {@code rows} buffered Jacobian rows' outer products (lower triangle) and their
   * residual-weighted sum: a rank-{@value #BLOCK} update reads and writes J^T J once per block
   * instead of once per row, and its inner loop still vectorises (see {@link #BLOCK}).
   */
  private void accumulate(double[][] jtj, double[] jtr, int rows) {
    if (rows == 0) {
      return;
    }
    for (int r = rows; r < BLOCK; r++) {
      java.util.Arrays.fill(jacobianRows[r], 0); // a partial last block adds zeros
      residuals[r] = 0;
    }
    double[] j0 = jacobianRows[0];
    double[] j1 = jacobianRows[1];
    double[] j2 = jacobianRows[2];
    double[] j3 = jacobianRows[3];
    for (int a = 0; a < parameters; a++) {
      double c0 = j0[a];
      double c1 = j1[a];
      double c2 = j2[a];
      double c3 = j3[a];
      if (c0 == 0 && c1 == 0 && c2 == 0 && c3 == 0) {
        continue; // relu's dead units, and the other outputs' last layer
      }
      jtr[a] += c0 * residuals[0] + c1 * residuals[1] + c2 * residuals[2] + c3 * residuals[3];
      double[] row = jtj[a];
      for (int b = 0; b <= a; b++) {
        row[b] += c0 * j0[b] + c1 * j1[b] + c2 * j2[b] + c3 * j3[b];
      }
    }
  }

  /** d output k / d theta at {@code input}, and output k itself in the last slot: for the gradient check. */
  double[] jacobian(float[] input, int k) {
    forward(theta, input);
    double value = act[layers][k];
    double[] row = new double[parameters];
    jacobianRowOfOutput(k, row);
    double[] out = java.util.Arrays.copyOf(row, parameters + 1);
    out[parameters] = value;
    return out;
  }

  /** Output k at {@code input} with parameter {@code i} moved by {@code h}. */
  double outputWith(float[] input, int k, int i, double h) {
    double[] p = theta.clone();
    p[i] += h;
    forward(p, input);
    return act[layers][k];
  }

  /** d output k / d theta for the sample last run forward. */
  private void jacobianRowOfOutput(int k, double[] jacobianRow) {
    java.util.Arrays.fill(jacobianRow, 0);
    java.util.Arrays.fill(delta[layers], 0);
    delta[layers][k] = derivative(activation[layers - 1], act[layers][k]);
    for (int l = layers - 1; l >= 0; l--) {
      int in = width[l];
      int out = width[l + 1];
      double[] d = delta[l + 1];
      double[] a = act[l];
      for (int i = 0; i < in; i++) {
        int row = wOff[l] + i * out;
        double ai = a[i];
        double back = 0;
        for (int j = 0; j < out; j++) {
          jacobianRow[row + j] = ai * d[j];
          back += theta[row + j] * d[j];
        }
        if (l > 0) {
          delta[l][i] = back * derivative(activation[l - 1], ai);
        }
      }
      System.arraycopy(d, 0, jacobianRow, bOff[l], out);
    }
  }

  private void forward(double[] p, float[] input) {
    for (int i = 0; i < width[0]; i++) {
      act[0][i] = input[i];
    }
    for (int l = 0; l < layers; l++) {
      int in = width[l];
      int out = width[l + 1];
      double[] next = act[l + 1];
      for (int j = 0; j < out; j++) {
        next[j] = p[bOff[l] + j];
      }
      for (int i = 0; i < in; i++) {
        double ai = act[l][i];
        int row = wOff[l] + i * out;
        for (int j = 0; j < out; j++) {
          next[j] += ai * p[row + j];
        }
      }
      for (int j = 0; j < out; j++) {
        next[j] = apply(activation[l], next[j]);
      }
    }
  }

  private double meanSquaredError(double[] p, float[][] inputs, float[][] targets, long deadlineNanos) {
    int outputs = width[layers];
    double sum = 0;
    for (int s = 0; s < inputs.length; s++) {
      if (s % CHECK_ROWS == 0 && System.nanoTime() > deadlineNanos) {
        throw new DenseEngine.TimeLimitReached();
      }
      forward(p, inputs[s]);
      for (int k = 0; k < outputs; k++) {
        double e = act[layers][k] - targets[s][k];
        sum += e * e;
      }
    }
    return sum / ((double) inputs.length * outputs);
  }

  private static double apply(Activation a, double z) {
    return switch (a) {
      case SIGMOID -> 1 / (1 + Math.exp(-z));
      case TANH -> Math.tanh(z);
      case RELU -> z > 0 ? z : 0;
      case LINEAR -> z;
    };
  }

  /** The derivative from the activation's output value. */
  private static double derivative(Activation a, double out) {
    return switch (a) {
      case SIGMOID -> out * (1 - out);
      case TANH -> 1 - out * out;
      case RELU -> out > 0 ? 1 : 0;
      case LINEAR -> 1;
    };
  }

  @Override
  public double loss(float[][] inputs, float[][] targets) {
    return meanSquaredError(theta, inputs, targets, Long.MAX_VALUE);
  }

  @Override
  public MlpWeights weights() {
    float[][][] w = new float[layers][][];
    float[][] b = new float[layers][];
    for (int l = 0; l < layers; l++) {
      w[l] = new float[width[l]][width[l + 1]];
      b[l] = new float[width[l + 1]];
      for (int i = 0; i < width[l]; i++) {
        for (int j = 0; j < width[l + 1]; j++) {
          w[l][i][j] = (float) theta[wOff[l] + i * width[l + 1] + j];
        }
      }
      for (int j = 0; j < width[l + 1]; j++) {
        b[l][j] = (float) theta[bOff[l] + j];
      }
    }
    return new MlpWeights(w, b);
  }

  @Override
  public void close() {}
}
