package org.axnas.pipelines.report;

import static org.axnas.pipelines.report.ExperimentReport.percent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.axnas.pipelines.report.Figure.Look;
import org.axnas.pipelines.report.Figure.Point;
import org.axnas.pipelines.report.Figure.Series;
import org.axnas.pipelines.report.Figure.Series.Kind;
import org.axnas.pipelines.report.Figure.Threshold;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.ParetoEntry;
import org.axnas.runtime.Constraints;
import org.axnas.runtime.Scored;
import org.axnas.runtime.SelectionMode;

/** The report's figures as plain data, from the experiment (paper Figs. 3, 4 and 5, and a convergence plot). */
public final class FigureBuilder {
  private FigureBuilder() {}

  /** Every figure, in the order the HTML page shows them. */
  public static List<Figure> all(ExperimentReport report) {
    List<Figure> out = new ArrayList<>();
    out.add(bars(report, true));
    out.add(bars(report, false));
    for (Comparison c : report.comparisons()) {
      String id = id(c, report);
      String caption = caption(c, report);
      out.add(candidates(c, id, caption));
      if (!report.paired()) {
        out.add(speedupFront(c, id, caption));
      }
      out.add(onlineSelection(c, report.settings(), id, caption));
      out.add(convergence(c, id, caption));
    }
    return out;
  }

  /** A comparison's figure id: benchmark and group, and the seed when the report holds several. */
  static String id(Comparison c, ExperimentReport r) {
    return c.benchmark() + "-g" + c.group() + (r.seeds().size() > 1 ? "-s" + c.seed() : "");
  }

  static String caption(Comparison c, ExperimentReport r) {
    FinishedRun any = c.nas() != null ? c.nas() : c.enumeration();
    return String.format(Locale.ROOT, "%s, group %d%s (error bound %s)", c.benchmark(), c.group(),
        r.seeds().size() > 1 ? ", seed " + c.seed() : "", bound(any.errorBound()));
  }

  /** Per method of the comparison: every successful candidate on (x, accuracy), and the 2-D front they make. */
  private static List<Series> candidatesAndFronts(Comparison c, ToDoubleFunction<Evaluation> x, String front) {
    List<Series> series = new ArrayList<>();
    for (Method m : List.of(Method.ENUMERATION, Method.NAS)) {
      Optional<FinishedRun> r = c.run(m);
      if (r.isEmpty()) {
        continue;
      }
      List<Evaluation> ok = r.get().ok();
      boolean nas = m == Method.NAS;
      series.add(new Series(m.label() + ": every candidate (" + ok.size() + ")",
          nas ? Look.NAS_CANDIDATES : Look.ENUMERATION_CANDIDATES, Kind.MARKERS,
          ok.stream().map(e -> new Point(x.applyAsDouble(e), e.getAccuracy())).toList()));
      series.add(new Series(m.label() + ": " + front, nas ? Look.NAS_FRONT : Look.ENUMERATION_FRONT, Kind.FRONT,
          front2d(ok, x)));
    }
    return series;
  }

  /** Paper Fig. 3 / 4b: every evaluated candidate of both methods, their Pareto fronts and their choices. */
  static Figure candidates(Comparison c, String id, String caption) {
    List<Series> series = candidatesAndFronts(c, Evaluation::getEnergyReduction, "Pareto front");
    for (Method m : List.of(Method.ENUMERATION, Method.NAS)) {
      c.row(m).ifPresent(r -> series.add(new Series(m.label() + " choice: " + r.network() + point(r),
          m == Method.NAS ? Look.NAS_CHOICE : Look.ENUMERATION_CHOICE, Kind.MARKERS,
          List.of(new Point(r.energyReduction(), r.validationAccuracy())))));
    }
    // last, hollow: it stays visible when a method chose AxBench's own network
    c.row(Method.AXBENCH).ifPresent(a -> series.add(new Series(
        "AxBench's network " + a.network() + point(a), Look.AXBENCH, Kind.MARKERS,
        List.of(new Point(a.energyReduction(), a.validationAccuracy())))));
    return new Figure.Xy("candidates-" + id, caption + (c.nas() != null && c.enumeration() != null ? ": NAS vs enumeration"
        : ": the " + (c.nas() != null ? Method.NAS : Method.ENUMERATION).label() + " run's candidates"),
        "every evaluated network; lines: Pareto fronts; large markers: the energy-mode choice at the accuracy threshold",
        "energy reduction vs CPU (x)", "accuracy on the validation split", logScale(series), true, series,
        List.of(new Threshold(true, c.threshold(), "accuracy threshold " + percent(c.threshold()))));
  }

