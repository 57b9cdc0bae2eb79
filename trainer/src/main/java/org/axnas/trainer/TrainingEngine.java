package org.axnas.trainer;

/**
 * One backend's training state for one network: it owns the weights and optimiser state and
 * trains on the scaled train split it was made with. The epoch loop (order, early stopping,
 * time limit, divergence) is the {@link Trainer}'s and is shared by every backend.
 */
interface TrainingEngine extends AutoCloseable {

  /**
   * One pass over the train split in minibatches taken in {@code order} (for full-batch L-BFGS,
   * one iteration, whatever the order). Stops early at the first minibatch whose loss is not
   * finite, or when {@code System.nanoTime()} passes {@code deadlineNanos} (checked before every
   * minibatch, or every chunk of a full-batch evaluation).
   */
  EpochOutcome trainEpoch(int[] order, long deadlineNanos);

  /** Mean squared error of the current network over the given scaled rows. */
  double loss(float[][] x, float[][] y);

  /**
   * Replaces the rest of the learning-rate schedule by a cool-down over the next {@code epochs}
   * epochs, from the current rate to the schedule's last ({@link LearningRateSchedule#coolDownRate});
   * false when this engine has no schedule to cut short (full-batch optimisers, DL4J).
   */
  default boolean coolDown(int epochs) {
    return false;
  }

  /** A copy of the current weights. */
  MlpWeights weights();

  @Override
  void close();

  /**
   * The sample-weighted mean of the minibatch losses seen (each computed before its update,
   * as PyTorch's usual running loss; for full-batch L-BFGS, the loss after the iteration),
   * whether the deadline cut the epoch short, and whether the optimiser has converged, so that
   * further epochs cannot change the weights.
   */
  record EpochOutcome(double meanLoss, boolean timedOut, boolean converged) {
    EpochOutcome(double meanLoss, boolean timedOut) {
      this(meanLoss, timedOut, false);
    }
  }
}
