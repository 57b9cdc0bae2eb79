package org.axnas.pipelines.search;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.axnas.evaluation.CandidateEvaluator;
import org.axnas.evaluation.FrontHypervolume;
import org.axnas.evaluation.ModelProvenance;
import org.axnas.kernels.Benchmark;
import org.axnas.kernels.Benchmarks;
import org.axnas.pipelines.config.RunConfig;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.EvaluationStatus;
import org.axnas.smac.Observation;
import org.axnas.smac.Smac;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * bench/pareto: the front's hypervolume after 10, 20, 40 and 80 evaluations for random search,
 * SMAC on f_perf, SMAC with ParEGO and SMAC with EHVI, over seeds, on real evaluations (trained, scored, simulated
 * as a search does, through the same proposal sources, candidate factory and evaluator), and the
 * warm start of group 2 from group 1. One model cache for everything: the training seed is the
 * bench's (1) whatever the search seed, so a network is trained once and every rule and seed sees
 * the same value for it; the searches differ only in what they propose.
 *
 * <p>Args: OUT SEEDS SAMPLES EPOCHS BENCHMARKS(comma) MODE(fronts|warmstart|all) PARALLELISM
 */
public final class ParetoBench {
  static final int BUDGET = 80;
  static final int[] CHECKPOINTS = {10, 20, 40, 80};
  static final List<String> RULES = List.of("random", "fperf", "parego", "ehvi");
  /** The Pareto-aware rules, held to the target: f_perf's hypervolume at 80 evaluations within 40. */
  static final List<String> NEW_RULES = List.of("parego", "ehvi");

  private final Path out;
  private final int samples;
  private final int epochs;
  private final int parallelism;
  private final PrintStream log = System.err;

  ParetoBench(Path out, int samples, int epochs, int parallelism) {
    this.out = out;
    this.samples = samples;
    this.epochs = epochs;
    this.parallelism = parallelism;
  }

  /** A benchmark's traces, evaluator and candidates for one error-bound group, set up once. */
  record Bench(String benchmark, int group, RunConfig config, CandidateEvaluator evaluator, CandidateFactory candidates,
      ProposalSources proposals) {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int seeds = Integer.parseInt(args[1]);
    int samples = Integer.parseInt(args[2]);
    int epochs = Integer.parseInt(args[3]);
    List<String> benchmarks = List.of(args[4].split(","));
    String mode = args[5];
    int parallelism = Integer.parseInt(args[6]);
    Files.createDirectories(out);
    ParetoBench b = new ParetoBench(out, samples, epochs, parallelism);
    System.out.printf(Locale.ROOT, "training: optimizer adam, %d epochs, batch 64, lr 0.01; %d samples (70%% train, "
        + "15%% validation); budget %d, %d candidates per ask, seeds 1..%d; one model cache, training seed 1%n",
        epochs, samples, BUDGET, parallelism, seeds);
    Map<String, Map<String, List<List<Evaluation>>>> fronts = new LinkedHashMap<>();
    List<String> summary = new ArrayList<>();
    if (!mode.equals("warmstart")) {
      for (String benchmark : benchmarks) {
        fronts.put(benchmark, b.fronts(benchmark, seeds));
      }
      summary.add(b.reportFronts(fronts));
    }
    if (!mode.equals("fronts")) {
      summary.add(b.warmStart(benchmarks.stream().filter(n -> !n.equals("sobel")).toList(), seeds, fronts));
    }
    System.out.println(String.join("; ", summary));
  }

  Bench setUp(String benchmark, int group) throws IOException {
    RunConfig config = config(benchmark, group, 1, "fperf", BUDGET);
    RunFolder folder = new RunFolder(out.resolve("traces-" + benchmark)); // both groups share the traces
    Files.createDirectories(folder.dir());
    SearchPlan plan = SearchPlan.prepare(config, RunInputs.read(config), folder, out.resolve("cache"),
        PipelineOptionsFactory.create(), log);
    CandidateEvaluator evaluator = CandidateEvaluator.of(plan.scoring(),
        Map.of("axnas", ModelProvenance.AXNAS_VERSION, "java", System.getProperty("java.version")));
    return new Bench(benchmark, group, config, evaluator, plan.candidates(), plan.proposals());
  }

