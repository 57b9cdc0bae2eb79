package org.axnas.pipelines.search;

import java.util.List;
import java.util.Locale;
import org.axnas.core.Activation;
import org.axnas.core.Layer;
import org.axnas.core.Network;
import org.axnas.core.OpProfile;
import org.axnas.evaluation.Objective;
import org.axnas.hwsim.CpuWorkload;
import org.axnas.hwsim.HardwareConfig;
import org.axnas.kernels.Benchmark;
import org.axnas.kernels.Benchmarks;
import org.axnas.hwsim.SimulationResult;
import org.axnas.hwsim.Simulator;
import org.axnas.pipelines.config.ConfigException;
import org.axnas.pipelines.config.RunConfig;

/** The run's f_perf (paper eq. 4) with its normalisation, and the selection threshold it bounds. */
final class ObjectiveNormalisation {
  private ObjectiveNormalisation() {}

  /**
   * P_speed and P_energy are normalised by the speedup and energy reduction of the smallest
   * network of the space (one hidden neuron, each allowed activation: the best any candidate can
   * reach), so the three terms of f_perf are all in [0, 1].
   */
  static Objective objective(RunConfig config, HardwareConfig hw, int inputs, int outputs, Activation outAct,
      CpuWorkload cpu) {
    double bestSpeedup = 0;
    double bestEnergy = 0;
    for (Activation a : config.search().activations()) {
      Network smallest = new Network(inputs, List.of(new Layer(1, a)), outputs, outAct);
      SimulationResult r = Simulator.simulate(smallest, hw, cpu);
      bestSpeedup = Math.max(bestSpeedup, r.speedup());
      bestEnergy = Math.max(bestEnergy, r.energyReduction());
    }
    return new Objective(config.objective(), Math.max(bestSpeedup, 1e-9), Math.max(bestEnergy, 1e-9));
  }

  /**
   * For AxBench's kernels the CPU side is a measured instruction mix, known before any trace is
   * collected: an unreachable energy threshold is refused before anything is written. (A user's
   * function is checked once its traces are read, by {@link #checkReachable}.)
   */
  static void checkReachableBeforeTraces(RunConfig config, RunInputs in) {
    if (config.isUserFunction()) {
      return;
    }
    Benchmark b = Benchmarks.byName(config.benchmark());
    Objective o = objective(config, in.hardware(), b.inputWidth(), b.outputWidth(), b.outputActivation(),
        in.hardware().cpu().workload(config.benchmark(), OpProfile.of(java.util.Map.of())));
    checkReachable(config, o, in.hardwarePath());
  }

  /** An energy threshold no network of the space can reach is refused before the search starts. */
  static void checkReachable(RunConfig config, Objective objective, java.nio.file.Path hardwarePath) {
    if (config.selection().minEnergyReduction() > objective.energyRef()) {
      throw new ConfigException(config.file(), "selection.minEnergyReduction", String.format(Locale.ROOT,
          "%s is more than any network of the search space can reach on %s (at most %.3f, with one hidden neuron); "
              + "lower it", config.selection().minEnergyReduction(), hardwarePath, objective.energyRef()));
    }
  }
}
