package org.axnas.trainer;

import org.axnas.core.Network;

/**
 * The FAST backend trained by full-batch L-BFGS: the {@link Lbfgs} optimiser in double over the
 * parameters of a {@link DenseEngine}, whose kernels give the loss and gradient over the whole
 * train split. One {@link #trainEpoch} is one L-BFGS iteration (a line search of one or more
 * full-batch evaluations). History 50, as in the PyTorch probe of FACTS.md.
 */
final class LbfgsEngine implements TrainingEngine {
  /** Curvature pairs kept. */
  static final int HISTORY = 50;
  /** Rows per kernel call of a full-batch evaluation: the minibatch kernels' sweet spot. */
  private static final int CHUNK_ROWS = 256;

  private final DenseEngine dense;
  private final Lbfgs lbfgs;
  private long deadlineNanos;

  LbfgsEngine(Network net, MlpWeights initial, TrainingSettings settings, float[][] trainX, float[][] trainY) {
    this.dense = new DenseEngine(net, initial, settings.withBatchSize(CHUNK_ROWS), trainX, trainY);
    this.lbfgs = new Lbfgs((x, g) -> {
      dense.setParameters(x);
      return dense.fullBatchLossAndGradient(g, deadlineNanos);
    }, dense.parameters(), HISTORY, settings.learningRate());
  }

  @Override
  public EpochOutcome trainEpoch(int[] order, long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
    try {
      Lbfgs.Iteration it = lbfgs.next();
      // The line search leaves the engine at its last trial point, not necessarily the step taken.
      dense.setParameters(lbfgs.position());
      return new EpochOutcome(it.loss(), false, it.ending() == Lbfgs.Ending.CONVERGED);
    } catch (DenseEngine.TimeLimitReached e) {
      return new EpochOutcome(Double.NaN, true);
    }
  }

  @Override
  public double loss(float[][] x, float[][] y) {
    return dense.loss(x, y);
  }

  @Override
  public MlpWeights weights() {
    return dense.weights();
  }

  @Override
  public void close() {
    dense.close();
  }
}