  RunConfig config(String benchmark, int group, long seed, String proposals, int budget) {
    RunConfig shipped = RunConfig.load(Path.of("run-configs", benchmark + ".yaml"));
    String yaml = "benchmark: " + benchmark + "\nseed: " + seed + "\ngroup: " + group + "\n"
        + "traces: {samples: " + samples + "}\n"
        + "search: {budget: " + budget + ", parallelism: " + parallelism + ", proposals: " + proposals + "}\n"
        + "training: {optimizer: adam, epochs: " + epochs + ", batchSize: 64, learningRate: 0.01}\n"
        + String.format(Locale.ROOT, "objective: {alpha: %s, beta: %s, epsilon: %s}%n", shipped.objective().alpha(),
            shipped.objective().beta(), shipped.objective().epsilon())
        + "hardware: " + shipped.hardware() + "\n";
    return RunConfig.parse(yaml, "bench/pareto (" + benchmark + ", seed " + seed + ")");
  }

  /** One search: ask k, evaluate, tell, until the budget; random search is SMAC with every trial random. */
  List<Evaluation> search(Bench b, String rule, long seed, int budget, List<Observation> warmStart) {
    RunConfig c = config(b.benchmark(), b.group(), seed, rule.equals("random") ? "fperf" : rule, budget);
    Smac.Builder settings = b.proposals().builder(c).warmStart(warmStart);
    if (rule.equals("random")) {
      settings = settings.randomProbability(1).initialDesignSize(0);
    }
    Benchmark kernel = Benchmarks.byName(b.benchmark());
    SmacProposals source = new SmacProposals(settings.build(), kernel.inputWidth(), kernel.outputWidth(),
        kernel.outputActivation());
    List<Evaluation> history = new ArrayList<>();
    int round = 1;
    while (history.size() < budget) {
      List<Proposal> proposals = source.propose(Math.min(parallelism, budget - history.size()));
      if (proposals.isEmpty()) {
        break;
      }
      for (Proposal p : proposals) {
        Evaluation e = b.evaluator().evaluate(b.candidates().candidate(p, round)).evaluation();
        source.tell(p, e);
        history.add(e);
      }
      round++;
    }
    return history;
  }

  Map<String, List<List<Evaluation>>> fronts(String benchmark, int seeds) throws IOException {
    Bench b = setUp(benchmark, 1);
    Map<String, List<List<Evaluation>>> byRule = new LinkedHashMap<>();
    for (String rule : RULES) {
      List<List<Evaluation>> runs = new ArrayList<>();
      for (long seed = 1; seed <= seeds; seed++) {
        long start = System.nanoTime();
        List<Evaluation> h = search(b, rule, seed, BUDGET, List.of());
        double[] hv = FrontHypervolume.afterEach(h);
        log.printf(Locale.ROOT, "%s %s seed %d: hypervolume %.4f at %d evaluations, %.0f s%n", benchmark, rule, seed,
            hv[hv.length - 1], h.size(), (System.nanoTime() - start) / 1e9);
        runs.add(h);
      }
      byRule.put(rule, runs);
    }
    return byRule;
  }

  /** Mean over seeds of the hypervolume after each evaluation. */
  static double[] meanCurve(List<List<Evaluation>> runs) {
    double[] mean = new double[BUDGET];
    for (List<Evaluation> h : runs) {
      double[] hv = FrontHypervolume.afterEach(h);
      for (int i = 0; i < BUDGET; i++) {
        mean[i] += hv[Math.min(i, hv.length - 1)] / runs.size();
      }
    }
    return mean;
  }

  /** The first evaluation count at which {@code curve} reaches {@code target}, or -1. */
  static int reaches(double[] curve, double target) {
    for (int i = 0; i < curve.length; i++) {
      if (curve[i] >= target * (1 - 1e-12)) {
        return i + 1;
      }
    }
    return -1;
  }

