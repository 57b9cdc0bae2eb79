package org.axnas.smac;

import org.axnas.core.Seeds;
/**
 * Decides which proposals are drawn uniformly at random instead of by the model (SMAC's
 * interleaving, which keeps the search from trusting a wrong model forever).
 */
public interface RandomDesign {

  /** Whether trial {@code trialId} of the run with {@code seed} is drawn at random; pure in its inputs. */
  boolean isRandom(int trialId, long seed);

  /** Each model-based trial is random with this probability (SMAC3's ProbabilityRandomDesign). */
  static RandomDesign probability(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("random-design probability must be in [0, 1], got " + p);
    }
    return new ProbabilityRandomDesign(p);
  }

  record ProbabilityRandomDesign(double probability) implements RandomDesign {
    @Override
    public boolean isRandom(int trialId, long seed) {
      return Seeds.random(seed, SeedPurposes.INTERLEAVE, trialId).nextDouble() < probability;
    }
  }
}
