package org.axnas.pipelines.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.axnas.pipelines.report.Charts;
import org.axnas.pipelines.report.Figure;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.pipelines.run.TrialsTable;
import org.axnas.runtime.Constraints;
import org.axnas.runtime.FinishedRun;
import org.axnas.runtime.NetworkSelector;
import org.axnas.runtime.Scored;
import org.axnas.runtime.SelectionMode;

/**
 * bench/multi-fidelity's summary: reads the runs {@code BENCHMARK-MODE-sSEED} (MODE full, mfs for
 * rungs in samples, mfe for rungs in epochs) under OUT/runs (made by the script with {@code axnas search}) and
 * writes multi-fidelity.csv (best f_perf against training CPU-seconds, per run),
 * multi-fidelity-summary.csv and one PNG per benchmark. Training CPU-seconds are the sum of the
 * candidates' training wall times (each trains on one thread), from the round timings files. A
 * multi-fidelity run's best counts only evaluations at its top rung (the full budget), so both
 * curves compare networks trained alike.
 *
 * <p>Usage: MultiFidelityBench OUT [MIN_ACCURACY]
 */
public final class MultiFidelityBench {
  private MultiFidelityBench() {}

  record Curve(String benchmark, int seed, String mode, List<double[]> points, int evaluations, double seconds,
      double best, String choice) {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    double minAccuracy = args.length > 1 ? Double.parseDouble(args[1]) : 0.9;
    List<Curve> curves = new ArrayList<>();
    try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
      for (Path run : runs.sorted().toList()) {
        String[] parts = run.getFileName().toString().split("-");
        if (parts.length != 3 || !new RunFolder(run).exists() || !Files.exists(new RunFolder(run).paretoAvro())) {
          continue;
        }
        curves.add(curve(run, parts[0], Integer.parseInt(parts[2].substring(1)), parts[1], minAccuracy));
      }
    }
    StringBuilder csv = new StringBuilder("benchmark,seed,mode,evaluation,trainingSeconds,bestFPerf\n");
    for (Curve c : curves) {
      int i = 0;
      for (double[] p : c.points()) {
        csv.append(String.format(Locale.ROOT, "%s,%d,%s,%d,%.3f,%s%n", c.benchmark(), c.seed(), c.mode(), ++i, p[0],
            Double.isNaN(p[1]) ? "" : String.format(Locale.ROOT, "%.6f", p[1])));
      }
    }
    Files.writeString(out.resolve("multi-fidelity.csv"), csv);

    StringBuilder summary = new StringBuilder(
        "benchmark,seed,mode,evaluations,trainingSeconds,bestFPerf,secondsToFullBest,shareOfFullSeconds,choiceAt"
            + (int) Math.round(minAccuracy * 100) + "\n");
    System.out.printf("%-13s %4s %-5s %6s %9s %9s %12s %7s  %s%n", "benchmark", "seed", "mode", "evals", "train s",
        "best f", "to full best", "share", "energy-mode choice at accuracy >= " + minAccuracy);
    Map<String, List<Curve>> byBenchmark = new TreeMap<>();
    for (Curve c : curves) {
      byBenchmark.computeIfAbsent(c.benchmark(), b -> new ArrayList<>()).add(c);
      Curve full = curves.stream().filter(f -> f.benchmark().equals(c.benchmark()) && f.seed() == c.seed()
          && f.mode().equals("full")).findFirst().orElse(null);
      double to = Double.NaN;
      double share = Double.NaN;
      if (full != null && !c.mode().equals("full")) {
        to = secondsToReach(c, full.best());
        share = Double.isNaN(to) ? Double.NaN : to / full.seconds();
      }
      System.out.printf(Locale.ROOT, "%-13s %4d %-5s %6d %9.1f %9.4f %12s %7s  %s%n", c.benchmark(), c.seed(), c.mode(),
          c.evaluations(), c.seconds(), c.best(), Double.isNaN(to) ? "-" : String.format(Locale.ROOT, "%.1f s", to),
          Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.2f", share), c.choice());
      summary.append(String.format(Locale.ROOT, "%s,%d,%s,%d,%.3f,%.6f,%s,%s,\"%s\"%n", c.benchmark(), c.seed(), c.mode(),
          c.evaluations(), c.seconds(), c.best(), Double.isNaN(to) ? "" : String.format(Locale.ROOT, "%.3f", to),
          Double.isNaN(share) ? "" : String.format(Locale.ROOT, "%.4f", share), c.choice()));
    }
    Files.writeString(out.resolve("multi-fidelity-summary.csv"), summary);
    for (var e : byBenchmark.entrySet()) {
      Charts.write(figure(e.getKey(), e.getValue()), out);
    }
    for (String mode : List.of("mfs", "mfe")) {
      List<Double> s = new ArrayList<>();
      int runs = 0;
      for (Curve c : curves) {
        Curve full = curves.stream().filter(f -> f.benchmark().equals(c.benchmark()) && f.seed() == c.seed()
            && f.mode().equals("full")).findFirst().orElse(null);
        if (c.mode().equals(mode) && full != null) {
          runs++;
          double to = secondsToReach(c, full.best());
          // a run that never gets there counts as infinitely slow in the median
          s.add(Double.isNaN(to) ? Double.POSITIVE_INFINITY : to / full.seconds());
        }
      }
      if (runs == 0) {
        continue;
      }
      s.sort(Double::compare);
      long reachedMode = s.stream().filter(Double::isFinite).count();
      double median = s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
      System.out.printf(Locale.ROOT, "multi-fidelity (%s): reached full fidelity's final best f_perf in %d of %d runs, "
              + "median %s of its training CPU-seconds (target <= 0.33); CSV, summary and PNGs in %s%n",
          mode.equals("mfs") ? "samples" : "epochs", reachedMode, runs,
          Double.isFinite(median) ? String.format(Locale.ROOT, "%.2f", median) : "never", out);
    }
  }