  String reportFronts(Map<String, Map<String, List<List<Evaluation>>>> fronts) throws IOException {
    StringBuilder csv = new StringBuilder("benchmark,rule,seed,evaluations,hypervolume,bestFPerf\n");
    fronts.forEach((benchmark, byRule) -> byRule.forEach((rule, runs) -> {
      for (int s = 0; s < runs.size(); s++) {
        double[] hv = FrontHypervolume.afterEach(runs.get(s));
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < hv.length; i++) {
          Evaluation e = runs.get(s).get(i);
          if (e.getStatus() == EvaluationStatus.OK) {
            best = Math.max(best, e.getFPerf());
          }
          csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%.6f,%.6f%n", benchmark, rule, s + 1, i + 1, hv[i], best));
        }
      }
    }));
    Files.writeString(out.resolve("pareto.csv"), csv);

    System.out.println();
    System.out.println("Front hypervolume (accuracy x speedup x energy reduction over the origin), mean over seeds "
        + "(min-max), after N evaluations:");
    System.out.printf("%-13s %-7s %-22s %-22s %-22s %-22s%n", "benchmark", "rule", "10", "20", "40", "80");
    List<String> verdicts = new ArrayList<>();
    List<String> summaries = new ArrayList<>();
    int met = 0;
    for (var entry : fronts.entrySet()) {
      for (var rule : entry.getValue().entrySet()) {
        StringBuilder row = new StringBuilder(String.format("%-13s %-7s", entry.getKey(), rule.getKey()));
        for (int n : CHECKPOINTS) {
          double mean = 0;
          double min = Double.POSITIVE_INFINITY;
          double max = Double.NEGATIVE_INFINITY;
          for (List<Evaluation> h : rule.getValue()) {
            double v = FrontHypervolume.of(h.subList(0, Math.min(n, h.size())));
            mean += v / rule.getValue().size();
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
          row.append(String.format(Locale.ROOT, " %-22s", String.format(Locale.ROOT, "%.4f (%.4f-%.4f)", mean, min, max)));
        }
        System.out.println(row);
      }
      double target = meanCurve(entry.getValue().get("fperf"))[BUDGET - 1];
      List<String> needed = new ArrayList<>();
      int best = -1;
      for (String rule : NEW_RULES) {
        int n = reaches(meanCurve(entry.getValue().get(rule)), target);
        needed.add(rule + " " + evaluations(n));
        best = n > 0 && (best < 0 || n < best) ? n : best;
      }
      met += best > 0 && best <= BUDGET / 2 ? 1 : 0;
      verdicts.add(String.format(Locale.ROOT, "%s: evaluations to reach f_perf's mean hypervolume at 80 (%.4f): %s "
          + "(random search %s)", entry.getKey(), target, String.join(", ", needed),
          evaluations(reaches(meanCurve(entry.getValue().get("random")), target))));
      summaries.add(entry.getKey() + " " + String.join(" / ", needed));
    }
    System.out.println();
    verdicts.forEach(System.out::println);
    chart(fronts);
    return String.format(Locale.ROOT, "pareto: the best of ParEGO and EHVI reaches f_perf's hypervolume at 80 "
        + "evaluations within 40 on %d of %d benchmarks (%s)", met, fronts.size(), String.join(", ", summaries));
  }

  private static String evaluations(int n) {
    return n < 0 ? "more than 80" : Integer.toString(n);
  }

