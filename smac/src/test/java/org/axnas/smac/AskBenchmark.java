package org.axnas.smac;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Times {@code ask(8)} with 50, 200 and 500 finished trials in the history (default settings,
 * SPEC's MLP space). The history is a real SMAC run on a synthetic cost; each timing restores an
 * optimiser from the first n trials (not timed) and asks once. Median of the measured runs after
 * warm-up. Usage: {@code AskBenchmark [runs] [warmup]}.
 */
public final class AskBenchmark {
  private AskBenchmark() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 11;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int[] sizes = {50, 200, 500};
    ConfigurationSpace space = MlpSpace.builder().build();
    Smac.Builder settings = Smac.builder(space).seed(2024).budget(1000);

    Smac source = settings.build();
    while (source.history().size() < sizes[sizes.length - 1]) {
      for (Trial t : source.ask(8)) {
        source.tell(t, TrialResult.ok(cost(t)));
      }
    }
    List<HistoryEntry> history = new ArrayList<>(source.history().entries());
    history.sort(Comparator.comparingInt(e -> e.trial().id()));

    StringBuilder summary = new StringBuilder("smac-ask: ask(8) median");
    System.out.printf(Locale.ROOT, "%-12s %10s %10s %10s%n", "observations", "median ms", "min ms", "max ms");
    double at500 = Double.NaN;
    for (int n : sizes) {
      List<HistoryEntry> prefix = history.subList(0, n);
      double[] ms = new double[runs];
      for (int r = -warmup; r < runs; r++) {
        Smac smac = Smac.restore(settings, prefix);
        long t0 = System.nanoTime();
        List<Trial> asked = smac.ask(8);
        long t1 = System.nanoTime();
        if (asked.size() != 8) {
          throw new IllegalStateException("ask(8) returned " + asked.size());
        }
        if (r >= 0) {
          ms[r] = (t1 - t0) / 1e6;
        }
      }
      Arrays.sort(ms);
      double median = ms[runs / 2];
      System.out.printf(Locale.ROOT, "%-12d %10.1f %10.1f %10.1f%n", n, median, ms[0], ms[runs - 1]);
      summary.append(String.format(Locale.ROOT, " %d obs %.1f ms,", n, median));
      at500 = median;
    }
    summary.setLength(summary.length() - 1);
    summary.append(String.format(Locale.ROOT, " (target < 150 ms at 500: %s; %d runs after %d warm-up, %d cores)",
        at500 < 150 ? "met" : "MISSED", runs, warmup, Runtime.getRuntime().availableProcessors()));
    System.out.println(summary);
  }

  /** The f_perf-shaped synthetic cost (the same as the efficiency benchmark's accuracy-vs-macs). */
  private static double cost(Trial t) {
    return SyntheticObjectives.accuracyVersusMacsCost(t.config());
  }
}
