package org.axnas.smac;

import java.util.*;

public class Det {
  public static void main(String[] args) {
    ConfigurationSpace space = MlpSpace.builder().build();
    SplittableRandom r = new SplittableRandom(3);
    List<HistoryEntry> es = new ArrayList<>();
    Set<Configuration> seen = new HashSet<>();
    for (int i = 0; es.size() < 40; i++) { Configuration c = space.sample(r); if (seen.add(c)) es.add(new HistoryEntry(new Trial(es.size(), c, 0), TrialResult.ok(SyntheticObjectives.layeredTargetCost(c)))); }
    TrainingData d = RunHistoryEncoder.logScaled().encode(space, es);
    double[][] q = new double[1000][]; for (int i = 0; i < q.length; i++) q[i] = space.encode(space.sample(r));
    double[] m0 = null;
    for (int rep = 0; rep < 10; rep++) {
      SurrogateModel.Surrogate s = RandomForestSurrogate.defaults().train(d, 42);
      double[] m = new double[q.length], v = new double[q.length];
      s.predict(q, m, v);
      if (m0 == null) m0 = m; else System.out.println("rep " + rep + " same: " + Arrays.equals(m0, m));
    }
    // design determinism
    System.out.println(InitialDesign.sobol().configurations(space, 15, 7).equals(InitialDesign.sobol().configurations(space, 15, 7)));
  }
}
