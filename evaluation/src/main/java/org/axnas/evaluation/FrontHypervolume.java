package org.axnas.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.axnas.runtime.Hypervolume;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.EvaluationStatus;

/**
 * The hypervolume of a history's Pareto front on (accuracy, speedup, energy reduction), over
 * {@link Hypervolume#FRONT_REFERENCE}: how much of the trade-off space the search has covered, one
 * number that grows as the front advances anywhere (f_perf only sees one direction of it). As
 * the Pareto set, it takes each network's most-trained evaluation of a multi-fidelity history. A
 * function of the history alone, so it is computed where it is shown, never stored.
 */
public final class FrontHypervolume {
  private FrontHypervolume() {}

  /** The hypervolume of the OK evaluations of {@code history}. */
  public static double of(List<Evaluation> history) {
    List<double[]> points = new ArrayList<>();
    for (Evaluation e : ParetoSet.mostTrained(history)) {
      if (e.getStatus() == EvaluationStatus.OK) {
        points.add(point(e));
      }
    }
    return Hypervolume.of(points, Hypervolume.FRONT_REFERENCE);
  }

  /**
   * The hypervolume after each evaluation of {@code history}, in its order: entry i covers
   * evaluations 0..i. The front is kept as it grows (a point dominated by it changes nothing), so
   * a long history costs its length times one front's hypervolume.
   */
  public static double[] afterEach(List<Evaluation> history) {
    double[] out = new double[history.size()];
    if (ParetoSet.mostTrained(history) != history) {
      // multi-fidelity: a promotion replaces the network's earlier point, so each prefix is taken whole
      for (int i = 0; i < out.length; i++) {
        out[i] = of(history.subList(0, i + 1));
      }
      return out;
    }
    List<double[]> front = new ArrayList<>();
    double volume = 0;
    for (int i = 0; i < out.length; i++) {
      Evaluation e = history.get(i);
      if (e.getStatus() == EvaluationStatus.OK) {
        double[] p = point(e);
        if (front.stream().noneMatch(q -> weaklyDominates(q, p))) {
          front.removeIf(q -> weaklyDominates(p, q));
          front.add(p);
          volume = Hypervolume.of(front, Hypervolume.FRONT_REFERENCE);
        }
      }
      out[i] = volume;
    }
    return out;
  }

  private static double[] point(Evaluation e) {
    return new double[] {e.getAccuracy(), e.getSpeedup(), e.getEnergyReduction()};
  }

  private static boolean weaklyDominates(double[] a, double[] b) {
    for (int k = 0; k < a.length; k++) {
      if (a[k] < b[k]) {
        return false;
      }
    }
    return true;
  }
}
