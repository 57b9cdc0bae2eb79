package org.axnas.trainer;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axnas.core.Network;
import org.axnas.kernels.Benchmark;
import org.axnas.kernels.Benchmarks;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * bench/convergence: a fixed panel of (benchmark, AxBench input file, network), each trained with
 * the old default (Adam 0.01 constant, patience 10, 60 epochs, batch 128), the new default
 * ({@code auto}) and a reference (the optimiser {@code auto} picks, with 10x its budget, run
 * whole, keeping the best validation epoch); validation accuracy under both error bounds and wall time per training. Writes
 * {@code convergence.csv} and {@code convergence.png} and prints the summary last.
 *
 * <p>Arguments: AXBENCH_DATA_DIR OUT_DIR [ROW_FILTER [VARIANTS]]. ROW_FILTER is a substring of
 * "benchmark network" ({@code all} for every row); VARIANTS a comma list of {@code old},
 * {@code auto}, {@code reference}, or, to measure for the auto rule, {@code lbfgs-ITERATIONS}, {@code lm-ITERATIONS},
 * {@code one-cycle-EPOCHS}, {@code cosine-EPOCHS} (Adam, peak 0.01, patience 30).
 */
public final class ConvergencePanel {
  /** Samples read per benchmark (70% train, 15% validation); jpeg's image has 4,096 blocks. */
  static final int SAMPLES = 10_000;
  static final long SEED = 1;

  record Row(String benchmark, String file, boolean spread, String network) {}

  static final List<Row> PANEL = List.of(
      new Row("blackscholes", "blackscholes/blackscholesTrain_100K.data", false, "6-8:sigmoid-8:sigmoid-1"),
      new Row("blackscholes", "blackscholes/blackscholesTrain_100K.data", false, "6-16:tanh-16:tanh-1"),
      new Row("blackscholes", "blackscholes/blackscholesTrain_100K.data", false, "6-32:tanh-1"),
      new Row("blackscholes", "blackscholes/blackscholesTrain_100K.data", false, "6-64:relu-64:relu-1"),
      new Row("inversek2j", "inversek2j/theta_100K.data", false, "2-8:sigmoid-2"),
      new Row("inversek2j", "inversek2j/theta_100K.data", false, "2-32:tanh-32:tanh-2"),
      // AxBench's recorded fft_test.data (24,380 calls; fft_train.data has only 196), as the experiment reads it
      new Row("fft", "fft/fft_test.data", false, "1-4:sigmoid-4:sigmoid-2"),
      new Row("fft", "fft/fft_test.data", false, "1-16:tanh-16:tanh-2"),
      new Row("sobel", "images/1.rgb", true, "9-8:sigmoid-1"),
      new Row("jmeint", "jmeint/jmeint_10K.data", false, "18-32:sigmoid-8:sigmoid-2"),
      new Row("jpeg", "images/1.rgb", false, "64-16:sigmoid-64"));

