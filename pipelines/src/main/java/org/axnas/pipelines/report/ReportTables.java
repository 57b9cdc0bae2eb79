package org.axnas.pipelines.report;

import static org.axnas.pipelines.report.ExperimentReport.percent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.axnas.evaluation.FrontHypervolume;
import org.axnas.pipelines.report.ExperimentReport.GroupAverage;

/** The experiment as tables: averages per group, the chosen networks, NAS/enumeration ratios, search cost. */
public final class ReportTables {
  /** The paper's averages (section IV.E): group -> method -> {speedup, energy reduction}. */
  static final double[][][] PAPER = {
    {{4.29, 5.0}, {2.95, 3.0}}, // group 1: NAS, enumeration
    {{5.86, 7.7}, {4.13, 4.5}}, // group 2
  };

  private ReportTables() {}

  public static List<Table> all(ExperimentReport r) {
    List<Table> out = new ArrayList<>();
    out.add(averages(r));
    BaselineTable.of(r).ifPresent(out::add);
    for (int g : r.groups()) {
      out.add(chosen(r, g));
    }
    if (r.paired()) {
      out.add(ratios(r));
    }
    if (!r.seedSpreads().isEmpty()) {
      out.add(seedSpread(r));
    }
    out.add(bestAccuracy(r));
    out.add(cost(r));
    return out;
  }

  /** The most accurate network of each run (quality mode without constraints; the paper's 93.7% vs 90.3%). */
  static Table bestAccuracy(ExperimentReport r) {
    List<List<String>> rows = new ArrayList<>();
    for (Comparison c : r.comparisons()) {
      for (Method m : List.of(Method.NAS, Method.ENUMERATION)) {
        c.run(m).flatMap(run -> ExperimentReport.mostAccurate(run.pareto())).ifPresent(p -> rows.add(List.of(benchmark(c, r),
            Integer.toString(c.group()), m.label(), "`" + p.getNetwork() + "`", percent(p.getAccuracy()),
            p.getTestAccuracy() == null ? "-" : percent(p.getTestAccuracy()), times(p.getEnergyReduction()))));
      }
    }
    return new Table("Highest accuracy each method reaches",
        "Quality mode without constraints: the most accurate network each run found (the paper, blackscholes group 1: "
            + "NAS 93.7%, enumeration 90.3%; jmeint: 84.5%).",
        List.of("benchmark", "group", "method", "network", "accuracy (validation)", "accuracy (test)", "energy reduction"),
        rows);
  }

  static Table averages(ExperimentReport r) {
    List<List<String>> rows = new ArrayList<>();
    for (GroupAverage a : r.averages()) {
      String method = a.method().label() + (a.belowThreshold() == 0 ? ""
          : " (" + a.belowThreshold() + " of " + a.benchmarks() + " below the threshold)");
      rows.add(List.of(Integer.toString(a.group()), method, Integer.toString(a.benchmarks()), times(a.speedup()),
          times(a.energyReduction()), times(a.geoSpeedup()), times(a.geoEnergyReduction()), paper(a.group(), a.method())));
    }
    for (int g : r.groups()) {
      Optional<GroupAverage> n = r.average(g, Method.NAS);
      Optional<GroupAverage> e = r.average(g, Method.ENUMERATION);
      if (n.isPresent() && e.isPresent()) {
        String paper = g <= 2 ? String.format(Locale.ROOT, "%.2fx / %.2fx", PAPER[g - 1][0][0] / PAPER[g - 1][1][0],
            PAPER[g - 1][0][1] / PAPER[g - 1][1][1]) : "-";
        rows.add(List.of(Integer.toString(g), "NAS / enumeration (ratio of the means)", "",
            times(n.get().speedup() / e.get().speedup()), times(n.get().energyReduction() / e.get().energyReduction()),
            times(n.get().geoSpeedup() / e.get().geoSpeedup()),
            times(n.get().geoEnergyReduction() / e.get().geoEnergyReduction()), paper));
      }
    }
    if (!Double.isNaN(r.meanRatio(true))) {
      rows.add(List.of("all", "NAS / enumeration (mean of the per-benchmark ratios)", "", times(r.meanRatio(true)),
          times(r.meanRatio(false)), "", "", "1.43x / 1.74x"));
    }
    String seeds = r.seeds().size() > 1 ? " A benchmark run with several seeds counts once, with its mean over the seeds." : "";
    return new Table("Averages per group (paper section IV.E, Fig. 5)", (r.paired()
        ? "Means over the benchmarks of each group (those where both NAS and the enumeration chose a network) of the "
            + "speedup and energy reduction of the network each method chooses; the last column gives the paper's "
            + "figures (speedup / energy reduction)."
        : "No benchmark and group has both a NAS search and an enumeration, so there is no comparison: these are the "
            + "runs' own figures, the means over the benchmarks where each method chose a network (one run: that "
            + "run's choice). The paper's comparison needs an enumeration beside each search (`axnas enumerate` with the "
            + "same config); the last column gives the paper's figures (speedup / energy reduction).") + seeds,
        List.of("group", "method", "benchmarks", "mean speedup", "mean energy reduction", "geo-mean speedup",
            "geo-mean energy reduction", "paper"),
        rows);
  }

