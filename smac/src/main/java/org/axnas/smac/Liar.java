package org.axnas.smac;

import org.axnas.smac.SurrogateModel.Surrogate;

/**
 * The cost a pending configuration is assumed to have while the rest of a batch is chosen
 * (Ginsbourger et al. 2010). The lie is on the model's cost scale.
 */
public enum Liar {
  /** The lowest cost seen (CL-min): optimistic, keeps the batch near good regions. */
  BEST,
  /** The mean cost seen (CL-mean). */
  MEAN,
  /** The highest cost seen (CL-max): pessimistic, spreads the batch out. */
  WORST,
  /** The model's own prediction there (kriging believer). */
  BELIEVER;

  double lie(TrainingData data, Surrogate model, double[] row) {
    return switch (this) {
      case BEST -> data.best();
      case MEAN -> data.mean();
      case WORST -> data.worst();
      case BELIEVER -> model.predict(row).mean();
    };
  }
}
