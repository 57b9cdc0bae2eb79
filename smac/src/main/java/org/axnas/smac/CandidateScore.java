package org.axnas.smac;

/**
 * The acquisition value of one candidate of a pick (higher is better), from the surrogate's
 * prediction and what is known of the candidate without the model: the values the search's
 * known-objectives function gave for it (null when the search has none, or it gave none).
 */
@FunctionalInterface
public interface CandidateScore {

  double value(double[] known, double mean, double variance);

  /** An acquisition function of the prediction alone, against the reference {@code best}. */
  static CandidateScore of(AcquisitionFunction acquisition, double best) {
    return (known, mean, variance) -> acquisition.value(mean, variance, best);
  }
}
