package org.axnas.trainer;

/**
 * One backend's training state for one network: it owns the weights and optimiser state and
 * trains on the scaled train split it was made with. The epoch loop (order, early stopping,
 * time limit, divergence) is the {@link Trainer}'s and is shared by every backend.
 */
interface TrainingEngine extends AutoCloseable {

  /**
   * One pass over the train split in minibatches taken in {@code order}. Stops early at the
   * first minibatch whose loss is not finite, or when {@code System.nanoTime()} passes
   * {@code deadlineNanos} (checked before every minibatch).
   */
  EpochOutcome trainEpoch(int[] order, long deadlineNanos);

  /** Mean squared error of the current network over the given scaled rows. */
  double loss(float[][] x, float[][] y);

  /** A copy of the current weights. */
  MlpWeights weights();

  @Override
  void close();

  /**
   * The sample-weighted mean of the minibatch losses seen (each computed before its update,
   * as PyTorch's usual running loss), and whether the deadline cut the epoch short.
   */
  record EpochOutcome(double meanLoss, boolean timedOut) {}
}
