package org.axnas.pipelines.search;

import java.io.PrintStream;
import java.util.ArrayList;
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
  private final List<Evaluation> warm;
  private double secondsSoFar;
  private int roundsTimed;

  /** @param warm the warm start's networks (search.warmStart): members of the front the hypervolume measures */
  Progress(PrintStream out, int totalRounds, int budget, List<Evaluation> warm) {
    this.out = out;
    this.totalRounds = totalRounds;
    this.budget = budget;
    this.warm = List.copyOf(warm);
  }

  void round(int round, List<Evaluation> history, double seconds, double trainingSeconds) {
    List<Evaluation> front = new ArrayList<>(history);
    front.addAll(warm);
    line(round, String.format("round %d of %d: %d/%d evaluated", round, totalRounds, history.size(), budget), history,
        best(history, e -> true), "best f_perf", String.format(", front hypervolume %.4f", FrontHypervolume.of(front)),
        seconds, trainingSeconds);
  }

  /**
   * A multi-fidelity round (one rung):
   * {@code round 4 of ~12 (bracket 2, rung 1 of 3, 623 samples): 30 evaluations, 18/40 configurations, ...}.
   */
  void rung(int round, List<Evaluation> history, double seconds, double trainingSeconds, String where, int configurations,
      String unit) {
    // the best among the most-trained evaluations: a rung-0 f_perf is not comparable with a finished one
    int top = history.stream().mapToInt(Evaluation::getFidelity).max().orElse(0);
    line(round, String.format("round %d of ~%d (%s): %d evaluations, %d/%d configurations", round, totalRounds, where,
            history.size(), configurations, budget), history, best(history, e -> e.getFidelity() == top),
        "best f_perf at " + top + " " + unit, "", seconds, trainingSeconds);
  }

  /** The OK evaluation with the highest f_perf among those {@code which} accepts (the earliest among equals). */
  private static Evaluation best(List<Evaluation> history, java.util.function.Predicate<Evaluation> which) {
    return history.stream().filter(e -> e.getStatus() == EvaluationStatus.OK && which.test(e))
        .max(Comparator.comparingDouble(Evaluation::getFPerf).thenComparing(Comparator.comparingInt(Evaluation::getTrialId).reversed()))
        .orElse(null);
  }

  private void line(int round, String head, List<Evaluation> history, Evaluation best, String bestLabel, String extra,
      double seconds, double trainingSeconds) {
    secondsSoFar += seconds;
    roundsTimed++;
    long failed = history.stream().filter(e -> e.getStatus() != EvaluationStatus.OK).count();
    int left = Math.max(0, totalRounds - round);
    out.printf("%s, %d failed, %s %s%s%s, %.1f s (%.0f%% training), ~%.0f s left%n", head, failed, bestLabel,
        best == null ? "-" : String.format("%.4f", best.getFPerf()),
        best == null ? "" : " (" + best.getNetwork() + ", accuracy " + String.format("%.3f", best.getAccuracy()) + ")",
        extra, seconds, seconds > 0 ? 100 * Math.min(1, trainingSeconds / Math.max(1, parallelWorkers()) / seconds) : 0,
        left * secondsSoFar / roundsTimed);
    out.flush();
  }

  private static int parallelWorkers() {
    return Runtime.getRuntime().availableProcessors();
  }
}
