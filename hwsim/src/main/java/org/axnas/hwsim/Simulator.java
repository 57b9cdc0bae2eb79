package org.axnas.hwsim;

import java.util.Objects;
import java.util.OptionalDouble;
import org.axnas.core.Network;
import org.axnas.core.OpProfile;

/**
 * Simulates one invocation of a network on a CPU+NPU platform against running the original
 * function on the CPU. Stateless, deterministic and thread-safe: the search calls it from
 * parallel workers.
 *
 * <p>The accelerated region is serial: the core enqueues the inputs, the NPU runs (its cycles
 * include its side of the queues), the core dequeues the outputs. The core's leakage is charged
 * for the whole region, waiting included, exactly as it is for running the function itself.
 */
public final class Simulator {
  private Simulator() {}

  /**
   * Costs one invocation of {@code network} on {@code hw}, and of the original function whose
   * per-invocation operation profile is {@code cpuProfile}.
   */
  public static SimulationResult simulate(Network network, HardwareConfig hw, OpProfile cpuProfile) {
    return simulate(network, hw, cpuProfile, OptionalDouble.empty());
  }

  /**
   * As {@link #simulate(Network, HardwareConfig, OpProfile)}, and carries the region's share of
   * the program's time so that the result reports whole-application figures too.
   */
  public static SimulationResult simulate(
      Network network, HardwareConfig hw, OpProfile cpuProfile, double regionFraction) {
    ApplicationFigures.of(regionFraction, 1, 1); // validates the fraction
    return simulate(network, hw, cpuProfile, OptionalDouble.of(regionFraction));
  }

  private static SimulationResult simulate(
      Network network, HardwareConfig hw, OpProfile cpuProfile, OptionalDouble regionFraction) {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(hw, "hardware configuration");
    Objects.requireNonNull(cpuProfile, "CPU operation profile");
    NpuCost npu = NpuModel.cost(network, hw.npu());
    CpuCost cpu = CpuModel.cost(cpuProfile, hw.cpu());
    TransferCost transfer = CpuModel.transfer(network.inputs() + network.outputs(), hw.cpu());
    double regionSeconds = transfer.cpuSeconds() + npu.seconds();
    double regionJoules = npu.energyJoules() + transfer.cpuJoules()
        + hw.cpu().staticWatts() * regionSeconds;
    return new SimulationResult(network, hw, npu, cpu, transfer, regionSeconds, regionJoules,
        regionFraction);
  }
}