  static Table chosen(ExperimentReport r, int group) {
    List<List<String>> rows = new ArrayList<>();
    for (Comparison c : r.comparisons()) {
      if (c.group() != group) {
        continue;
      }
      String bound = FigureBuilder.bound((c.nas() != null ? c.nas() : c.enumeration()).errorBound());
      String threshold = percent(c.threshold()) + (c.thresholdCapped() ? "" : " (best reachable)");
      for (Method m : Method.values()) {
        Optional<ReportRow> row = c.row(m);
        if (row.isPresent()) {
          ReportRow x = row.get();
          rows.add(List.of(benchmark(c, r), bound, threshold, m.label(), "`" + x.network() + "`", percent(x.validationAccuracy())
              + besideFloat(x.validationAccuracy(), x.floatValidationAccuracy()) + (x.meetsThreshold() ? "" : " (below)"),
              x.testAccuracy() == null ? "-" : percent(x.testAccuracy()) + besideFloat(x.testAccuracy(), x.floatTestAccuracy()),
              times(x.speedup()), times(x.energyReduction())));
        } else if (m != Method.AXBENCH || c.missing().stream().anyMatch(s -> s.startsWith(m.label()))) {
          rows.add(List.of(benchmark(c, r), bound, threshold, m.label(), "none", "-", "-", "-", "-"));
        }
      }
    }
    return new Table("Group " + group + ": the network each method chooses",
        "Energy mode (paper Table 1): the highest energy reduction whose validation accuracy reaches the threshold. "
            + "AxBench's network is fixed; '(below)' marks it when it misses the threshold. Test accuracy is on the test "
            + "split, which no search saw. Accuracies are in the hardware's arithmetic (npu.precision); where the "
            + "trainer's float gives another, it follows in brackets.",
        List.of("benchmark", "error bound", "accuracy threshold", "method", "network", "accuracy (validation)",
            "accuracy (test)", "speedup", "energy reduction"),
        rows);
  }

  static Table ratios(ExperimentReport r) {
    List<List<String>> rows = new ArrayList<>();
    for (Comparison c : r.comparisons()) {
      rows.add(List.of(benchmark(c, r), Integer.toString(c.group()), percent(c.threshold()), times(c.speedupRatio()),
          times(c.energyRatio())));
    }
    return new Table("NAS / enumeration per benchmark",
        "How much more speedup and energy reduction NAS's choice gives than the enumeration's, at the same threshold.",
        List.of("benchmark", "group", "accuracy threshold", "speedup ratio", "energy reduction ratio"), rows);
  }

