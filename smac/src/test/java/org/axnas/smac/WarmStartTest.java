package org.axnas.smac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WarmStartTest {
  private final ConfigurationSpace mlp = MlpSpace.builder().build();

  /** The first 20 trials of a cold search with seed 1, as an earlier run's evaluations. */
  private List<Observation> earlier() {
    Smac cold = Smac.builder(mlp).seed(1).budget(20).build();
    List<Observation> out = new ArrayList<>();
    while (!cold.isDone()) {
      for (Trial t : cold.ask(4)) {
        TrialResult r = ParEgoTest.evaluate(t.config());
        cold.tell(t, r);
        out.add(new Observation(t.config(), r));
      }
    }
    return out;
  }

  @Test
  void observationsUseNoBudgetAreNeverProposedAndReplaceTheInitialDesign() {
    List<Observation> prior = earlier();
    Smac warm = Smac.builder(mlp).seed(2).budget(30).warmStart(prior).build();
    assertEquals(Math.max(0, Smac.builder(mlp).seed(2).budget(30).initialDesignSize() - prior.size()),
        warm.initialDesign().size(), "the design shrinks by the observations");
    Set<Configuration> seen = new HashSet<>();
    prior.forEach(o -> seen.add(o.config()));
    int asked = 0;
    while (!warm.isDone()) {
      for (Trial t : warm.ask(4)) {
        assertTrue(seen.add(t.config()), "proposed again: " + t.config());
        warm.tell(t, ParEgoTest.evaluate(t.config()));
        asked++;
      }
    }
    assertEquals(30, asked, "the whole budget is this search's own");
    assertEquals(30, warm.history().size());
  }

  @Test
  void theWarmStartChangesTheProposalsAndRestoresExactly() {
    List<Observation> prior = earlier();
    Smac.Builder settings = Smac.builder(mlp).seed(2).budget(30).warmStart(prior);
    Smac warm = settings.build();
    Smac cold = Smac.builder(mlp).seed(2).budget(30).build();
    assertNotEquals(warm.ask(4), cold.ask(4));

    Smac resumed = settings.restore(warm.snapshot());
    for (int r = 0; r < 3; r++) {
      List<Trial> a = warm.ask(4);
      assertEquals(a, resumed.ask(4), "round " + r);
      for (Trial t : a) {
        warm.tell(t, ParEgoTest.evaluate(t.config()));
        resumed.tell(t, ParEgoTest.evaluate(t.config()));
      }
    }
    assertTrue(settings.build().scenario().contains("warm start: 20 observations"));
  }

  @Test
  void duplicatesCountOnceAndForeignConfigurationsAreRefused() {
    List<Observation> prior = earlier();
    List<Observation> twice = new ArrayList<>(prior);
    twice.addAll(prior);
    assertEquals(prior, Smac.builder(mlp).warmStart(twice).build().warmStart());
    ConfigurationSpace small = MlpSpace.builder().maxNeurons(4).build();
    Observation big = prior.stream().filter(o -> o.config().intValue(MlpSpace.neurons(1)) > 4).findFirst().orElseThrow();
    assertThrows(IllegalArgumentException.class, () -> Smac.builder(small).warmStart(List.of(big)));
    assertFalse(Smac.builder(mlp).build().scenario().contains("warm start"));
  }
}