  void chart(Map<String, Map<String, List<List<Evaluation>>>> fronts) throws IOException {
    int w = 520;
    int h = 380;
    BufferedImage image = new BufferedImage(w * fronts.size(), h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), h);
    int x = 0;
    for (var entry : fronts.entrySet()) {
      XYSeriesCollection data = new XYSeriesCollection();
      for (var rule : entry.getValue().entrySet()) {
        XYSeries s = new XYSeries(rule.getKey());
        double[] curve = meanCurve(rule.getValue());
        for (int i = 0; i < curve.length; i++) {
          s.add(i + 1, curve[i]);
        }
        data.addSeries(s);
      }
      JFreeChart chart = ChartFactory.createXYLineChart(entry.getKey() + " (group 1)", "evaluations",
          "front hypervolume (mean over seeds)", data, PlotOrientation.VERTICAL, true, false, false);
      chart.setBackgroundPaint(Color.WHITE);
      chart.draw(g, new Rectangle2D.Double(x, 0, w, h));
      x += w;
    }
    g.dispose();
    ImageIO.write(image, "png", out.resolve("pareto.png").toFile());
  }

  /**
   * Group 2 searched with f_perf, cold and warm-started from the group-1 f_perf search of the same
   * seed (its 80 evaluations re-scored under group 2's bound from the cached models): evaluations
   * the warm search needs to reach the cold search's best f_perf at 40.
   */
  String warmStart(List<String> benchmarks, int seeds, Map<String, Map<String, List<List<Evaluation>>>> fronts)
      throws IOException {
    StringBuilder csv = new StringBuilder("benchmark,seed,coldBestAt40,warmStartBest,warmOwnNeeded,warmWithObservationsNeeded\n");
    System.out.println();
    System.out.println("Warm start, group 2 with f_perf: evaluations to reach the cold search's best f_perf at 40 "
        + "(own = counting the warm search's own evaluations; with observations = also the re-scored group-1 networks)");
    List<String> lines = new ArrayList<>();
    for (String benchmark : benchmarks) {
      Bench g1 = setUp(benchmark, 1);
      Bench g2 = setUp(benchmark, 2);
      List<Integer> own = new ArrayList<>();
      List<Integer> withObservations = new ArrayList<>();
      for (long seed = 1; seed <= seeds; seed++) {
        List<Evaluation> earlier = fronts.containsKey(benchmark) ? fronts.get(benchmark).get("fperf").get((int) seed - 1)
            : search(g1, "fperf", seed, BUDGET, List.of());
        List<Evaluation> rescored = new ArrayList<>();
        for (Evaluation e : earlier) {
          rescored.add(e.getStatus() != EvaluationStatus.OK ? e : rescore(g2, e));
        }
        List<Observation> observed = WarmStart.observations(rescored, SmacProposals.space(g2.config().search().maxLayers(),
            g2.config().search().maxNeurons(), g2.config().search().activations()));
        double target = best(search(g2, "fperf", seed, 40, List.of()), 40);
        List<Evaluation> warm = search(g2, "fperf", seed, 40, observed);
        double prior = best(rescored, rescored.size());
        int needOwn = -1;
        int needAll = prior >= target ? 0 : -1;
        for (int n = 1; n <= warm.size(); n++) {
          double b = best(warm, n);
          if (needOwn < 0 && b >= target) {
            needOwn = n;
          }
          if (needAll < 0 && Math.max(b, prior) >= target) {
            needAll = n;
          }
        }
        own.add(needOwn);
        withObservations.add(needAll);
        csv.append(String.format(Locale.ROOT, "%s,%d,%.6f,%.6f,%d,%d%n", benchmark, seed, target, prior, needOwn, needAll));
        log.printf(Locale.ROOT, "%s seed %d: cold best at 40 %.4f; re-scored group 1 best %.4f; warm needs %s own "
            + "evaluations%n", benchmark, seed, target, prior, needOwn < 0 ? "more than 40" : needOwn);
      }
      String line = String.format("%s: own %s, with observations %s (per seed; -1 = not within 40)", benchmark, own,
          withObservations);
      System.out.println(line);
      lines.add(benchmark + " own " + median(own) + " / with observations " + median(withObservations));
    }
    Files.writeString(out.resolve("warmstart.csv"), csv);
    return "warm start, median evaluations to the cold best at 40: " + String.join(", ", lines);
  }

  /** A group-1 evaluation scored under group 2's bound from its cached model. */
  private static Evaluation rescore(Bench g2, Evaluation e) {
    Evaluation again = g2.evaluator().evaluate(WarmStart.candidate(e, CandidateTraining.of(g2.config()).spec())).evaluation();
    if (!again.getCached()) {
      throw new IllegalStateException("re-scoring " + e.getNetwork() + " trained it");
    }
    return again;
  }

  private static double best(List<Evaluation> h, int n) {
    double b = Double.NEGATIVE_INFINITY;
    for (Evaluation e : h.subList(0, Math.min(n, h.size()))) {
      if (e.getStatus() == EvaluationStatus.OK) {
        b = Math.max(b, e.getFPerf());
      }
    }
    return b;
  }

  private static String median(List<Integer> values) {
    List<Integer> sorted = values.stream().map(v -> v < 0 ? Integer.MAX_VALUE : v).sorted().toList();
    int m = sorted.get(sorted.size() / 2);
    return m == Integer.MAX_VALUE ? "more than 40" : Integer.toString(m);
  }
}
