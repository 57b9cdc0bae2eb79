package org.axnas.trainer;

import java.util.List;
import org.axnas.core.Activation;
import org.axnas.core.Network;

/**
 * The fast backend: forward, backward, MSE and Adam/SGD on float rows with the
 * {@link DenseKernels}, single-threaded and allocation-free per step. It mirrors DL4J's
 * arithmetic where that is observable: the loss is the mean over samples and outputs of the
 * squared error, gradients are averaged over the minibatch, and Adam is DL4J's (and the paper's)
 * form {@code p -= lr_t * m / (sqrt(v) + eps)} with {@code lr_t = lr sqrt(1-b2^t) / (1-b1^t)}.
 *
 * <p>Each weight layer keeps its matrix in both orientations, [in][out] and [out][in], so that
 * every kernel can run its inner loop over the longer side; the optimiser updates the one the
 * gradient is computed in and the other is refreshed by a transpose (K*N copies per step,
 * against 3*B*K*N multiply-adds).
 */
final class DenseEngine implements TrainingEngine {
  /** Below this many outputs a layer's forward pass uses dot products instead of row updates. */
  private static final int MIN_ROW_WIDTH = 8;

  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;

  private final int layers;
  private final int[] width;
  private final Activation[] activation;
  private final boolean adam;
  private final double learningRate;
  private final LearningRateSchedule schedule;
  /** Minibatch steps the epoch budget allows: the schedule's length. */
  private final long totalSteps;
  /** Minibatch steps in one epoch. */
  private final long stepsPerEpoch;
  private final int batchSize;

  private final float[][][] w;
  private final float[][][] wt;
  private final float[][] bias;
  /** Per layer: true when the gradient and the optimiser work on [in][out], else [out][in]. */
  private final boolean[] masterIsRows;
  private final float[][][] gradW;
  private final float[][] gradB;
  private final float[][][] mW;
  private final float[][][] vW;
  private final float[][] mB;
  private final float[][] vB;
  private long step;
  /** The step a cool-down started at (-1: none), its length and its starting rate. */
  private long coolDownStart = -1;
  private long coolDownSteps;
  private double coolDownFrom;

  /** Activations per layer; entry 0 holds references to the minibatch's input rows. */
  private final float[][][] act;
  /** Loss gradients with respect to each layer's pre-activation output (entry 0 unused). */
  private final float[][][] delta;
  private final float[][] targets;

  private final float[][] trainX;
  private final float[][] trainY;

  DenseEngine(Network net, MlpWeights initial, TrainingSettings settings, float[][] trainX, float[][] trainY) {
    this.width = net.widths();
    this.layers = width.length - 1;
    List<Activation> acts = net.activations();
    this.activation = acts.toArray(new Activation[0]);
    this.adam = settings.optimizer().equals(TrainingSettings.ADAM);
    this.learningRate = settings.learningRate();
    this.schedule = settings.schedule();
    this.batchSize = settings.batchSize();
    this.trainX = trainX;
    this.trainY = trainY;

    MlpWeights p = initial.copy();
    this.w = p.weights;
    this.bias = p.biases;
    this.wt = new float[layers][][];
    this.masterIsRows = new boolean[layers];
    this.gradW = new float[layers][][];
    this.gradB = new float[layers][];
    this.mW = new float[layers][][];
    this.vW = new float[layers][][];
    this.mB = new float[layers][];
    this.vB = new float[layers][];
    for (int l = 0; l < layers; l++) {
      int k = width[l];
      int n = width[l + 1];
      wt[l] = new float[n][k];
      DenseKernels.transpose(w[l], wt[l]);
      masterIsRows[l] = n >= k;
      gradW[l] = masterIsRows[l] ? new float[k][n] : new float[n][k];
      mW[l] = masterIsRows[l] ? new float[k][n] : new float[n][k];
      vW[l] = masterIsRows[l] ? new float[k][n] : new float[n][k];
      gradB[l] = new float[n];
      mB[l] = new float[n];
      vB[l] = new float[n];
    }
    int rows = Math.min(batchSize, Math.max(1, trainX.length));
    this.act = new float[layers + 1][][];
    this.delta = new float[layers + 1][][];
    act[0] = new float[rows][];
    for (int l = 1; l <= layers; l++) {
      act[l] = new float[rows][width[l]];
      delta[l] = new float[rows][width[l]];
    }
    this.targets = new float[rows][];
    this.stepsPerEpoch = (trainX.length + rows - 1) / rows;
    this.totalSteps = settings.epochs() * stepsPerEpoch;
  }