  private static Curve curve(Path run, String benchmark, int seed, String mode, double minAccuracy) {
    List<Map<String, Object>> rows = TrialsTable.read(new RunFolder(run)).rows();
    int top = rows.stream().mapToInt(r -> r.get("fidelity") == null ? 0 : (Integer) r.get("fidelity")).max().orElse(0);
    List<double[]> points = new ArrayList<>();
    double seconds = 0;
    double best = Double.NaN;
    for (Map<String, Object> r : rows) {
      seconds += r.get("trainingSeconds") == null ? 0 : (Double) r.get("trainingSeconds");
      int fidelity = r.get("fidelity") == null ? 0 : (Integer) r.get("fidelity");
      if ("OK".equals(r.get("status")) && fidelity == top) {
        double f = (Double) r.get("fPerf");
        best = Double.isNaN(best) ? f : Math.max(best, f);
      }
      points.add(new double[] {seconds, best});
    }
    NetworkSelector.Selection s = FinishedRun.open(run).selector().select(SelectionMode.ENERGY,
        new Constraints(minAccuracy, 0, 0.5));
    String choice = s.chosen().map(MultiFidelityBench::describe).orElse("none (closest: "
        + (s.nearest().isEmpty() ? "-" : describe(s.nearest().get(0))) + ")");
    return new Curve(benchmark, seed, mode, points, rows.size(), seconds, best, choice);
  }

  private static String describe(Scored c) {
    return String.format(Locale.ROOT, "%s acc %.3f energy %.2fx", c.network(), c.accuracy(), c.energyReduction());
  }

  /** Training seconds at which a curve first reaches {@code target}; NaN when it never does. */
  static double secondsToReach(Curve c, double target) {
    for (double[] p : c.points()) {
      if (!Double.isNaN(p[1]) && p[1] >= target - 1e-12) {
        return p[0];
      }
    }
    return Double.NaN;
  }

  private static Figure figure(String benchmark, List<Curve> curves) {
    List<Figure.Series> series = new ArrayList<>();
    for (Curve c : curves) {
      List<Figure.Point> pts = new ArrayList<>();
      for (double[] p : c.points()) {
        if (!Double.isNaN(p[1])) {
          pts.add(new Figure.Point(Math.max(p[0], 0.1), p[1]));
        }
      }
      String name = switch (c.mode()) {
        case "mfs" -> "multi-fidelity (samples)";
        case "mfe" -> "multi-fidelity (epochs)";
        default -> "full fidelity";
      };
      Figure.Look look = switch (c.mode()) {
        case "mfs" -> Figure.Look.NAS_CURVE;
        case "mfe" -> Figure.Look.AXBENCH;
        default -> Figure.Look.ENUMERATION_CURVE;
      };
      series.add(new Figure.Series(name + ", seed " + c.seed(), look, Figure.Series.Kind.STEPS, pts));
    }
    return new Figure.Xy("multi-fidelity-" + benchmark, benchmark + ": best f_perf against training time",
        "SMAC at full fidelity vs SMAC in Hyperband brackets; best f_perf among fully trained candidates",
        "training CPU-seconds (log)", "best f_perf", true, false, series, List.of());
  }
}
