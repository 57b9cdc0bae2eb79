package org.axnas.smac;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Tests that can fail: SMAC with its default settings against random search. Seeds 0..19 are
 * fixed (the outcome is deterministic); the seeds run in parallel.
 */
class OptimisationQualityTest {
  private static final int BUDGET = 60;
  private final ConfigurationSpace space = MlpSpace.builder().build();

  /** Seeds (of 20) where SMAC's best after 60 sequential evaluations beats random search's. */
  private int wins(SyntheticObjectives.Objective o) {
    return (int) IntStream.range(0, 20).parallel().filter(seed -> {
      double[] smac = Searches.smac(Smac.builder(space).seed(seed), o::applyAsDouble, BUDGET, 1);
      double[] random = Searches.random(space, o::applyAsDouble, BUDGET, seed);
      return smac[BUDGET - 1] < random[BUDGET - 1];
    }).count();
  }

  @Test
  void smacBeatsRandomSearchOnTheLayeredTarget() {
    int wins = wins(SyntheticObjectives.layeredTarget());
    assertTrue(wins >= 16, "SMAC won " + wins + " of 20");
  }

  @Test
  void smacBeatsRandomSearchOnTheCurvedValley() {
    int wins = wins(SyntheticObjectives.curvedValley());
    assertTrue(wins >= 16, "SMAC won " + wins + " of 20");
  }

  /** Branin: within 1% of the optimum after 250 evaluations asked in rounds of 4, in 4 of 5 seeds. */
  @Test
  void smacGetsWithinOnePercentOfBraninsMinimum() {
    long within = IntStream.range(0, 5).parallel().filter(seed -> {
      double[] best = Searches.smac(Smac.builder(SyntheticObjectives.braninSpace()).seed(seed),
          SyntheticObjectives::branin, 250, 4);
      return best[best.length - 1] <= 1.01 * SyntheticObjectives.BRANIN_OPTIMUM;
    }).count();
    assertTrue(within >= 4, within + " of 5 seeds within 1%");
  }
}