  @Override
  public EpochOutcome trainEpoch(int[] order, long deadlineNanos) {
    int n = order.length;
    int rowsPerBatch = act[0].length;
    double sum = 0;
    int seen = 0;
    for (int start = 0; start < n; start += rowsPerBatch) {
      if (System.nanoTime() - deadlineNanos > 0) {
        return new EpochOutcome(seen == 0 ? Double.NaN : sum / seen, true);
      }
      int rows = Math.min(rowsPerBatch, n - start);
      for (int b = 0; b < rows; b++) {
        act[0][b] = trainX[order[start + b]];
        targets[b] = trainY[order[start + b]];
      }
      double loss = forwardAndLoss(rows, true);
      if (!Double.isFinite(loss)) {
        return new EpochOutcome(loss, false);
      }
      backward(rows);
      update();
      sum += loss * rows;
      seen += rows;
    }
    return new EpochOutcome(sum / seen, false);
  }

  @Override
  public double loss(float[][] x, float[][] y) {
    int rowsPerBatch = act[0].length;
    double sum = 0;
    for (int start = 0; start < x.length; start += rowsPerBatch) {
      int rows = Math.min(rowsPerBatch, x.length - start);
      for (int b = 0; b < rows; b++) {
        act[0][b] = x[start + b];
        targets[b] = y[start + b];
      }
      sum += forwardAndLoss(rows, false) * rows;
    }
    return sum / x.length;
  }

  @Override
  public MlpWeights weights() {
    return new MlpWeights(w, bias).copy();
  }

  /**
   * The minibatch gradient at the current weights, as [in][out] matrices, without updating: for
   * the gradient check.
   */
  MlpWeights gradient(float[][] x, float[][] y) {
    int rows = x.length;
    if (rows > act[0].length) {
      throw new IllegalArgumentException("at most " + act[0].length + " rows per gradient");
    }
    for (int b = 0; b < rows; b++) {
      act[0][b] = x[b];
      targets[b] = y[b];
    }
    forwardAndLoss(rows, true);
    backward(rows);
    float[][][] gw = new float[layers][][];
    float[][] gb = new float[layers][];
    for (int l = 0; l < layers; l++) {
      gw[l] = new float[width[l]][width[l + 1]];
      if (masterIsRows[l]) {
        for (int k = 0; k < width[l]; k++) {
          gw[l][k] = gradW[l][k].clone();
        }
      } else {
        DenseKernels.transpose(gradW[l], gw[l]);
      }
      gb[l] = gradB[l].clone();
    }
    return new MlpWeights(gw, gb);
  }

  @Override
  public void close() {}

  /** Number of weights and biases. */
  int parameterCount() {
    int count = 0;
    for (int l = 0; l < layers; l++) {
      count += (width[l] + 1) * width[l + 1];
    }
    return count;
  }

  /**
   * The parameters as one vector: per layer the [in][out] weights row by row, then the biases.
   * The full-batch optimiser works on this vector in double.
   */
  double[] parameters() {
    double[] p = new double[parameterCount()];
    int i = 0;
    for (int l = 0; l < layers; l++) {
      for (float[] row : w[l]) {
        for (float v : row) {
          p[i++] = v;
        }
      }
      for (float v : bias[l]) {
        p[i++] = v;
      }
    }
    return p;
  }

  /** Sets the weights (rounded to float) from a vector laid out as {@link #parameters()}. */
  void setParameters(double[] p) {
    int i = 0;
    for (int l = 0; l < layers; l++) {
      for (float[] row : w[l]) {
        for (int j = 0; j < row.length; j++) {
          row[j] = (float) p[i++];
        }
      }
      for (int j = 0; j < bias[l].length; j++) {
        bias[l][j] = (float) p[i++];
      }
      DenseKernels.transpose(w[l], wt[l]);
    }
  }

  /**
   * The MSE over the whole train split and its gradient (laid out as {@link #parameters()}),
   * computed in minibatch-sized chunks with the same kernels as a minibatch step. Each chunk's
   * float gradient is added into the double total weighted by its share of the rows, so the sum
   * over thousands of samples keeps double precision. The deadline is checked before every chunk.
   *
   * @throws TimeLimitReached when the deadline passes
   */
  double fullBatchLossAndGradient(double[] gradient, long deadlineNanos) {
    java.util.Arrays.fill(gradient, 0);
    int n = trainX.length;
    int rowsPerBatch = act[0].length;
    double sum = 0;
    for (int start = 0; start < n; start += rowsPerBatch) {
      if (System.nanoTime() - deadlineNanos > 0) {
        throw new TimeLimitReached();
      }
      int rows = Math.min(rowsPerBatch, n - start);
      for (int b = 0; b < rows; b++) {
        act[0][b] = trainX[start + b];
        targets[b] = trainY[start + b];
      }
      double loss = forwardAndLoss(rows, true);
      if (!Double.isFinite(loss)) {
        return loss;
      }
      backward(rows);
      double share = (double) rows / n;
      sum += loss * rows;
      addGradient(gradient, share);
    }
    return sum / n;
  }

