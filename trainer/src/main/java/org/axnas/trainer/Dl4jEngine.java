package org.axnas.trainer;

import org.axnas.core.Network;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The DL4J backend, tuned as far as DL4J goes: {@code fit(INDArray, INDArray)} per minibatch on
 * arrays allocated once and refilled in place (no iterator, no listener, no per-step array
 * creation), FLOAT, workspaces on. The rest is process-wide and must be set before the JVM
 * starts: {@code OMP_NUM_THREADS=1} (the largest lever, and the one that makes two trainings in
 * two threads not fight over cores) and {@code -Dorg.bytedeco.javacpp.maxPhysicalBytes=0} (skips
 * JavaCPP's per-allocation memory check).
 */
final class Dl4jEngine implements TrainingEngine {
  private final MultiLayerNetwork model;
  private final float[][] trainX;
  private final float[][] trainY;
  private final int inWidth;
  private final int outWidth;
  private final int batchSize;
  /** Minibatch arrays for full batches and for the one shorter last batch, with Java staging. */
  private final Batch full;
  private Batch tail;
  private float[][] validationKey;
  private DataSet validationSet;

  Dl4jEngine(Network net, MlpWeights initial, TrainingSettings settings, float[][] trainX, float[][] trainY) {
    IUpdater updater = settings.optimizer().equals(TrainingSettings.ADAM)
        ? new Adam(settings.learningRate())
        : new Sgd(settings.learningRate());
    this.model = Dl4jModels.newNetwork(net, updater, settings.seed());
    Dl4jModels.setWeights(model, initial);
    this.trainX = trainX;
    this.trainY = trainY;
    this.inWidth = net.inputs();
    this.outWidth = net.outputs();
    this.batchSize = Math.min(settings.batchSize(), trainX.length);
    this.full = new Batch(batchSize, inWidth, outWidth);
  }

  @Override
  public EpochOutcome trainEpoch(int[] order, long deadlineNanos) {
    int n = order.length;
    double sum = 0;
    int seen = 0;
    for (int start = 0; start < n; start += batchSize) {
      if (System.nanoTime() - deadlineNanos > 0) {
        return new EpochOutcome(seen == 0 ? Double.NaN : sum / seen, true);
      }
      int rows = Math.min(batchSize, n - start);
      Batch batch = rows == batchSize ? full : tail(rows);
      batch.fill(order, start, trainX, trainY);
      model.fit(batch.features, batch.labels);
      double loss = model.score();
      if (!Double.isFinite(loss)) {
        return new EpochOutcome(loss, false);
      }
      sum += loss * rows;
      seen += rows;
    }
    return new EpochOutcome(sum / seen, false);
  }

  private Batch tail(int rows) {
    if (tail == null || tail.rows != rows) {
      tail = new Batch(rows, inWidth, outWidth);
    }
    return tail;
  }

  @Override
  public double loss(float[][] x, float[][] y) {
    if (validationKey != x) {
      validationKey = x;
      validationSet = new DataSet(Nd4j.createFromArray(x), Nd4j.createFromArray(y));
    }
    return model.score(validationSet, false);
  }

  @Override
  public MlpWeights weights() {
    return Dl4jModels.getWeights(model);
  }

  @Override
  public void close() {
    model.close();
  }

  /** One minibatch's native arrays and the Java staging arrays they are refilled from. */
  private static final class Batch {
    final int rows;
    final INDArray features;
    final INDArray labels;
    final float[] x;
    final float[] y;

    Batch(int rows, int in, int out) {
      this.rows = rows;
      this.features = Nd4j.create(DataType.FLOAT, rows, in);
      this.labels = Nd4j.create(DataType.FLOAT, rows, out);
      this.x = new float[rows * in];
      this.y = new float[rows * out];
    }

    void fill(int[] order, int start, float[][] srcX, float[][] srcY) {
      int in = x.length / rows;
      int out = y.length / rows;
      for (int b = 0; b < rows; b++) {
        int i = order[start + b];
        System.arraycopy(srcX[i], 0, x, b * in, in);
        System.arraycopy(srcY[i], 0, y, b * out, out);
      }
      features.data().setData(x);
      labels.data().setData(y);
    }
  }
}
