package org.axnas.runtime;

/**
 * A candidate's three objectives, all maximised: accuracy under the error bound (paper eq. 5),
 * speedup and energy reduction against the CPU (hwsim), plus its f_perf and identity.
 */
public record Scored(int trialId, String network, double accuracy, double speedup, double energyReduction, double fPerf) {

  /** True when this is at least as good on every objective and better on one. */
  public boolean dominates(Scored o) {
    boolean noWorse = accuracy >= o.accuracy && speedup >= o.speedup && energyReduction >= o.energyReduction;
    boolean better = accuracy > o.accuracy || speedup > o.speedup || energyReduction > o.energyReduction;
    return noWorse && better;
  }

  /** Same objectives on all three axes. */
  public boolean sameObjectives(Scored o) {
    return accuracy == o.accuracy && speedup == o.speedup && energyReduction == o.energyReduction;
  }
}
