package org.axnas.smac;

/**
 * One proposed evaluation: its sequence number, the configuration, and the seed to train that
 * candidate with (derived from the run seed and {@code id}, so re-running a trial reproduces it).
 */
public record Trial(int id, Configuration config, long seed) {
  public Trial {
    if (id < 0) {
      throw new IllegalArgumentException("trial id must be >= 0, got " + id);
    }
    if (config == null) {
      throw new IllegalArgumentException("trial " + id + " has no configuration");
    }
  }
}
