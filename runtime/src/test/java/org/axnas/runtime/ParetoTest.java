package org.axnas.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParetoTest {
  static Scored s(int id, double acc, double sp, double er) {
    return new Scored(id, "net" + id, acc, sp, er, 0);
  }

  @Test
  void keepsExactlyTheNonDominatedCandidates() {
    List<Scored> all = List.of(
        s(0, 0.9, 2, 2),   // front: best accuracy
        s(1, 0.8, 5, 5),   // front: best speed and energy
        s(2, 0.8, 4, 4),   // dominated by 1
        s(3, 0.85, 3, 6),  // front: best energy
        s(4, 0.9, 2, 1),   // dominated by 0
        s(5, 0.9, 2, 2));  // same as 0, later trial: dropped
    List<Scored> front = Pareto.front(all);
    assertEquals(List.of(0, 3, 1), front.stream().map(Scored::trialId).toList());
  }

  /** Against the definition on random sets: nothing in the front is dominated, everything out is. */
  @Test
  void agreesWithTheDefinitionOnRandomSets() {
    Random r = new Random(3);
    for (int trial = 0; trial < 200; trial++) {
      List<Scored> all = new ArrayList<>();
      int n = 1 + r.nextInt(40);
      for (int i = 0; i < n; i++) {
        all.add(s(i, r.nextInt(10) / 10.0, r.nextInt(6), r.nextInt(6)));
      }
      List<Scored> front = Pareto.front(all);
      assertFalse(front.isEmpty());
      for (Scored c : all) {
        boolean dominated = all.stream().anyMatch(o -> o.dominates(c));
        boolean duplicateOfEarlier = all.stream().anyMatch(o -> o.trialId() < c.trialId() && o.sameObjectives(c));
        assertEquals(!dominated && !duplicateOfEarlier, front.contains(c), c.toString());
      }
    }
  }

  @Test
  void dominanceNeedsOneStrictImprovement() {
    assertTrue(s(0, 0.9, 2, 2).dominates(s(1, 0.9, 2, 1)));
    assertFalse(s(0, 0.9, 2, 2).dominates(s(1, 0.9, 2, 2)));
    assertFalse(s(0, 0.9, 2, 2).dominates(s(1, 0.95, 1, 1)));
  }
}
