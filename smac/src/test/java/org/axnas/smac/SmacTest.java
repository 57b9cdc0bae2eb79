package org.axnas.smac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axnas.core.Activation;
import org.junit.jupiter.api.Test;

class SmacTest {
  private final ConfigurationSpace mlp = MlpSpace.builder().build();

  /** Cost -f_perf-like: negative, zero for some, failures for 1-neuron layers. */
  private static TrialResult evaluate(Trial t) {
    Configuration c = t.config();
    if (c.intValue(MlpSpace.neurons(1)) == 1) {
      return TrialResult.failed(Status.DIVERGED, 0.1);
    }
    double cost = SyntheticObjectives.accuracyVersusMacsCost(c);
    return TrialResult.ok(cost > -0.3 ? 0.0 : cost, Map.of("accuracy", -cost), 0.5);
  }

  private static void runRounds(Smac smac, int rounds, int k) {
    for (int r = 0; r < rounds && !smac.isDone(); r++) {
      for (Trial t : smac.ask(k)) {
        smac.tell(t, evaluate(t));
      }
    }
  }

  @Test
  void initialDesignSizeFollowsSmac3() {
    assertEquals(15, Smac.builder(mlp).budget(60).build().initialDesign().size(), "a quarter of 60");
    assertEquals(50, Smac.builder(mlp).budget(500).build().initialDesign().size(), "10 per hyperparameter");
    assertEquals(7, Smac.builder(mlp).budget(500).initialDesignSize(7).build().initialDesign().size());
    Configuration known = MlpSpace.fromNetwork(mlp, org.axnas.core.Network.parse("6-8:sigmoid-8:sigmoid-1"));
    Smac withKnown = Smac.builder(mlp).budget(60).additionalConfigurations(List.of(known)).build();
    assertEquals(16, withKnown.initialDesign().size());
    assertEquals(known, withKnown.ask(1).get(0).config());
  }

  @Test
  void noDuplicateProposalsWithinAndAcrossBatchesUntilTheSpaceIsExhausted() {
    ConfigurationSpace small = MlpSpace.build(2, 3, List.of(Activation.RELU, Activation.TANH));
    int size = (int) small.cardinality();
    assertEquals(6 + 36, size);
    Smac smac = Smac.builder(small).seed(4).budget(100).build();
    Set<Configuration> seen = new HashSet<>();
    Set<Long> seeds = new HashSet<>();
    int batches = 0;
    while (!smac.isDone()) {
      List<Trial> batch = smac.ask(8);
      assertFalse(batch.isEmpty());
      assertTrue(batch.size() == 8 || seen.size() + batch.size() == size, "short batch only at exhaustion");
      for (Trial t : batch) {
        assertTrue(seen.add(t.config()), "proposed twice: " + t.config());
        assertTrue(seeds.add(t.seed()));
        // failed trials stay in the history and their configurations are never proposed again
        smac.tell(t, t.id() % 5 == 0 ? TrialResult.failed(Status.FAILED, 0) : TrialResult.ok(t.id() % 7));
      }
      batches++;
    }
    assertEquals(size, seen.size());
    assertEquals((size + 7) / 8, batches);
    assertTrue(smac.ask(8).isEmpty());
    assertEquals(size, smac.history().size());
  }

  @Test
  void pendingConfigurationsAreNotProposedAgain() {
    Smac smac = Smac.builder(mlp).seed(1).budget(200).build();
    runRounds(smac, 5, 4);
    List<Trial> first = smac.ask(6);
    List<Trial> second = smac.ask(6);
    Set<Configuration> all = new HashSet<>();
    for (Trial t : first) {
      all.add(t.config());
    }
    for (Trial t : second) {
      assertTrue(all.add(t.config()));
      assertFalse(smac.history().contains(t.config()));
    }
    assertEquals(12, smac.pending().size());
  }

  @Test
  void rebuildingFromTheHistoryContinuesExactlyAsTheOriginal() {
    Smac.Builder settings = Smac.builder(mlp).seed(99).budget(80);
    Smac original = settings.build();
    runRounds(original, 6, 4);
    List<HistoryEntry> saved = original.snapshot();
    Smac resumed = Smac.restore(settings, saved);
    assertEquals(original.history().size(), resumed.history().size());
    assertEquals(original.incumbent(), resumed.incumbent());
    for (int round = 0; round < 5; round++) {
      List<Trial> a = original.ask(4);
      List<Trial> b = resumed.ask(4);
      assertEquals(a, b, "round " + round);
      for (int i = 0; i < a.size(); i++) {
        original.tell(a.get(i), evaluate(a.get(i)));
        resumed.tell(b.get(i), evaluate(b.get(i)));
      }
    }
    // a snapshot taken with trials still pending restores them as pending
    List<Trial> open = original.ask(3);
    Smac withPending = settings.restore(original.snapshot());
    assertEquals(open, withPending.pending());
    assertEquals(original.ask(2), withPending.ask(2));
    // restoring from entries told in a different order changes nothing
    List<HistoryEntry> shuffled = new ArrayList<>(saved);
    java.util.Collections.reverse(shuffled);
    assertEquals(Smac.restore(settings, saved).ask(4), Smac.restore(settings, shuffled).ask(4));
  }

  @Test
  void theSeedDecidesEverything() {
    Smac a = Smac.builder(mlp).seed(5).budget(40).build();
    Smac b = Smac.builder(mlp).seed(5).budget(40).build();
    Smac c = Smac.builder(mlp).seed(6).budget(40).build();
    runRounds(a, 10, 4);
    runRounds(b, 10, 4);
    runRounds(c, 10, 4);
    assertEquals(a.snapshot(), b.snapshot());
    assertNotEquals(a.snapshot(), c.snapshot());
  }

  @Test
  void incumbentBudgetAndDoneFollowTheTells() {
    Smac smac = Smac.builder(mlp).seed(2).budget(10).build();
    assertFalse(smac.isDone());
    List<Trial> batch = smac.ask(50);
    assertEquals(10, batch.size());
    assertTrue(smac.ask(1).isEmpty());
    assertFalse(smac.isDone(), "results still pending");
    double best = Double.POSITIVE_INFINITY;
    for (Trial t : batch) {
      TrialResult r = evaluate(t);
      smac.tell(t, r);
      if (r.isOk()) {
        best = Math.min(best, r.cost());
      }
    }
    assertTrue(smac.isDone());
    assertEquals(best, smac.incumbent().orElseThrow().result().cost());
    assertEquals(0, smac.remainingBudget());
  }

  @Test
  void tellRejectsTrialsThatAreNotPending() {
    Smac smac = Smac.builder(mlp).seed(2).budget(10).build();
    Trial t = smac.ask(1).get(0);
    smac.tell(t, TrialResult.ok(1));
    assertThrows(IllegalStateException.class, () -> smac.tell(t, TrialResult.ok(1)));
    Trial forged = new Trial(5, t.config(), t.seed());
    assertThrows(IllegalStateException.class, () -> smac.tell(forged, TrialResult.ok(1)));
    assertThrows(IllegalArgumentException.class, () -> TrialResult.ok(Double.NaN));
  }

  @Test
  void scenarioDescribesSettingsAndSpace() {
    String s = Smac.builder(mlp).seed(3).budget(60).build().scenario();
    assertTrue(s.contains("seed: 3") && s.contains("budget: 60") && s.contains("neurons_2 | layers in [2]"), s);
    assertEquals(s, Smac.builder(mlp).seed(3).budget(60).build().scenario());
  }
}
