package org.axnas.pipelines.search;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import org.axnas.evaluation.FrontHypervolume;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.EvaluationStatus;

/** One line per round: where the search is, how well it does, how long it will take. */
final class Progress {
  private final PrintStream out;
  private final int totalRounds;
  private final int budget;
  private double secondsSoFar;
  private int roundsTimed;

  Progress(PrintStream out, int totalRounds, int budget) {
    this.out = out;
    this.totalRounds = totalRounds;
    this.budget = budget;
  }

  void round(int round, List<Evaluation> history, double seconds, double trainingSeconds) {
    secondsSoFar += seconds;
    roundsTimed++;
    long failed = history.stream().filter(e -> e.getStatus() != EvaluationStatus.OK).count();
    Evaluation best = history.stream().filter(e -> e.getStatus() == EvaluationStatus.OK)
        .max(Comparator.comparingDouble(Evaluation::getFPerf).thenComparing(Comparator.comparingInt(Evaluation::getTrialId).reversed()))
        .orElse(null);
    int left = Math.max(0, totalRounds - round);
    out.printf("round %d of %d: %d/%d evaluated, %d failed, best f_perf %s%s, front hypervolume %.4f, %.1f s (%.0f%% "
            + "training), ~%.0f s left%n",
        round, totalRounds, history.size(), budget, failed,
        best == null ? "-" : String.format("%.4f", best.getFPerf()),
        best == null ? "" : " (" + best.getNetwork() + ", accuracy " + String.format("%.3f", best.getAccuracy()) + ")",
        FrontHypervolume.of(history),
        seconds, seconds > 0 ? 100 * Math.min(1, trainingSeconds / Math.max(1, parallelWorkers()) / seconds) : 0,
        left * secondsSoFar / roundsTimed);
    out.flush();
  }

  /**
   * A multi-fidelity round (one rung):
   * {@code round 4 of 12 (bracket 2, rung 1 of 3, 56 epochs): 30 evaluations, 18/40 configurations, ...}.
   */
  void rung(int round, List<Evaluation> history, double seconds, double trainingSeconds, String where, int configurations,
      String unit) {
    secondsSoFar += seconds;
    roundsTimed++;
    long failed = history.stream().filter(e -> e.getStatus() != EvaluationStatus.OK).count();
    // the best among the most-trained evaluations: a rung-0 f_perf is not comparable with a finished one
    int top = history.stream().mapToInt(Evaluation::getFidelity).max().orElse(0);
    Evaluation best = history.stream().filter(e -> e.getStatus() == EvaluationStatus.OK && e.getFidelity() == top)
        .max(Comparator.comparingDouble(Evaluation::getFPerf).thenComparing(Comparator.comparingInt(Evaluation::getTrialId).reversed()))
        .orElse(null);
    int left = Math.max(0, totalRounds - round);
    out.printf("round %d of ~%d (%s): %d evaluations, %d/%d configurations, %d failed, best f_perf at %d %s %s%s, "
            + "%.1f s (%.0f%% training), ~%.0f s left%n",
        round, totalRounds, where, history.size(), configurations, budget, failed, top, unit,
        best == null ? "-" : String.format("%.4f", best.getFPerf()),
        best == null ? "" : " (" + best.getNetwork() + ", accuracy " + String.format("%.3f", best.getAccuracy()) + ")",
        seconds, seconds > 0 ? 100 * Math.min(1, trainingSeconds / Math.max(1, parallelWorkers()) / seconds) : 0,
        left * secondsSoFar / roundsTimed);
    out.flush();
  }

  private static int parallelWorkers() {
    return Runtime.getRuntime().availableProcessors();
  }
}
