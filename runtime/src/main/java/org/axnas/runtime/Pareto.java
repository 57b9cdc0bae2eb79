package org.axnas.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The non-dominated set on (accuracy, speedup, energy reduction). */
public final class Pareto {
  private Pareto() {}

  /**
   * Candidates no other candidate dominates, sorted by accuracy (highest first) then trial id.
   * Of candidates with identical objectives only the earliest trial is kept. O(n^2), which is
   * nothing next to training n networks.
   */
  public static List<Scored> front(List<Scored> candidates) {
    List<Scored> sorted = new ArrayList<>(candidates);
    sorted.sort(Comparator.comparingInt(Scored::trialId));
    List<Scored> front = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Scored c = sorted.get(i);
      boolean keep = true;
      for (int j = 0; j < sorted.size() && keep; j++) {
        Scored o = sorted.get(j);
        if (j != i && (o.dominates(c) || (j < i && o.sameObjectives(c)))) {
          keep = false;
        }
      }
      if (keep) {
        front.add(c);
      }
    }
    front.sort(Comparator.comparingDouble(Scored::accuracy).reversed().thenComparingInt(Scored::trialId));
    return front;
  }
}
