package org.axnas.pipelines.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.axnas.core.OpProfile;
import org.axnas.hwsim.CpuBaseline;
import org.axnas.hwsim.CpuCost;
import org.axnas.hwsim.HardwareConfig;
import org.axnas.hwsim.MeasuredInstructionMixes;
import org.axnas.pipelines.config.ConfigPaths;

/**
 * The chosen networks' speedup and energy reduction at both CPU baselines (hwsim/README.md, "CPU
 * baselines"). A search does not depend on the baseline (f_perf normalises speedup and energy by
 * the best reachable ones, in which the function's CPU cost cancels, and energy-mode selection has
 * no absolute energy threshold), so each choice is re-priced exactly by the ratio of the
 * function's CPU time (speedup) and CPU energy (energy reduction) between the two builds.
 */
final class BaselineTable {
  private BaselineTable() {}

  static Optional<Table> of(ExperimentReport r) {
    // group -> method -> baseline -> benchmark -> {sum speedup, sum energy, seeds}
    Map<Integer, Map<Method, Map<CpuBaseline, Map<String, double[]>>>> sums = new java.util.TreeMap<>();
    for (Comparison c : r.comparisons()) {
      Optional<HardwareConfig> hw = hardware(c);
      if (hw.isEmpty() || MeasuredInstructionMixes.of(c.benchmark(), CpuBaseline.O2).isEmpty()) {
        continue;
      }
      Map<CpuBaseline, CpuCost> cost = new EnumMap<>(CpuBaseline.class);
      for (CpuBaseline b : CpuBaseline.values()) {
        HardwareConfig at = hw.get().withCpuBaseline(b);
        cost.put(b, at.cpu().workload(c.benchmark(), OpProfile.of(Map.of())).cost(at.cpu()));
      }
      CpuCost ran = cost.get(hw.get().cpu().baseline());
      for (ReportRow row : c.rows()) {
        if (row.method() != Method.NAS && row.method() != Method.ENUMERATION) {
          continue;
        }
        for (CpuBaseline b : CpuBaseline.values()) {
          double[] s = sums.computeIfAbsent(c.group(), g -> new EnumMap<>(Method.class))
              .computeIfAbsent(row.method(), m -> new EnumMap<>(CpuBaseline.class))
              .computeIfAbsent(b, x -> new java.util.TreeMap<>())
              .computeIfAbsent(c.benchmark(), x -> new double[3]);
          s[0] += row.speedup() * cost.get(b).seconds() / ran.seconds();
          s[1] += row.energyReduction() * cost.get(b).energyJoules() / ran.energyJoules();
          s[2]++;
        }
      }
    }
    if (sums.isEmpty()) {
      return Optional.empty();
    }
    List<List<String>> rows = new ArrayList<>();
    sums.forEach((group, byMethod) -> byMethod.forEach((method, byBaseline) -> {
      List<String> row = new ArrayList<>(List.of(Integer.toString(group), method.label(),
          Integer.toString(byBaseline.get(CpuBaseline.O2).size())));
      for (CpuBaseline b : CpuBaseline.values()) {
        // each benchmark once, with its mean over its seeds (as the averages table)
        double[] perBenchmark = byBaseline.get(b).values().stream().mapToDouble(s -> s[0] / s[2]).toArray();
        double[] energy = byBaseline.get(b).values().stream().mapToDouble(s -> s[1] / s[2]).toArray();
        row.add(String.format(Locale.ROOT, "%.2fx / %.2fx", Spread.of(perBenchmark).mean(), Spread.of(energy).mean()));
      }
      row.add(ReportTables.paper(group, method));
      rows.add(row);
    }));
    return Optional.of(new Table("The same choices at both CPU baselines",
        "Mean speedup / energy reduction of the network each method chose per benchmark (energy mode at the threshold), against the original function "
            + "built with gcc -O2 -march=core2 (O2) and as AxBench's Makefiles build it (O0, no optimisation). The "
            + "choices are the same at both (the search is invariant to the baseline); only the absolute figures move, "
            + "with the CPU cost of each function (hwsim/README.md, \"CPU baselines\").",
        List.of("group", "method", "benchmarks", "O2: speedup / energy reduction", "O0: speedup / energy reduction",
            "paper"),
        rows));
  }

  private static Optional<HardwareConfig> hardware(Comparison c) {
    FinishedRun run = c.nas() != null ? c.nas() : c.enumeration();
    return run == null ? Optional.empty() : hardware(run);
  }

  /** The hardware a run was priced with, found as the search found it (ConfigPaths), if still there. */
  static Optional<HardwareConfig> hardware(FinishedRun run) {
    try {
      return Optional.of(HardwareConfig.load(
          ConfigPaths.resolve(run.config().hardware(), run.config().file(), "hardware")));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
