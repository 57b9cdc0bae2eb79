package org.axnas.pipelines;

import org.axnas.pipelines.run.JsonOutput;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.axnas.core.Network;
import org.axnas.core.OpProfile;
import org.axnas.hwsim.ApplicationFigures;
import org.axnas.hwsim.HardwareConfig;
import org.axnas.hwsim.SimulationResult;
import org.axnas.hwsim.Simulator;
import org.axnas.kernels.Benchmark;
import org.axnas.kernels.Benchmarks;
import org.axnas.pipelines.config.ConfigException;
import org.axnas.traces.KernelProfiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code axnas hwsim}: cost of one network invocation on a CPU+NPU against the original function. */
@Command(
    name = "hwsim",
    mixinStandardHelpOptions = true,
    description = "Simulate one invocation of a network on the NPU and compare it with the benchmark's original function on the CPU.")
public final class HwsimCommand implements Callable<Integer> {
  /** Invocations over which the kernel's operation profile is averaged. */
  static final int PROFILE_SAMPLES = 4096;

  @Option(names = "--hardware", defaultValue = "run-configs/hardware/eyeriss.yaml",
      description = "Hardware config YAML (default ${DEFAULT-VALUE}).")
  Path hardware;

  @Option(names = "--net", required = true, description = "Network, e.g. 6-8:sigmoid-8:sigmoid-1.")
  String net;

  @Option(names = "--benchmark", required = true, description = "Whose original function the CPU runs.")
  String benchmark;

  @Option(names = "--region-fraction", description = "Share of the program's time in the function, for whole-application figures (Amdahl).")
  Double regionFraction;

  @Option(names = "--json", description = "Print one JSON document on stdout.")
  boolean json;

  /** The widest hidden layer hwsim prices: 32x the widest the search spaces allow. */
  static final int MAX_WIDTH = 4096;

  @Override
  public Integer call() {
    Network network;
    try {
      network = Network.parse(net);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--net", "net", e.getMessage());
    }
    for (var layer : network.hidden()) {
      if (layer.neurons() > MAX_WIDTH) {
        throw new ConfigException("--net", "net", "a hidden layer of " + layer.neurons() + " neurons; at most "
            + MAX_WIDTH + " (the search spaces go to 128; wider layers are no approximation of a small function)");
      }
    }
    Benchmark b;
    try {
      b = Benchmarks.byName(benchmark);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--benchmark", "benchmark", e.getMessage());
    }
    if (network.inputs() != b.inputWidth() || network.outputs() != b.outputWidth()) {
      throw new ConfigException("--net", "net", b.name() + " maps " + b.inputWidth() + " inputs to "
          + b.outputWidth() + " outputs; the network has " + network.inputs() + " -> " + network.outputs());
    }
    if (regionFraction != null && !(regionFraction > 0 && regionFraction <= 1)) {
      throw new ConfigException("--region-fraction", "region-fraction", "must be in (0, 1], got " + regionFraction);
    }
    HardwareConfig hw = HardwareConfig.load(hardware);
    OpProfile profile = KernelProfiles.measure(b, 1, PROFILE_SAMPLES);
    SimulationResult r = Simulator.simulate(network, hw, b.name(), profile);
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>(r.toJson());
      doc.put("benchmark", b.name());
      if (regionFraction != null) {
        ApplicationFigures app = r.application(regionFraction);
        doc.put("application", Map.of("regionFraction", app.regionFraction(), "speedup", app.speedup(),
            "energyReduction", app.energyReduction()));
      }
      JsonOutput.print(doc);
    } else {
      System.out.println("benchmark " + b.name() + ", hardware " + hardware);
      System.out.println(r.toTable());
      if (regionFraction != null) {
        ApplicationFigures app = r.application(regionFraction);
        System.out.printf("whole application (region %.0f%% of the time): speedup %.3fx, energy reduction %.3fx%n",
            100 * app.regionFraction(), app.speedup(), app.energyReduction());
      }
    }
    return 0;
  }
}
