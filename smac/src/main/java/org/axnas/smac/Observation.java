package org.axnas.smac;

/**
 * A configuration and its result, known before the search asks anything: an earlier run's
 * evaluation fed to {@link Smac.Builder#warmStart}. The model learns from it and the configuration
 * is never proposed; it takes no trial id and no budget.
 */
public record Observation(Configuration config, TrialResult result) {
  public Observation {
    if (config == null || result == null) {
      throw new IllegalArgumentException("an observation needs a configuration and a result");
    }
  }
}
