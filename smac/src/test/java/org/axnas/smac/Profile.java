package org.axnas.smac;

import java.util.*;

public class Profile {
  public static void main(String[] args) {
    ConfigurationSpace space = MlpSpace.builder().build();
    int n = Integer.parseInt(args[0]);
    int k = Integer.parseInt(args[1]);
    Smac.Builder b = Smac.builder(space).seed(1).budget(n + 1000);
    Smac smac = b.build();
    while (smac.history().size() < n) {
      for (Trial t : smac.ask(Math.min(8, n - smac.history().size()))) smac.tell(t, TrialResult.ok(SyntheticObjectives.accuracyVersusMacsCost(t.config())));
    }
    List<HistoryEntry> snap = smac.snapshot();
    long[] times = new long[15];
    for (int r = 0; r < times.length; r++) {
      Smac s = Smac.restore(b, snap);
      long t0 = System.nanoTime();
      s.ask(k);
      times[r] = System.nanoTime() - t0;
    }
    Arrays.sort(times);
    System.out.printf("n=%d ask(%d) median %.1f ms min %.1f%n", n, k, times[times.length / 2] / 1e6, times[0] / 1e6);
    // components
    SplittableRandom rnd = new SplittableRandom(1);
    TrainingData data = RunHistoryEncoder.logScaled().encode(space, smac.history().entriesById());
    long t0 = System.nanoTime();
    SurrogateModel.Surrogate sur = null;
    for (int i = 0; i < 10; i++) sur = RandomForestSurrogate.defaults().train(data, i);
    long t1 = System.nanoTime();
    double[][] rows = new double[10000][];
    Object[][] full = new Object[10000][];
    for (int rep = 0; rep < 5; rep++) for (int i = 0; i < rows.length; i++) { full[i] = space.sampleFull(rnd); rows[i] = space.encodeFull(full[i]); }
    long t2 = System.nanoTime();
    double[] m = new double[10000], v = new double[10000];
    for (int rep = 0; rep < 5; rep++) sur.predict(rows, m, v);
    long t3 = System.nanoTime();
    double acc = 0; for (int rep = 0; rep < 5; rep++) for (int i = 0; i < 10000; i++) acc += new LogExpectedImprovement(0).value(m[i], v[i], -3);
    long t4 = System.nanoTime();
    for (int rep = 0; rep < 6; rep++) {
      long a0 = System.nanoTime();
      SurrogateModel.Surrogate model = RandomForestSurrogate.defaults().train(data, rep);
      long a1 = System.nanoTime();
      List<Configuration> evaluated = new ArrayList<>();
      for (HistoryEntry e : smac.history().entriesById()) evaluated.add(e.trial().config());
      AcquisitionMaximizer.Search search = LocalAndRandomSearch.defaults().start(space, model, evaluated, new SplittableRandom(rep));
      long a2 = System.nanoTime();
      Set<Configuration> taken = new HashSet<>(evaluated);
      StringBuilder per = new StringBuilder();
      for (int j = 0; j < 8; j++) {
        long p0 = System.nanoTime();
        Configuration c = search.next(LogExpectedImprovement.standard(), data.best(), taken::contains, new SplittableRandom(j)).get();
        taken.add(c);
        model.believe(space.encode(c), data.worst());
        per.append(String.format(" %.1f", (System.nanoTime() - p0) / 1e6));
      }
      long a3 = System.nanoTime();
      System.out.printf("train %.1f start %.1f picks %.1f [%s]%n", (a1 - a0) / 1e6, (a2 - a1) / 1e6, (a3 - a2) / 1e6, per);
    }
    System.out.printf("train %.1f ms, sample+encode 10k %.1f ms, predict 10k %.1f ms, logEI 10k %.1f ms %g%n", (t1 - t0) / 1e7, (t2 - t1) / 5e6, (t3 - t2) / 5e6, (t4 - t3) / 5e6, acc);
  }
}
