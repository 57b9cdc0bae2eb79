package org.axnas.runtime;

import java.util.Optional;

/**
 * One network of a finished run's Pareto set as {@code pareto.json} lists it: its scores, its
 * accuracy on the test split (which the search never saw; empty when it was not scored), the
 * file of its trained model, and the arithmetic it was scored in (empty: the trainer's float).
 */
public record ParetoMember(Scored scores, Optional<Double> testAccuracy, String modelFile, Optional<Quantisation> quantisation) {
  /** A member scored in float (a run from before precisions, or on float hardware). */
  public ParetoMember(Scored scores, Optional<Double> testAccuracy, String modelFile) {
    this(scores, testAccuracy, modelFile, Optional.empty());
  }
}
