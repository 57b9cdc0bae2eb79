package org.axnas.trainer;

/** How a training ended. Only {@link #OK} carries a model. */
public enum TrainingStatus {
  OK,
  /** The training or validation loss became NaN or infinite. */
  DIVERGED,
  /** The backend could not train the network (for example DL4J failed); see the reason. */
  FAILED,
  /** The time limit expired before the epochs or early stopping ended the training. */
  TIMEOUT
}
