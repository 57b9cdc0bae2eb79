package org.axnas.smac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Multi-fidelity results: the model learns from the highest budget with enough of them. */
class SmacBudgetsTest {
  private final ConfigurationSpace mlp = MlpSpace.builder().build();

  private static TrialResult cost(Trial t, double budget) {
    // a cost that falls with the budget, differently per configuration
    return TrialResult.ok(SyntheticObjectives.accuracyVersusMacsCost(t.config()) * budget / 100);
  }

  @Test
  void theModelUsesTheHighestBudgetWithDimensionsPlusOneResults() {
    Smac smac = Smac.builder(mlp).seed(3).budget(60).initialDesignSize(20).build();
    assertTrue(Double.isNaN(smac.modelBudget()), "single fidelity until a budget is told");
    List<Trial> first = smac.ask(20);
    for (Trial t : first) {
      smac.tell(t, cost(t, 10), 10);
    }
    assertEquals(10, smac.modelBudget());
    int needed = mlp.dimensions() + 1;
    // promote fewer than needed: the model stays on budget 10, which has the most results
    for (Trial t : first.subList(0, needed - 1)) {
      smac.observe(t, cost(t, 30), 30);
    }
    assertEquals(10, smac.modelBudget());
    smac.observe(first.get(needed - 1), cost(first.get(needed - 1), 30), 30);
    assertEquals(30, smac.modelBudget(), "now budget 30 has dimensions + 1 results");
    assertEquals(needed, smac.modelEntries().size());
    assertEquals(20, smac.history().size(), "the run history keeps one result per configuration");
  }

  @Test
  void aPromotionNeedsAnEarlierResultAndComesOncePerBudget() {
    Smac smac = Smac.builder(mlp).seed(3).budget(10).build();
    List<Trial> ts = smac.ask(2);
    assertThrows(IllegalStateException.class, () -> smac.observe(ts.get(0), cost(ts.get(0), 30), 30), "not told yet");
    smac.tell(ts.get(0), cost(ts.get(0), 10), 10);
    smac.observe(ts.get(0), cost(ts.get(0), 30), 30);
    assertThrows(IllegalStateException.class, () -> smac.observe(ts.get(0), cost(ts.get(0), 30), 30));
    assertThrows(IllegalArgumentException.class, () -> smac.tell(ts.get(1), cost(ts.get(1), 0), 0));
  }

  @Test
  void proposalsFollowTheBudgetTheModelIsTrainedOn() {
    // the same low-budget results; one optimiser also learns high-budget results that reverse the
    // ranking: their next model-based proposals differ
    Smac a = Smac.builder(mlp).seed(8).budget(60).initialDesignSize(12).randomProbability(0).build();
    Smac b = Smac.builder(mlp).seed(8).budget(60).initialDesignSize(12).randomProbability(0).build();
    List<Trial> ta = a.ask(12);
    List<Trial> tb = b.ask(12);
    assertEquals(ta, tb);
    for (int i = 0; i < ta.size(); i++) {
      a.tell(ta.get(i), cost(ta.get(i), 10), 10);
      b.tell(tb.get(i), cost(tb.get(i), 10), 10);
    }
    for (Trial t : tb) {
      b.observe(t, TrialResult.ok(-cost(t, 10).cost()), 30);
    }
    assertEquals(10, a.modelBudget());
    assertEquals(30, b.modelBudget());
    assertNotEquals(a.ask(4), b.ask(4));
  }
}