  /**
   * Accuracy against speedup of a run's candidates, its Pareto set and its choice: the single-run
   * page's view of the other objective (the candidates figure shows energy reduction).
   */
  static Figure speedupFront(Comparison c, String id, String caption) {
    List<Series> series = candidatesAndFronts(c, Evaluation::getSpeedup, "front on accuracy and speedup");
    for (Method m : List.of(Method.ENUMERATION, Method.NAS)) {
      c.run(m).ifPresent(r -> series.add(new Series(m.label() + ": Pareto set (" + r.pareto().size() + " networks)",
          Look.PARETO_SET, Kind.MARKERS, r.pareto().stream().sorted(Comparator.comparingDouble(ParetoEntry::getSpeedup))
              .map(p -> new Point(p.getSpeedup(), p.getAccuracy())).toList())));
    }
    for (Method m : List.of(Method.ENUMERATION, Method.NAS)) {
      c.row(m).ifPresent(r -> series.add(new Series(m.label() + " choice: " + r.network()
          + String.format(Locale.ROOT, " (%s, %.2fx)", percent(r.validationAccuracy()), r.speedup()),
          m == Method.NAS ? Look.NAS_CHOICE : Look.ENUMERATION_CHOICE, Kind.MARKERS,
          List.of(new Point(r.speedup(), r.validationAccuracy())))));
    }
    return new Figure.Xy("speedup-" + id, caption + ": accuracy vs speedup",
        "every evaluated network; large dots: the Pareto set on accuracy, speedup and energy reduction; line: the front on "
            + "accuracy and speedup; pentagon: the energy-mode choice",
        "speedup vs CPU (x)", "accuracy on the validation split", logScale(series), true, series,
        List.of(new Threshold(true, c.threshold(), "accuracy threshold " + percent(c.threshold()))));
  }

  /** Paper Fig. 4a: the Pareto set, both thresholds, and the network each mode of online selection returns. */
  static Figure onlineSelection(Comparison c, ExperimentReport.Settings s, String id, String caption) {
    FinishedRun r = c.nas() != null ? c.nas() : c.enumeration();
    Method m = r == c.nas() ? Method.NAS : Method.ENUMERATION;
    Set<Integer> front = new HashSet<>();
    r.pareto().forEach(p -> front.add(p.getTrialId()));
    List<Series> series = new ArrayList<>();
    series.add(new Series("other candidates", Look.OTHER_CANDIDATES, Kind.MARKERS, r.ok().stream()
        .filter(e -> !front.contains(e.getTrialId())).map(e -> new Point(e.getEnergyReduction(), e.getAccuracy())).toList()));
    series.add(new Series("Pareto set (" + r.pareto().size() + " networks)", Look.PARETO_SET, Kind.MARKERS, r.pareto().stream()
        .sorted(Comparator.comparingDouble(ParetoEntry::getEnergyReduction))
        .map(p -> new Point(p.getEnergyReduction(), p.getAccuracy())).toList()));
    double minEnergy = s.minEnergyReduction(c, m);
    Constraints constraints = new Constraints(c.threshold(), minEnergy, s.theta());
    Map<SelectionMode, Optional<Scored>> picks = ExperimentReport.onlineSelection(r.pareto(), constraints);
    for (Map.Entry<SelectionMode, Optional<Scored>> e : picks.entrySet()) {
      SelectionMode mode = e.getKey();
      Look look = switch (mode) {
        case QUALITY -> Look.QUALITY_MODE;
        case ENERGY -> Look.ENERGY_MODE;
        default -> Look.INTEGRATED_MODE;
      };
      String name = mode.notation() + " mode" + (mode == SelectionMode.INTEGRATED ? " (theta " + s.theta() + ")" : "") + ": ";
      series.add(e.getValue()
          .map(p -> new Series(name + p.network() + String.format(Locale.ROOT, " (%s, %.2fx)", percent(p.accuracy()),
              p.energyReduction()), look, Kind.MARKERS, List.of(new Point(p.energyReduction(), p.accuracy()))))
          .orElse(new Series(name + "no network meets both thresholds", look, Kind.MARKERS, List.of())));
    }
    return new Figure.Xy("selection-" + id, caption + ": online selection over the " + m.label() + " Pareto set",
        String.format(Locale.ROOT, "dotted lines: accuracy >= %s and energy reduction >= %.2fx; pentagons: what each mode returns",
            percent(c.threshold()), minEnergy),
        "energy reduction vs CPU (x)", "accuracy on the validation split", logScale(series), true, series,
        List.of(new Threshold(true, c.threshold(), "accuracy " + percent(c.threshold())),
            new Threshold(false, minEnergy, String.format(Locale.ROOT, "energy %.2fx", minEnergy))));
  }

