package org.axnas.pipelines.report;

import java.util.List;
import java.util.Optional;

/**
 * NAS, enumeration and AxBench's network on one benchmark and error-bound group, at one
 * accuracy threshold.
 *
 * @param seed the seed of the runs compared (the run-configs' {@code seed}); with several seeds there is a
 *     comparison per seed
 * @param threshold the accuracy the energy-mode choice must reach: the cap (90%), or the best
 *     accuracy both methods reach when one of them stays below the cap (as the paper does for jmeint)
 * @param nas the SMAC run, or null when there is none
 * @param enumeration the enumeration run, or null when there is none
 * @param rows the methods' networks, in {@link Method} order
 * @param missing why a method has no row
 */
public record Comparison(
    String benchmark,
    int group,
    long seed,
    double threshold,
    boolean thresholdCapped,
    FinishedRun nas,
    FinishedRun enumeration,
    List<ReportRow> rows,
    List<String> missing) {

  public Optional<ReportRow> row(Method m) {
    return rows.stream().filter(r -> r.method() == m).findFirst();
  }

  public Optional<FinishedRun> run(Method m) {
    return Optional.ofNullable(m == Method.NAS ? nas : m == Method.ENUMERATION ? enumeration : null);
  }

  /** NAS / enumeration speedup of the chosen networks, or NaN when either is missing. */
  public double speedupRatio() {
    return ratio(true);
  }

  /** NAS / enumeration energy reduction of the chosen networks, or NaN when either is missing. */
  public double energyRatio() {
    return ratio(false);
  }

  private double ratio(boolean speedup) {
    Optional<ReportRow> n = row(Method.NAS);
    Optional<ReportRow> e = row(Method.ENUMERATION);
    if (n.isEmpty() || e.isEmpty()) {
      return Double.NaN;
    }
    return speedup ? n.get().speedup() / e.get().speedup() : n.get().energyReduction() / e.get().energyReduction();
  }
}
