package org.axnas.smac;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import org.axnas.smac.SurrogateModel.Surrogate;

/**
 * Finds configurations with a high acquisition value. One {@link Search} serves the picks of one
 * batch: the surrogate it was started on receives a lie after each pick, and the search may keep
 * the work that the lies do not invalidate (the scored challengers).
 */
public interface AcquisitionMaximizer {

  /**
   * Starts a search over {@code surrogate}.
   *
   * @param evaluated configurations with results (where local search may start)
   * @param random the source of this batch's random challengers
   */
  default Search start(ConfigurationSpace space, Surrogate surrogate, List<Configuration> evaluated,
      SplittableRandom random) {
    return start(space, surrogate, evaluated, random, null);
  }

  /**
   * Starts a search whose candidates carry known values: {@code known} is applied once to each
   * candidate the search scores, and its result is handed to the {@link CandidateScore} (null:
   * none, every candidate's known values are null).
   */
  Search start(ConfigurationSpace space, Surrogate surrogate, List<Configuration> evaluated, SplittableRandom random,
      Function<Configuration, double[]> known);

  /** The search for one batch. */
  interface Search {

    /**
     * The configuration with the highest acquisition value under the surrogate as it is now
     * (lies included) that is not {@code taken}; empty when the search met none.
     *
     * @param best lowest model-scale cost (the acquisition's reference)
     * @param random this pick's source of randomness
     */
    default Optional<Configuration> next(AcquisitionFunction acquisition, double best, Predicate<Configuration> taken,
        SplittableRandom random) {
      return next(CandidateScore.of(acquisition, best), taken, random);
    }

    /** As above, each candidate scored by {@code score}. */
    Optional<Configuration> next(CandidateScore score, Predicate<Configuration> taken, SplittableRandom random);
  }
}
