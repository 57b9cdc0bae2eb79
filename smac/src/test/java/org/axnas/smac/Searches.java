package org.axnas.smac;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Runs searches to a budget and reports the best cost after each evaluation. */
final class Searches {
  private Searches() {}

  /** SMAC in rounds of {@code batch} proposals; best-so-far after each evaluation. */
  static double[] smac(Smac.Builder builder, ToDoubleFunction<Configuration> cost, int budget, int batch) {
    Smac smac = builder.budget(budget).build();
    double[] best = new double[budget];
    int done = 0;
    double b = Double.POSITIVE_INFINITY;
    while (!smac.isDone()) {
      List<Trial> trials = smac.ask(batch);
      for (Trial t : trials) {
        double c = cost.applyAsDouble(t.config());
        smac.tell(t, TrialResult.ok(c));
        b = Math.min(b, c);
        best[done++] = b;
      }
    }
    return best;
  }

  /** Uniform random search (the space's own sampling law, distinct configurations). */
  static double[] random(ConfigurationSpace space, ToDoubleFunction<Configuration> cost, int budget, long seed) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    java.util.Set<Configuration> seen = new java.util.HashSet<>();
    double[] best = new double[budget];
    double b = Double.POSITIVE_INFINITY;
    for (int i = 0; i < budget; i++) {
      Configuration c;
      do {
        c = space.sample(random);
      } while (!seen.add(c));
      b = Math.min(b, cost.applyAsDouble(c));
      best[i] = b;
    }
    return best;
  }

  /** The configurations in a fixed order (e.g. the topology enumeration), up to the budget. */
  static double[] inOrder(List<Configuration> order, ToDoubleFunction<Configuration> cost, int budget) {
    double[] best = new double[Math.min(budget, order.size())];
    double b = Double.POSITIVE_INFINITY;
    for (int i = 0; i < best.length; i++) {
      b = Math.min(b, cost.applyAsDouble(order.get(i)));
      best[i] = b;
    }
    return best;
  }
}