  /**
   * Per benchmark and group, the mean and spread over seeds of what NAS and the enumeration choose
   * and of their per-seed ratios (issue 14: the experiment with several seeds).
   */
  static Table seedSpread(ExperimentReport r) {
    List<List<String>> rows = new ArrayList<>();
    for (SeedSpread s : r.seedSpreads()) {
      List<String> head = List.of(s.benchmark(), Integer.toString(s.group()),
          String.join(", ", s.seeds().stream().map(String::valueOf).toList()));
      spreadRow(rows, head, "NAS speedup", s.nasSpeedup());
      spreadRow(rows, head, "NAS energy reduction", s.nasEnergyReduction());
      spreadRow(rows, head, "enumeration speedup", s.enumerationSpeedup());
      spreadRow(rows, head, "enumeration energy reduction", s.enumerationEnergyReduction());
      spreadRow(rows, head, "NAS / enumeration speedup", s.speedupRatio());
      spreadRow(rows, head, "NAS / enumeration energy reduction", s.energyRatio());
    }
    return new Table("Mean and spread over seeds",
        "Each seed is a NAS search and an enumeration with that seed (traces, split, SMAC and training); per seed, the "
            + "network each method chooses in energy mode at that seed's threshold, and the NAS/enumeration ratio of the "
            + "pair. 'seeds used' counts the seeds where the figure exists; the standard deviation is the sample one "
            + "(n - 1), '-' for a single value.",
        List.of("benchmark", "group", "seeds", "figure", "seeds used", "mean", "min - max", "standard deviation"), rows);
  }

  private static void spreadRow(List<List<String>> rows, List<String> head, String figure, Spread s) {
    List<String> row = new ArrayList<>(head);
    row.addAll(List.of(figure, Integer.toString(s.n()), times(s.mean()), times(s.min()) + " - " + times(s.max()),
        Double.isNaN(s.sd()) ? "-" : String.format(Locale.ROOT, "%.3f", s.sd())));
    rows.add(row);
  }

  /** A table's benchmark cell: the name, and the seed when the report holds several. */
  static String benchmark(Comparison c, ExperimentReport r) {
    return c.benchmark() + (r.seeds().size() > 1 ? ", seed " + c.seed() : "");
  }

  static Table cost(ExperimentReport r) {
    List<List<String>> rows = new ArrayList<>();
    for (Comparison c : r.comparisons()) {
      for (Method m : List.of(Method.NAS, Method.ENUMERATION)) {
        Optional<FinishedRun> run = c.run(m);
        if (run.isEmpty()) {
          continue;
        }
        FinishedRun x = run.get();
        String foundAt = c.row(m).map(row -> Integer.toString(row.foundAt())).orElse("-");
        rows.add(List.of(benchmark(c, r), Integer.toString(c.group()), m.label(), Integer.toString(x.history().size()),
            Long.toString(x.failed()), Integer.toString(x.cacheHits()), foundAt,
            String.format(Locale.ROOT, "%.4f", FrontHypervolume.of(x.history())), seconds(x.wallSeconds()),
            seconds(x.trainingSeconds())));
      }
    }
    return new Table("Search cost",
        "Evaluations each run spent; cache hits are networks already trained by another run sharing the evaluation cache "
            + "(scored again, not trained again); 'chosen at' is the evaluation that found the chosen network; wall time "
            + "sums the rounds (trace collection excluded); training time sums the candidates' trainings. The front "
            + "hypervolume is the volume of (accuracy, speedup, energy reduction) the run's Pareto front dominates over "
            + "the origin: how much of the trade-off space it covers.",
        List.of("benchmark", "group", "method", "evaluations", "failed", "cache hits", "chosen at evaluation",
            "front hypervolume", "wall time", "training time"),
        rows);
  }

  static String paper(int group, Method m) {
    if (group > 2 || m == Method.AXBENCH) {
      return "-";
    }
    double[] p = PAPER[group - 1][m == Method.NAS ? 0 : 1];
    return String.format(Locale.ROOT, "%.2fx / %.1fx", p[0], p[1]);
  }

  static String times(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2fx", v);
  }

  static String seconds(double s) {
    return s >= 120 ? String.format(Locale.ROOT, "%.1f min", s / 60) : String.format(Locale.ROOT, "%.1f s", s);
  }

  /** " (float 93.1%)" when the trainer's float accuracy differs from the hardware's, else "". */
  static String besideFloat(double accuracy, Double floatAccuracy) {
    return floatAccuracy == null || floatAccuracy == accuracy ? "" : " (float " + percent(floatAccuracy) + ")";
  }
}
