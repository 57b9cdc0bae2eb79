package org.axnas.hwsim;

/**
 * The CPU's cost of running the original function once.
 *
 * @param cycles core cycles
 * @param seconds {@code cycles / clockHz}
 * @param dynamicJoules operations priced by the per-class energy table
 * @param staticJoules leakage over {@code seconds}
 */
public record CpuCost(double cycles, double seconds, double dynamicJoules, double staticJoules) {

  public double energyJoules() {
    return dynamicJoules + staticJoules;
  }
}
