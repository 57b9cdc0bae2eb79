package org.axnas.pipelines.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axnas.evaluation.CandidateEvaluator;
import java.util.TreeMap;
import org.axnas.kernels.Benchmarks;
import org.axnas.pipelines.search.ParetoFiles;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.EvaluationStatus;
import org.axnas.schemas.ParetoEntry;
import org.axnas.runtime.Constraints;
import org.axnas.runtime.NetworkSelector;
import org.axnas.runtime.Scored;
import org.axnas.runtime.SelectionMode;

/**
 * The paper's experiment (section IV.E, Fig. 5) over finished runs: per benchmark and error-bound
 * group, the network NAS and the enumeration each choose in energy mode at one accuracy threshold,
 * AxBench's hand-designed network beside them, and the averages per group. Plain Java: the
 * tables, the figures and the JSON are all views of this.
 */
public record ExperimentReport(Settings settings, List<Comparison> comparisons, List<GroupAverage> averages,
    List<String> skipped) {

  /**
   * @param accuracyCap the accuracy threshold of the comparison (the paper: 90%, "quality loss 10%")
   * @param minEnergyReduction the energy threshold of the online selection pictures (the paper's Fig. 4a
   *     uses 2.5x), or NaN for each picture's own: half the energy reduction of the energy-mode choice,
   *     so that every mode has a network to return
   * @param theta integrated mode's weight of accuracy (paper eq. 6)
   */
  public record Settings(double accuracyCap, double minEnergyReduction, double theta) {
    public Settings {
      new Constraints(accuracyCap, Double.isNaN(minEnergyReduction) ? 0 : minEnergyReduction, theta); // validates the ranges
    }

    /** The energy threshold of a comparison's online selection picture. */
    public double minEnergyReduction(Comparison c, Method m) {
      if (!Double.isNaN(minEnergyReduction)) {
        return minEnergyReduction;
      }
      return c.row(m).map(r -> r.energyReduction() / 2).orElse(0.0);
    }
  }

  /**
   * Mean speedup and energy reduction of one method's networks over one group's benchmarks;
   * {@code belowThreshold} of them miss the accuracy threshold (only AxBench's fixed networks can).
   */
  public record GroupAverage(int group, Method method, int benchmarks, double speedup, double energyReduction,
      double geoSpeedup, double geoEnergyReduction, int belowThreshold) {}

  public static ExperimentReport build(List<FinishedRun> runs, List<String> skipped, Settings settings) {
    List<String> notes = new ArrayList<>(skipped);
    // (benchmark, group, seed) -> method -> run; of two runs of one kind and seed the one with more evaluations is used
    Map<String, Map<Method, FinishedRun>> byKey = new TreeMap<>();
    List<FinishedRun> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparing(r -> r.dir().toString()));
    for (FinishedRun r : sorted) {
      Map<Method, FinishedRun> m = byKey.computeIfAbsent(key(r.benchmark(), r.group(), r.seed()), k -> new LinkedHashMap<>());
      FinishedRun old = m.get(r.method());
      if (old == null) {
        m.put(r.method(), r);
      } else {
        FinishedRun keep = r.history().size() > old.history().size() ? r : old;
        FinishedRun drop = keep == r ? old : r;
        m.put(r.method(), keep);
        notes.add(drop.dir() + ": another " + r.method().label() + " run of " + r.benchmark() + " group " + r.group()
            + " with seed " + r.seed() + " is used (" + keep.dir() + ")");
      }
    }
    List<Comparison> comparisons = new ArrayList<>();
    for (Map<Method, FinishedRun> m : byKey.values()) {
      comparisons.add(compare(m.get(Method.NAS), m.get(Method.ENUMERATION), settings));
    }
    comparisons.sort(Comparator.comparingInt(Comparison::group).thenComparing(c -> benchmarkOrder(c.benchmark()))
        .thenComparing(Comparison::benchmark).thenComparingLong(Comparison::seed));
    return new ExperimentReport(settings, comparisons, averages(comparisons), notes);
  }

  static Comparison compare(FinishedRun nas, FinishedRun enumeration, Settings s) {
    FinishedRun any = nas != null ? nas : enumeration;
    String benchmark = any.benchmark();
    int group = any.group();
    long seed = any.seed();

    // one threshold for both methods: the cap, or the best accuracy both reach
    double threshold = s.accuracyCap();
    for (FinishedRun r : new FinishedRun[] {nas, enumeration}) {
      if (r != null && !r.ok().isEmpty()) {
        threshold = Math.min(threshold, r.ok().stream().mapToDouble(Evaluation::getAccuracy).max().orElseThrow());
      }
    }
    boolean capped = threshold == s.accuracyCap();

    List<ReportRow> rows = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (FinishedRun r : new FinishedRun[] {nas, enumeration}) {
      Method m = r == nas ? Method.NAS : Method.ENUMERATION;
      if (r == null) {
        missing.add(m.label() + ": no finished run");
        continue;
      }
      Optional<ParetoEntry> chosen = energyMode(r.pareto(), threshold);
      if (chosen.isEmpty()) {
        missing.add(m.label() + ": no network of " + r.dir() + " reaches accuracy " + percent(threshold));
        continue;
      }
      ParetoEntry p = chosen.get();
      rows.add(new ReportRow(benchmark, group, m, p.getNetwork(), p.getAccuracy(), p.getTestAccuracy(), p.getSpeedup(),
          p.getEnergyReduction(), p.getFPerf(), p.getAccuracy() >= threshold, position(r, p.getTrialId()),
          r.history().size(), r.failed(), r.cacheHits(), r.wallSeconds(), r.trainingSeconds(), r.dir().toString(),
          p.getPrecision(), p.getFloatAccuracy(), p.getFloatTestAccuracy()));
    }
    axbench(benchmark, group, threshold, enumeration, nas, rows, missing);
    rows.sort(Comparator.comparing(ReportRow::method));
    return new Comparison(benchmark, group, seed, threshold, capped, nas, enumeration, rows, missing);
  }

  /** Energy mode (paper Table 1) over a Pareto set: the highest energy reduction at the accuracy threshold. */
  static Optional<ParetoEntry> energyMode(List<ParetoEntry> pareto, double threshold) {
    return select(pareto, SelectionMode.ENERGY, new Constraints(threshold, 0, 0.5));
  }

  /** Quality mode without constraints: the most accurate network of a Pareto set. */
  static Optional<ParetoEntry> mostAccurate(List<ParetoEntry> pareto) {
    return select(pareto, SelectionMode.QUALITY, Constraints.none());
  }

  private static Optional<ParetoEntry> select(List<ParetoEntry> pareto, SelectionMode mode, Constraints c) {
    return new NetworkSelector(ParetoFiles.scored(pareto)).select(mode, c).chosen()
        .flatMap(chosen -> pareto.stream().filter(p -> p.getTrialId() == chosen.trialId()).findFirst());
  }

  /** The three modes of online selection over a Pareto set (paper Fig. 4a). */
  static Map<SelectionMode, Optional<Scored>> onlineSelection(List<ParetoEntry> pareto, Constraints c) {
    Map<SelectionMode, Optional<Scored>> out = new LinkedHashMap<>();
    NetworkSelector selector = new NetworkSelector(ParetoFiles.scored(pareto));
    for (SelectionMode mode : SelectionMode.values()) {
      out.put(mode, selector.select(mode, c).chosen());
    }
    return out;
  }

  /**
   * AxBench's hand-designed network: one more candidate, trained and scored like the others by
   * the run that evaluated it (the enumeration always does: its topologies are among the fixed
   * enumeration's), scored on the test split here.
   */
  private static void axbench(String benchmark, int group, double threshold, FinishedRun enumeration, FinishedRun nas,
      List<ReportRow> rows, List<String> missing) {
    String network;
    try {
      network = Benchmarks.byName(benchmark).axbenchNetwork().notation();
    } catch (IllegalArgumentException e) {
      return; // a user's own function has no AxBench network
    }
    for (FinishedRun r : new FinishedRun[] {enumeration, nas}) {
      if (r == null) {
        continue;
      }
      for (Evaluation e : r.history()) {
        if (e.getNetwork().equals(network) && e.getStatus() == EvaluationStatus.OK) {
          Optional<CandidateEvaluator.HardwareScore> test = TestScores.accuracy(r, e.getModelKey());
          Double floatTest = test.map(CandidateEvaluator.HardwareScore::floatScore).map(CandidateEvaluator.Score::accuracy).orElse(null);
          rows.add(new ReportRow(benchmark, group, Method.AXBENCH, network, e.getAccuracy(),
              test.map(t -> t.score().accuracy()).orElse(null), e.getSpeedup(),
              e.getEnergyReduction(), e.getFPerf(), e.getAccuracy() >= threshold, position(r, e.getTrialId()), 0, 0, 0, 0, 0,
              r.dir().toString(), e.getPrecision(), e.getFloatAccuracy(), floatTest));
          return;
        }
      }
    }
    missing.add(Method.AXBENCH.label() + ": " + network + " was not evaluated successfully by any run of " + benchmark
        + " group " + group);
  }

  static int position(FinishedRun r, int trialId) {
    for (int i = 0; i < r.history().size(); i++) {
      if (r.history().get(i).getTrialId() == trialId) {
        return i + 1;
      }
    }
    return 0;
  }

  /**
   * Means per group over the benchmarks where both NAS and the enumeration chose a network, so
   * every method is averaged over the same benchmarks (the others are listed as missing); a
   * benchmark run with several seeds counts once, with its mean over the seeds (the geometric
   * means are over those per-benchmark means). When no benchmark has both methods (a report on
   * one search, or on searches without enumerations), each method is averaged over the benchmarks
   * where it chose a network: there is nothing to compare, and {@link #paired()} says so.
   */
  static List<GroupAverage> averages(List<Comparison> comparisons) {
    List<GroupAverage> out = new ArrayList<>();
    List<Comparison> paired = comparisons.stream().filter(ExperimentReport::paired).toList();
    List<Comparison> used = paired.isEmpty() ? comparisons : paired;
    for (int group : used.stream().map(Comparison::group).distinct().sorted().toList()) {
      for (Method m : Method.values()) {
        // benchmark -> its rows, one per seed
        Map<String, List<ReportRow>> byBenchmark = new LinkedHashMap<>();
        used.stream().filter(c -> c.group() == group)
            .forEach(c -> c.row(m).ifPresent(r -> byBenchmark.computeIfAbsent(c.benchmark(), b -> new ArrayList<>()).add(r)));
        if (byBenchmark.isEmpty()) {
          continue;
        }
        double[] speedup = byBenchmark.values().stream().mapToDouble(rows -> mean(rows, true)).toArray();
        double[] energy = byBenchmark.values().stream().mapToDouble(rows -> mean(rows, false)).toArray();
        out.add(new GroupAverage(group, m, byBenchmark.size(), Spread.of(speedup).mean(), Spread.of(energy).mean(),
            geometricMean(speedup), geometricMean(energy),
            (int) byBenchmark.values().stream().filter(rows -> rows.stream().anyMatch(r -> !r.meetsThreshold())).count()));
      }
    }
    return out;
  }

  private static boolean paired(Comparison c) {
    return c.row(Method.NAS).isPresent() && c.row(Method.ENUMERATION).isPresent();
  }

  private static double mean(List<ReportRow> rows, boolean speedup) {
    return Spread.of(rows.stream().mapToDouble(r -> speedup ? r.speedup() : r.energyReduction()).toArray()).mean();
  }

  private static double geometricMean(double[] values) {
    return Math.exp(java.util.Arrays.stream(values).map(Math::log).average().orElseThrow());
  }

  /**
   * Whether the averages compare NAS with the enumeration: some benchmark and group has a
   * network from both. When not, they are each method's own figures.
   */
  public boolean paired() {
    return comparisons.stream().anyMatch(ExperimentReport::paired);
  }

  /** The seeds of the runs, ascending; more than one makes the report show the spread over seeds. */
  public List<Long> seeds() {
    return comparisons.stream().map(Comparison::seed).distinct().sorted().toList();
  }

  /** Per benchmark and group, the mean and spread over seeds; empty when the runs have one seed. */
  public List<SeedSpread> seedSpreads() {
    if (seeds().size() < 2) {
      return List.of();
    }
    Map<String, List<Comparison>> byBenchmark = new LinkedHashMap<>();
    comparisons.forEach(c -> byBenchmark.computeIfAbsent(c.benchmark() + "\u0000" + c.group(), k -> new ArrayList<>()).add(c));
    return byBenchmark.values().stream().map(SeedSpread::of).toList();
  }

  public Optional<GroupAverage> average(int group, Method m) {
    return averages.stream().filter(a -> a.group() == group && a.method() == m).findFirst();
  }

  /**
   * The mean over every benchmark and group of a per-benchmark NAS/enumeration ratio (with several
   * seeds, the benchmark's mean over its seeds); NaN when there is none.
   */
  public double meanRatio(boolean speedup) {
    Map<String, List<Double>> byBenchmark = new LinkedHashMap<>();
    for (Comparison c : comparisons) {
      double ratio = speedup ? c.speedupRatio() : c.energyRatio();
      if (!Double.isNaN(ratio)) {
        byBenchmark.computeIfAbsent(c.benchmark() + "\u0000" + c.group(), k -> new ArrayList<>()).add(ratio);
      }
    }
    return Spread.of(byBenchmark.values().stream().mapToDouble(v -> Spread.of(v.stream().mapToDouble(d -> d).toArray()).mean())
        .toArray()).mean();
  }

  public List<ReportRow> rows() {
    return comparisons.stream().flatMap(c -> c.rows().stream()).toList();
  }

  public List<String> benchmarks() {
    return comparisons.stream().map(Comparison::benchmark).distinct().sorted(Comparator.comparingInt(ExperimentReport::benchmarkOrder)
        .thenComparing(Comparator.naturalOrder())).toList();
  }

  public List<Integer> groups() {
    return comparisons.stream().map(Comparison::group).distinct().sorted().toList();
  }

  /** The comparisons of one benchmark and group, one per seed. */
  public List<Comparison> comparisons(String benchmark, int group) {
    return comparisons.stream().filter(c -> c.benchmark().equals(benchmark) && c.group() == group).toList();
  }

  /** The paper's order of Table 2; other names after, alphabetically. */
  static int benchmarkOrder(String b) {
    List<String> order = List.of("blackscholes", "fft", "inversek2j", "jpeg", "kmeans", "sobel", "jmeint");
    int i = order.indexOf(b);
    return i < 0 ? order.size() : i;
  }

  private static String key(String benchmark, int group, long seed) {
    return benchmark + "\u0000" + group + "\u0000" + seed;
  }

  static String percent(double a) {
    return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * a);
  }
}
