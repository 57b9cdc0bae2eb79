package org.axnas.trainer;

import org.axnas.core.Network;

/**
 * What a training produced: the status (with a reason unless OK), the trained model (only when
 * OK), the per-epoch loss curves, the epochs run, the epoch whose weights the model holds, the
 * wall time, and the network and settings that made it (provenance).
 *
 * <p>Losses are mean squared errors on the scaled outputs (see {@link Scaling}). The train loss of
 * an epoch is the sample-weighted mean of its minibatch losses, each taken before that
 * minibatch's update; the validation loss is taken over the whole validation split after the
 * epoch. A diverged run's train curve ends with the non-finite value.
 */
public record TrainingResult(
    TrainingStatus status,
    String reason,
    TrainedModel model,
    double[] trainLoss,
    double[] validationLoss,
    int epochsRun,
    int bestEpoch,
    double wallSeconds,
    Network network,
    TrainingSettings settings) {

  public TrainingResult {
    if (status == null) {
      throw new IllegalArgumentException("a training result needs a status");
    }
    if ((status == TrainingStatus.OK) != (model != null)) {
      throw new IllegalArgumentException("a model is present exactly when the status is OK");
    }
    if (status != TrainingStatus.OK && (reason == null || reason.isBlank())) {
      throw new IllegalArgumentException("a " + status + " result needs a reason");
    }
    trainLoss = trainLoss == null ? new double[0] : trainLoss.clone();
    validationLoss = validationLoss == null ? new double[0] : validationLoss.clone();
    reason = reason == null ? "" : reason;
  }

  public boolean ok() {
    return status == TrainingStatus.OK;
  }

  /** The epoch (1-based) whose loss was NaN or infinite, or 0 unless DIVERGED. */
  public int divergedEpoch() {
    return status == TrainingStatus.DIVERGED ? epochsRun : 0;
  }

  /** The train loss of the last epoch run, or NaN when none ran. */
  public double finalTrainLoss() {
    return trainLoss.length == 0 ? Double.NaN : trainLoss[trainLoss.length - 1];
  }

  @Override
  public double[] trainLoss() {
    return trainLoss.clone();
  }

  @Override
  public double[] validationLoss() {
    return validationLoss.clone();
  }

  @Override
  public String toString() {
    return "TrainingResult[" + status + (reason.isEmpty() ? "" : " (" + reason + ")") + ", " + network
        + ", " + epochsRun + " epochs, final train loss " + finalTrainLoss() + ", "
        + String.format(java.util.Locale.ROOT, "%.3f", wallSeconds) + " s]";
  }
}
