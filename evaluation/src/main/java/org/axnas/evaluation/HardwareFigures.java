package org.axnas.evaluation;

import org.axnas.core.Network;
import org.axnas.hwsim.CpuWorkload;
import org.axnas.hwsim.HardwareConfig;
import org.axnas.hwsim.SimulationResult;
import org.axnas.hwsim.Simulator;

/**
 * A network's speedup and energy reduction over the original function on the run's hardware
 * (hwsim): the one place an evaluation takes them from, and where EHVI proposals look them up
 * before training (they depend on the topology alone, not on the trained weights).
 */
public final class HardwareFigures {
  private final HardwareConfig hardware;
  private final CpuWorkload cpuWorkload;

  /** {@code spec}'s original function on {@code hardware} (see {@link ScoringSpec#cpuWorkload}). */
  public HardwareFigures(ScoringSpec spec, HardwareConfig hardware) {
    this.hardware = hardware;
    this.cpuWorkload = spec.cpuWorkload(hardware);
  }

  public SimulationResult simulate(Network network) {
    return Simulator.simulate(network, hardware, cpuWorkload);
  }
}