  private void addGradient(double[] gradient, double share) {
    int i = 0;
    for (int l = 0; l < layers; l++) {
      int in = width[l];
      int out = width[l + 1];
      float[][] g = gradW[l];
      if (masterIsRows[l]) {
        for (int k = 0; k < in; k++) {
          float[] row = g[k];
          for (int j = 0; j < out; j++) {
            gradient[i++] += share * row[j];
          }
        }
      } else {
        for (int k = 0; k < in; k++) {
          for (int j = 0; j < out; j++) {
            gradient[i++] += share * g[j][k];
          }
        }
      }
      for (int j = 0; j < out; j++) {
        gradient[i++] += share * gradB[l][j];
      }
    }
  }

  /** Thrown out of a full-batch evaluation when the training's deadline has passed. */
  static final class TimeLimitReached extends RuntimeException {
    TimeLimitReached() {
      super("time limit reached", null, false, false);
    }
  }

  /**
   * Runs the forward pass on the first {@code rows} input rows and returns the mean squared
   * error; with {@code keepDelta}, also leaves the output layer's delta for the backward pass.
   */
  private double forwardAndLoss(int rows, boolean keepDelta) {
    for (int l = 0; l < layers; l++) {
      if (width[l + 1] >= MIN_ROW_WIDTH) {
        DenseKernels.forwardRows(act[l], rows, w[l], bias[l], act[l + 1]);
      } else {
        DenseKernels.forwardDots(act[l], rows, wt[l], bias[l], act[l + 1]);
      }
      Activation a = activation[l];
      if (a != Activation.LINEAR) {
        for (int b = 0; b < rows; b++) {
          FloatActivations.applyFast(a, act[l + 1][b], width[l + 1]);
        }
      }
    }
    int out = width[layers];
    float scale = 2f / (rows * out);
    double sum = 0;
    float[][] y = act[layers];
    float[][] d = delta[layers];
    for (int b = 0; b < rows; b++) {
      float[] yb = y[b];
      float[] tb = targets[b];
      float[] db = d[b];
      for (int j = 0; j < out; j++) {
        float e = yb[j] - tb[j];
        sum += e * e;
        db[j] = scale * e;
      }
    }
    if (keepDelta && activation[layers - 1] != Activation.LINEAR) {
      for (int b = 0; b < rows; b++) {
        FloatActivations.multiplyDerivative(activation[layers - 1], y[b], d[b], out);
      }
    }
    return sum / ((double) rows * out);
  }

  private void backward(int rows) {
    for (int l = layers - 1; l >= 0; l--) {
      float[][] in = act[l];
      float[][] d = delta[l + 1];
      if (masterIsRows[l]) {
        DenseKernels.weightGradientRows(in, d, rows, gradW[l]);
      } else {
        DenseKernels.weightGradientColumns(in, d, rows, gradW[l]);
      }
      DenseKernels.biasGradient(d, rows, gradB[l]);
      if (l > 0) {
        float[][] dIn = delta[l];
        if (width[l] >= MIN_ROW_WIDTH) {
          DenseKernels.backwardRows(d, rows, wt[l], dIn);
        } else {
          DenseKernels.backwardDots(d, rows, w[l], dIn);
        }
        Activation a = activation[l - 1];
        for (int b = 0; b < rows; b++) {
          FloatActivations.multiplyDerivative(a, in[b], dIn[b], width[l]);
        }
      }
    }
  }

  @Override
  public boolean coolDown(int epochs) {
    if (!schedule.anneals() || coolDownStart >= 0 || epochs < 1) {
      return false;
    }
    coolDownFrom = schedule.rate(learningRate, Math.max(0, step - 1), totalSteps);
    coolDownStart = step;
    coolDownSteps = epochs * stepsPerEpoch;
    return true;
  }

  private void update() {
    double rate = coolDownStart >= 0
        ? schedule.coolDownRate(learningRate, coolDownFrom, step - coolDownStart, coolDownSteps)
        : schedule.rate(learningRate, step, totalSteps);
    step++;
    float alpha;
    if (adam) {
      alpha = (float) (rate * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step)));
    } else {
      alpha = (float) rate;
    }
    for (int l = 0; l < layers; l++) {
      float[][] master = masterIsRows[l] ? w[l] : wt[l];
      for (int r = 0; r < master.length; r++) {
        apply(master[r], gradW[l][r], mW[l][r], vW[l][r], alpha);
      }
      apply(bias[l], gradB[l], mB[l], vB[l], alpha);
      if (masterIsRows[l]) {
        DenseKernels.transpose(w[l], wt[l]);
      } else {
        DenseKernels.transpose(wt[l], w[l]);
      }
    }
  }

  private void apply(float[] p, float[] g, float[] m, float[] v, float alpha) {
    int n = p.length;
    if (adam) {
      for (int j = 0; j < n; j++) {
        float gj = g[j];
        float mj = BETA1 * m[j] + gj * (1f - BETA1);
        float vj = BETA2 * v[j] + gj * gj * (1f - BETA2);
        m[j] = mj;
        v[j] = vj;
        p[j] -= mj * alpha / ((float) Math.sqrt(vj) + EPSILON);
      }
    } else {
      for (int j = 0; j < n; j++) {
        p[j] -= alpha * g[j];
      }
    }
  }
}