  /** Best f_perf found so far against the number of evaluations, for SMAC and the enumeration. */
  static Figure convergence(Comparison c, String id, String caption) {
    List<Series> series = new ArrayList<>();
    for (Method m : List.of(Method.ENUMERATION, Method.NAS)) {
      c.run(m).ifPresent(r -> series.add(new Series(m.label() + " (" + r.history().size() + " evaluations)",
          m == Method.NAS ? Look.NAS_CURVE : Look.ENUMERATION_CURVE, Kind.STEPS, bestSoFar(r.history()))));
    }
    return new Figure.Xy("convergence-" + id, caption + ": best f_perf so far",
        "f_perf = alpha*accuracy + beta*P_speed + epsilon*P_energy (paper eq. 4) of the best network evaluated so far",
        "evaluations", "best f_perf so far", false, false, series, List.of());
  }

  /** Paper Fig. 5: speedup or energy reduction of the chosen networks per benchmark, both methods and groups. */
  static Figure bars(ExperimentReport report, boolean speedup) {
    List<String> categories = new ArrayList<>(report.benchmarks());
    categories.add("mean");
    List<Figure.BarSeries> series = new ArrayList<>();
    for (int g : report.groups()) {
      for (Method m : List.of(Method.ENUMERATION, Method.NAS)) {
        List<Double> values = new ArrayList<>();
        for (String b : report.benchmarks()) {
          // the mean over the seeds (one seed: its figure)
          values.add(Spread.of(report.comparisons(b, g).stream().flatMap(c -> c.row(m).stream())
              .mapToDouble(r -> speedup ? r.speedup() : r.energyReduction()).toArray()).mean());
        }
        values.add(report.average(g, m).map(a -> speedup ? a.speedup() : a.energyReduction()).orElse(Double.NaN));
        if (values.stream().anyMatch(v -> !v.isNaN())) {
          series.add(new Figure.BarSeries(m.label() + ", group " + g, m, g - 1, values));
        }
      }
    }
    String what = speedup ? "speedup" : "energy reduction";
    return new Figure.Bars(speedup ? "speedup" : "energy-reduction",
        "Fig. 5: " + what + " of the network chosen at the accuracy threshold",
        "energy mode at 90% accuracy (or the best both methods reach)" + (report.seeds().size() > 1 ? ", mean over "
            + report.seeds().size() + " seeds" : "") + "; baseline: the original function on the CPU",
        what + " vs CPU (x)", categories, series);
  }

  /** The 2-D Pareto front on (x, accuracy), by x ascending. */
  static List<Point> front2d(List<Evaluation> ok, ToDoubleFunction<Evaluation> x) {
    List<Point> front = new ArrayList<>();
    for (Evaluation e : ok) {
      boolean dominated = false;
      for (Evaluation o : ok) {
        boolean noWorse = x.applyAsDouble(o) >= x.applyAsDouble(e) && o.getAccuracy() >= e.getAccuracy();
        boolean better = x.applyAsDouble(o) > x.applyAsDouble(e) || o.getAccuracy() > e.getAccuracy();
        if (noWorse && better) {
          dominated = true;
          break;
        }
      }
      Point p = new Point(x.applyAsDouble(e), e.getAccuracy());
      if (!dominated && !front.contains(p)) {
        front.add(p);
      }
    }
    front.sort(Comparator.comparingDouble(Point::x));
    return front;
  }

  static List<Point> bestSoFar(List<Evaluation> history) {
    List<Point> out = new ArrayList<>();
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < history.size(); i++) {
      best = Math.max(best, history.get(i).getFPerf());
      out.add(new Point(i + 1, best));
    }
    return out;
  }

  /** A log axis when the energy reductions span more than a factor of 20. */
  static boolean logScale(List<Series> series) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (Series s : series) {
      for (Point p : s.points()) {
        min = Math.min(min, p.x());
        max = Math.max(max, p.x());
      }
    }
    return min > 0 && max / min > 20;
  }

  private static String point(ReportRow r) {
    return String.format(Locale.ROOT, " (%s, %.2fx)", percent(r.validationAccuracy()), r.energyReduction());
  }

  static String bound(double b) {
    return String.format(Locale.ROOT, "%s", new java.math.BigDecimal(b).round(new java.math.MathContext(3)).stripTrailingZeros()
        .toPlainString());
  }
}
