package org.axnas.pipelines.config;

import java.util.ArrayList;
import java.util.List;
import org.axnas.core.Network;
import org.axnas.kernels.Benchmark;
import org.axnas.smac.ConfigurationSpace;
import org.axnas.smac.MlpSpace;
import org.axnas.hwsim.yaml.YamlSection;

/**
 * The keys that say how a search starts: {@code search.warmStart} (earlier run folders whose
 * evaluations SMAC learns from first) and {@code search.initial} (networks evaluated first), each
 * checked here, where the config is read.
 */
final class SearchStart {
  private SearchStart() {}

  /** The warm-start run folders as written; that each is a run of the same benchmark is checked when the search starts. */
  static List<String> warmStartRuns(YamlSection search) {
    List<String> runs = search.strings("warmStart", List.of());
    for (String r : runs) {
      if (r.isBlank()) {
        throw search.error("warmStart", "expected a list of run folders (earlier runs' --out), got an empty entry");
      }
    }
    if (runs.stream().distinct().count() < runs.size()) {
      throw search.error("warmStart", "names a run folder twice: " + runs);
    }
    return List.copyOf(runs);
  }

  /**
   * The networks to evaluate first, in the notation {@code axnas} writes them; each must lie in the
   * search space and, for a built-in benchmark, have its input and output widths.
   */
  static List<String> initialNetworks(YamlSection search, Benchmark benchmark, ConfigurationSpace space) {
    List<String> out = new ArrayList<>();
    for (String text : search.strings("initial", List.of())) {
      Network n;
      try {
        n = Network.parse(text);
      } catch (IllegalArgumentException e) {
        throw search.error("initial", "'" + text + "' is not a network: " + e.getMessage()
            + "; write inputs-neurons:activation-...-outputs, e.g. 6-8:sigmoid-8:sigmoid-1");
      }
      try {
        MlpSpace.fromNetwork(space, n);
      } catch (IllegalArgumentException e) {
        throw search.error("initial", "'" + text + "' is outside the search space (search.maxLayers, search.maxNeurons, "
            + "search.activations): " + e.getMessage());
      }
      if (benchmark != null) {
        Network fitting = new Network(benchmark.inputWidth(), n.hidden(), benchmark.outputWidth(), benchmark.outputActivation());
        if (!fitting.notation().equals(n.notation())) {
          throw search.error("initial", "'" + text + "' does not fit " + benchmark.name() + ", whose networks read "
              + fitting.notation() + " (its inputs, hidden layers, outputs)");
        }
      }
      if (out.contains(n.notation())) {
        throw search.error("initial", "names " + n.notation() + " twice");
      }
      out.add(n.notation());
    }
    return List.copyOf(out);
  }
}