  record Outcome(Row row, String variant, TrainingSettings settings, TrainingResult result,
      double accuracy1, double accuracy2) {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args[0]);
    Path out = Path.of(args[1]);
    String filter = args.length > 2 ? args[2] : "all";
    List<String> variants = List.of((args.length > 3 ? args[3] : "old,auto,reference").split(","));
    Files.createDirectories(out);
    List<Outcome> outcomes = new ArrayList<>();
    Map<String, BenchTraces> traces = new LinkedHashMap<>();
    for (Row row : PANEL) {
      if (!filter.equals("all") && !(row.benchmark + " " + row.network).contains(filter)) {
        continue;
      }
      Benchmark b = Benchmarks.byName(row.benchmark);
      BenchTraces t = traces.get(row.file + row.benchmark);
      if (t == null) {
        t = BenchTraces.read(b, row.file == null ? null : data.resolve(row.file), SAMPLES, row.spread, SEED);
        traces.put(row.file + row.benchmark, t);
      }
      Network parsed = Network.parse(row.network);
      Network net = new Network(parsed.inputs(), parsed.hidden(), parsed.outputs(), b.outputActivation());
      for (String variant : variants) {
        TrainingSettings s = settings(variant, net, t);
        TrainingResult r = Trainer.train(net, s, t.train(), t.validation());
        Outcome o = r.ok()
            ? new Outcome(row, variant, r.settings(), r, t.accuracy(r.model(), 1), t.accuracy(r.model(), 2))
            : new Outcome(row, variant, r.settings(), r, Double.NaN, Double.NaN);
        outcomes.add(o);
        System.out.println(line(o, t));
      }
    }
    writeCsv(out.resolve("convergence.csv"), outcomes);
    writePng(out.resolve("convergence.png").toFile(), outcomes);
    System.out.println(summary(outcomes));
  }

  static TrainingSettings settings(String variant, Network net, BenchTraces t) {
    TrainingSettings base = TrainingSettings.defaults().withBatchSize(128).withSeed(SEED);
    if (variant.equals("old")) {
      return base.withOptimizer(TrainingSettings.ADAM, 0.01).withEpochs(60).withPatience(10);
    }
    if (variant.equals("auto")) {
      return base;
    }
    if (variant.equals("reference")) {
      // 10x the budget, all of it run (patience = budget), the best validation epoch kept.
      TrainingSettings auto = AutoTraining.resolve(base, net, t.train().size(), true);
      return auto.withEpochs(auto.epochs() * 10).withPatience(auto.epochs() * 10);
    }
    int budget = Integer.parseInt(variant.substring(variant.lastIndexOf('-') + 1));
    if (variant.startsWith("lm-")) {
      // Levenberg-Marquardt stops by itself when no step lowers the error; patience as L-BFGS's
      return base.withOptimizer(TrainingSettings.LM, 1).withEpochs(budget)
          .withPatience((int) (budget * AutoTraining.LBFGS_PATIENCE_SHARE));
    }
    if (variant.startsWith("lbfgs-")) {
      return base.withOptimizer(TrainingSettings.LBFGS, 1).withEpochs(budget)
          .withPatience((int) (budget * AutoTraining.LBFGS_PATIENCE_SHARE));
    }
    LearningRateSchedule schedule = LearningRateSchedule.parse(variant.substring(0, variant.lastIndexOf('-')));
    return base.withOptimizer(TrainingSettings.ADAM, AutoTraining.ADAM_PEAK_RATE).withSchedule(schedule)
        .withEpochs(budget).withPatience(AutoTraining.ADAM_PATIENCE);
  }

  private static String line(Outcome o, BenchTraces t) {
    TrainingResult r = o.result;
    return String.format(Locale.ROOT, "%-12s %-26s %-10s %-6s %-9s %5d/%-5d g1 %5.1f%%  g2 %5.1f%%  %7.1f s  %s  [%s, %d train]",
        o.row.benchmark, o.row.network, o.variant, o.settings.optimizer(), o.settings.schedule().notation(),
        r.epochsRun(), o.settings.epochs(), 100 * o.accuracy1, 100 * o.accuracy2, r.wallSeconds(), r.status(),
        t.source(), t.train().size());
  }

  private static void writeCsv(Path file, List<Outcome> outcomes) throws IOException {
    StringBuilder sb = new StringBuilder(
        "benchmark,network,variant,optimizer,schedule,budget,epochs_run,best_epoch,accuracy_g1,accuracy_g2,wall_seconds,status\n");
    for (Outcome o : outcomes) {
      sb.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%d,%d,%d,%.4f,%.4f,%.2f,%s%n", o.row.benchmark,
          o.row.network, o.variant, o.settings.optimizer(), o.settings.schedule().notation(), o.settings.epochs(),
          o.result.epochsRun(), o.result.bestEpoch(), o.accuracy1, o.accuracy2, o.result.wallSeconds(),
          o.result.status()));
    }
    Files.writeString(file, sb.toString());
  }

  private static void writePng(File file, List<Outcome> outcomes) throws IOException {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    for (Outcome o : outcomes) {
      ds.addValue(100 * o.accuracy1, o.variant, o.row.benchmark + " " + o.row.network);
    }
    JFreeChart chart = ChartFactory.createBarChart("Validation accuracy under the g1 bound",
        null, "% of samples under the bound", ds, PlotOrientation.HORIZONTAL, true, false, false);
    ChartUtils.saveChartAsPNG(file, chart, 1000, 120 + 60 * ds.getColumnCount());
  }

  /**
   * Per row with all three variants: auto's distance to the reference at each bound, and its
   * time as a share of the reference's; then the targets on one line.
   */
  static String summary(List<Outcome> outcomes) {
    int rows = 0;
    int met = 0;
    int close = 0;
    int quick = 0;
    int sameEnd = 0;
    double worstGap = 0;
    double worstTimeShare = 0;
    String blackscholes = "blackscholes 6-16:tanh-16:tanh-1 not run";
    Map<Row, Map<String, Outcome>> byRow = new LinkedHashMap<>();
    for (Outcome o : outcomes) {
      byRow.computeIfAbsent(o.row, k -> new LinkedHashMap<>()).put(o.variant, o);
    }
    for (Map.Entry<Row, Map<String, Outcome>> e : byRow.entrySet()) {
      Outcome old = e.getValue().get("old");
      Outcome auto = e.getValue().get("auto");
      Outcome ref = e.getValue().get("reference");
      if (auto == null || ref == null) {
        continue;
      }
      rows++;
      double gap = 100 * Math.max(ref.accuracy1 - auto.accuracy1, ref.accuracy2 - auto.accuracy2);
      double share = auto.result.wallSeconds() / ref.result.wallSeconds();
      worstGap = Math.max(worstGap, gap);
      worstTimeShare = Math.max(worstTimeShare, share);
      close += gap <= 2 ? 1 : 0;
      quick += share <= 1.0 / 3 ? 1 : 0;
      met += gap <= 2 && share <= 1.0 / 3 ? 1 : 0;
      // Both stopped at the same iteration with the same accuracy: the reference could not go on.
      sameEnd += auto.result.epochsRun() == ref.result.epochsRun() && gap == 0 ? 1 : 0;
      if (old != null && e.getKey().network.equals("6-16:tanh-16:tanh-1")) {
        blackscholes = String.format(Locale.ROOT, "blackscholes 6-16:tanh-16:tanh-1 at 1%%: old %.1f%%, auto %.1f%% (%+.1f points)",
            100 * old.accuracy1, 100 * auto.accuracy1, 100 * (auto.accuracy1 - old.accuracy1));
      }
    }
    return String.format(Locale.ROOT,
        "convergence: %d of %d rows with auto within 2 points of the reference at <= 1/3 of its time "
            + "(within 2 points: %d, at <= 1/3 of its time: %d, both converged to the same end: %d; "
            + "worst gap %.1f points, worst time share %.2f); %s",
        met, rows, close, quick, sameEnd, worstGap, worstTimeShare, blackscholes);
  }
}
