package org.axnas.hwsim;

/**
 * Whole-application figures by Amdahl's law, for a function region that takes
 * {@code regionFraction} of the original program's time (and, assumed alike, of its energy).
 *
 * @param regionFraction the region's share of the program, in [0, 1]
 * @param speedup {@code 1 / ((1 - f) + f / regionSpeedup)}
 * @param energyReduction {@code 1 / ((1 - f) + f / regionEnergyReduction)}
 */
public record ApplicationFigures(double regionFraction, double speedup, double energyReduction) {

  public static ApplicationFigures of(double f, double regionSpeedup, double regionEnergyReduction) {
    if (!(f >= 0 && f <= 1)) {
      throw new IllegalArgumentException("region fraction must be in [0, 1], got " + f);
    }
    return new ApplicationFigures(f, amdahl(f, regionSpeedup), amdahl(f, regionEnergyReduction));
  }

  private static double amdahl(double f, double gain) {
    if (f == 0) {
      return 1;
    }
    return gain <= 0 ? 0 : 1 / ((1 - f) + f / gain);
  }
}
