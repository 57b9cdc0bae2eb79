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
   * Costs one invocation of {@code network} on {@code hw}, and of the original function, whose
   * CPU work is {@code cpuWorkload} (see {@link CpuConfig#workload}).
   */
  public static SimulationResult simulate(Network network, HardwareConfig hw, CpuWorkload cpuWorkload) {
    return simulate(network, hw, cpuWorkload, OptionalDouble.empty());
  }

  /**
   * Costs one invocation of {@code network} on {@code hw} against a function known only by its
   * counted operations (priced per operation, {@code cpu.ops}).
   */
  public static SimulationResult simulate(Network network, HardwareConfig hw, OpProfile cpuProfile) {
    return simulate(network, hw, new CountedOperations(cpuProfile), OptionalDouble.empty());
  }

  /**
   * Costs one invocation of {@code network} on {@code hw} against {@code benchmark}: AxBench's
   * measured instruction mix at the configured baseline for the seven built-in benchmarks, else
   * the operations {@code counted} when the function ran.
   */
  public static SimulationResult simulate(
      Network network, HardwareConfig hw, String benchmark, OpProfile counted) {
    return simulate(network, hw, hw.cpu().workload(benchmark, counted), OptionalDouble.empty());
  }

  /**
   * As {@link #simulate(Network, HardwareConfig, CpuWorkload)}, and carries the region's share of
   * the program's time so that the result reports whole-application figures too.
   */
  public static SimulationResult simulate(
      Network network, HardwareConfig hw, CpuWorkload cpuWorkload, double regionFraction) {
    ApplicationFigures.of(regionFraction, 1, 1); // validates the fraction
    return simulate(network, hw, cpuWorkload, OptionalDouble.of(regionFraction));
  }

  private static SimulationResult simulate(
      Network network, HardwareConfig hw, CpuWorkload cpuWorkload, OptionalDouble regionFraction) {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(hw, "hardware configuration");
    Objects.requireNonNull(cpuWorkload, "CPU workload");
    NpuCost npu = NpuModel.cost(network, hw.npu());
    CpuCost cpu = cpuWorkload.cost(hw.cpu());
    TransferCost transfer = CpuModel.transfer(network.inputs() + network.outputs(), hw.cpu());
    double regionSeconds = transfer.cpuSeconds() + npu.seconds();
    double regionJoules = npu.energyJoules() + transfer.cpuJoules()
        + hw.cpu().staticWatts() * regionSeconds;
    return new SimulationResult(network, hw, npu, cpu, cpuWorkload.description(), transfer,
        regionSeconds, regionJoules, regionFraction);
  }
}
