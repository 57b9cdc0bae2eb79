package org.axnas.runtime;

/**
 * What a program asks of the network at run time: a minimum accuracy, a minimum energy
 * reduction and, for the integrated mode, theta (paper eq. 6: the weight of accuracy against
 * energy).
 */
public record Constraints(double minAccuracy, double minEnergyReduction, double theta) {
  public Constraints {
    if (!(minAccuracy >= 0 && minAccuracy <= 1)) {
      throw new IllegalArgumentException("min accuracy must be in [0, 1], got " + minAccuracy);
    }
    if (!(minEnergyReduction >= 0) || Double.isInfinite(minEnergyReduction)) {
      throw new IllegalArgumentException("min energy reduction must be >= 0, got " + minEnergyReduction);
    }
    if (!(theta >= 0 && theta <= 1)) {
      throw new IllegalArgumentException("theta must be in [0, 1], got " + theta);
    }
  }

  public static Constraints none() {
    return new Constraints(0, 0, 0.5);
  }

  public boolean metBy(Scored s) {
    return s.accuracy() >= minAccuracy && s.energyReduction() >= minEnergyReduction;
  }
}
