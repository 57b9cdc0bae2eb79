package org.axnas.smac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class ParEgoTest {
  private static final ParEgo PAREGO = ParEgo.maximising(List.of("accuracy", "speedup", "energyReduction"));
  private final ConfigurationSpace mlp = MlpSpace.builder().build();

  @Test
  void weightsAreDeterministicPerSeedAndTrialAndLieOnTheSimplex() {
    assertArrayEquals(PAREGO.weights(3, 10), PAREGO.weights(3, 10));
    assertFalse(java.util.Arrays.equals(PAREGO.weights(3, 10), PAREGO.weights(3, 11)), "another trial, other weights");
    assertFalse(java.util.Arrays.equals(PAREGO.weights(3, 10), PAREGO.weights(4, 10)), "another seed, other weights");
    double[] mean = new double[3];
    int n = 2000;
    for (int batch = 0; batch < n; batch++) {
      double[] w = PAREGO.weights(17, batch);
      double sum = 0;
      for (int i = 0; i < 3; i++) {
        assertTrue(w[i] >= 0 && w[i] <= 1, "weight " + w[i]);
        sum += w[i];
        mean[i] += w[i] / n;
      }
      assertEquals(1, sum, 1e-12);
    }
    for (double m : mean) {
      assertEquals(1.0 / 3, m, 0.02, "uniform on the simplex: each weight averages 1/3");
    }
  }

  @Test
  void augmentedChebyshevOnObservedBounds() {
    ParEgo two = ParEgo.maximising(List.of("accuracy", "speedup"));
    List<Observation> observed = List.of(
        observation(0.5, 1), observation(1.0, 3), new Observation(config(3), TrialResult.failed(Status.FAILED, 0)));
    ToDoubleFunction<TrialResult> cost = two.scalarisation(observed, new double[] {0.25, 0.75});
    // bounds accuracy [0.5, 1], speedup [1, 3]: (0.75, 2) normalises to costs (0.5, 0.5)
    assertEquals(Math.max(0.125, 0.375) + 0.05 * (0.125 + 0.375), cost.applyAsDouble(result(0.75, 2)), 1e-12);
    assertEquals(0, cost.applyAsDouble(result(1.0, 3)), 1e-12, "the best in every objective costs nothing");
    assertEquals(0.75 + 0.05, cost.applyAsDouble(result(0.5, 1)), 1e-12, "the worst in both");
    assertThrows(IllegalArgumentException.class, () -> cost.applyAsDouble(TrialResult.ok(-1)), "objectives missing");
  }

  @Test
  void parEgoProposesOtherwiseThanTheCostAndReproducibly() {
    List<Trial> byCost = run(Smac.builder(mlp).seed(8).budget(40).initialDesignSize(6), 40);
    List<Trial> byParEgo = run(Smac.builder(mlp).seed(8).budget(40).initialDesignSize(6).parEgo(PAREGO), 40);
    assertEquals(byCost.subList(0, 6), byParEgo.subList(0, 6), "the same initial design");
    assertNotEquals(configs(byCost), configs(byParEgo));
    assertEquals(byParEgo, run(Smac.builder(mlp).seed(8).budget(40).initialDesignSize(6).parEgo(PAREGO), 40));
  }

  @Test
  void aParEgoSearchRestoredFromItsHistoryContinuesExactly() {
    Smac.Builder settings = Smac.builder(mlp).seed(21).budget(40).initialDesignSize(4).parEgo(PAREGO);
    Smac original = settings.build();
    for (int r = 0; r < 4; r++) {
      for (Trial t : original.ask(3)) {
        original.tell(t, evaluate(t.config()));
      }
    }
    Smac resumed = settings.restore(original.snapshot());
    for (int r = 0; r < 3; r++) {
      List<Trial> a = original.ask(3);
      assertEquals(a, resumed.ask(3), "round " + r);
      for (Trial t : a) {
        original.tell(t, evaluate(t.config()));
        resumed.tell(t, evaluate(t.config()));
      }
    }
  }

  @Test
  void needsAtLeastTwoObjectives() {
    assertThrows(IllegalArgumentException.class, () -> ParEgo.maximising(List.of("accuracy")));
  }

  /** A search of {@code evaluations} trials in rounds of 4, told {@link #evaluate}'s results. */
  static List<Trial> run(Smac.Builder settings, int evaluations) {
    Smac smac = settings.build();
    List<Trial> all = new ArrayList<>();
    while (all.size() < evaluations && !smac.isDone()) {
      for (Trial t : smac.ask(4)) {
        smac.tell(t, evaluate(t.config()));
        all.add(t);
      }
    }
    return all;
  }

  private static List<Configuration> configs(List<Trial> trials) {
    return trials.stream().map(Trial::config).toList();
  }

  /** Accuracy rises with size and speed falls with it, as for the networks: a real trade-off. */
  static TrialResult evaluate(Configuration c) {
    double macs = 0;
    int layers = c.intValue(MlpSpace.LAYERS);
    int previous = 6;
    for (int l = 1; l <= layers; l++) {
      int n = c.intValue(MlpSpace.neurons(l));
      macs += previous * n;
      previous = n;
    }
    macs += previous;
    double accuracy = -SyntheticObjectives.accuracyVersusMacsCost(c);
    double speedup = 100 / (10 + macs);
    return TrialResult.ok(-(accuracy + 0.1 * speedup),
        Map.of("accuracy", accuracy, "speedup", speedup, "energyReduction", 1.3 * speedup), 0);
  }

  private Observation observation(double accuracy, double speedup) {
    return new Observation(config((int) (speedup * 2)), result(accuracy, speedup));
  }

  private static TrialResult result(double accuracy, double speedup) {
    return TrialResult.ok(-accuracy, Map.of("accuracy", accuracy, "speedup", speedup), 0);
  }

  private Configuration config(int neurons) {
    return MlpSpace.fromNetwork(mlp, org.axnas.core.Network.parse("6-" + neurons + ":relu-1"));
  }
}
