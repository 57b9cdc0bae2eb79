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
 * warm-up, wall time and process CPU time (all threads: Smile trains trees in parallel); on a
 * shared machine the CPU time is the steadier figure. With {@code ehvi} the optimiser proposes by
 * EHVI over the three objectives of {@link ParEgoTest#evaluate} (speedup and energy reduction known
 * from the configuration), on a history of those results. Usage:
 * {@code AskBenchmark [runs] [warmup] [fperf|ehvi]}.
 */
public final class AskBenchmark {
  private AskBenchmark() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 11;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    boolean ehvi = args.length > 2 && args[2].equals("ehvi");
    int[] sizes = {50, 200, 500};
    ConfigurationSpace space = MlpSpace.builder().build();
    Smac.Builder settings = Smac.builder(space).seed(2024).budget(1000);
    if (ehvi) {
      settings = settings.expectedHypervolumeImprovement(ExpectedHypervolumeImprovementTest.EHVI);
    }

    Smac source = settings.build();
    while (source.history().size() < sizes[sizes.length - 1]) {
      for (Trial t : source.ask(8)) {
        source.tell(t, ehvi ? ParEgoTest.evaluate(t.config()) : TrialResult.ok(cost(t)));
      }
    }
    List<HistoryEntry> history = new ArrayList<>(source.history().entries());
    history.sort(Comparator.comparingInt(e -> e.trial().id()));

    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    StringBuilder summary = new StringBuilder("smac-ask: ask(8)" + (ehvi ? " by EHVI" : "") + " median wall (cpu)");
    System.out.printf(Locale.ROOT, "%-12s %10s %10s %10s %12s%n", "observations", "median ms", "min ms", "max ms",
        "median cpu ms");
    double at500 = Double.NaN;
    for (int n : sizes) {
      List<HistoryEntry> prefix = history.subList(0, n);
      double[] ms = new double[runs];
      double[] cpu = new double[runs];
      for (int r = -warmup; r < runs; r++) {
        Smac smac = Smac.restore(settings, prefix);
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<Trial> asked = smac.ask(8);
        long t1 = System.nanoTime();
        long c1 = os.getProcessCpuTime();
        if (asked.size() != 8) {
          throw new IllegalStateException("ask(8) returned " + asked.size());
        }
        if (r >= 0) {
          ms[r] = (t1 - t0) / 1e6;
          cpu[r] = (c1 - c0) / 1e6;
        }
      }
      Arrays.sort(ms);
      Arrays.sort(cpu);
      double median = ms[runs / 2];
      System.out.printf(Locale.ROOT, "%-12d %10.1f %10.1f %10.1f %12.1f%n", n, median, ms[0], ms[runs - 1], cpu[runs / 2]);
      summary.append(String.format(Locale.ROOT, " %d obs %.1f ms (%.1f),", n, median, cpu[runs / 2]));
      at500 = median;
    }
    summary.setLength(summary.length() - 1);
    double load = os.getSystemLoadAverage();
    summary.append(String.format(Locale.ROOT, " (target < 150 ms at 500: %s; %d runs after %d warm-up, %d cores, load %.1f)",
        at500 < 150 ? "met" : "MISSED", runs, warmup, Runtime.getRuntime().availableProcessors(), load));
    System.out.println(summary);
  }

  /** The f_perf-shaped synthetic cost (the same as the efficiency benchmark's accuracy-vs-macs). */
  private static double cost(Trial t) {
    return SyntheticObjectives.accuracyVersusMacsCost(t.config());
  }
}
