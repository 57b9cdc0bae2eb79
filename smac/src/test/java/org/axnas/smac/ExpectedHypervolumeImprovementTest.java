package org.axnas.smac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.axnas.runtime.Hypervolume;
import org.junit.jupiter.api.Test;

class ExpectedHypervolumeImprovementTest {
  /** (accuracy, speedup, energy reduction): a hand-made front of three trade-offs. */
  private static final List<double[]> POINTS = List.of(
      new double[] {0.9, 1, 3}, new double[] {0.7, 2, 2}, new double[] {0.4, 3, 1});
  private static final ExpectedHypervolumeImprovement.Front FRONT = new ExpectedHypervolumeImprovement.Front(POINTS);
  static final ExpectedHypervolumeImprovement EHVI = ExpectedHypervolumeImprovement.maximising("accuracy",
      List.of("speedup", "energyReduction"), ExpectedHypervolumeImprovementTest::known);
  private final ConfigurationSpace mlp = MlpSpace.builder().build();

  /** HV(front + (a, s, e)) - HV(front) by runtime's exact hypervolume. */
  private static double improvementByHypervolume(List<double[]> front, double a, double s, double e) {
    List<double[]> more = new ArrayList<>(front);
    more.add(new double[] {a, s, e});
    return Hypervolume.of(more, Hypervolume.FRONT_REFERENCE) - Hypervolume.of(front, Hypervolume.FRONT_REFERENCE);
  }

  @Test
  void withoutUncertaintyItIsTheExactImprovement() {
    // one point (0.5, 2, 2); the candidate (0.8, 3, 1) spans 2.4, of which [0,0.5]x[0,2]x[0,1] = 1 is covered
    ExpectedHypervolumeImprovement.Front one = new ExpectedHypervolumeImprovement.Front(List.of(new double[] {0.5, 2, 2}));
    assertEquals(1.4, one.expected(3, 1, 0.8, 0), 1e-12);
    assertEquals(1.4, improvementByHypervolume(one.points(), 0.8, 3, 1), 1e-12);
    double[][] candidates = {{0.95, 2.5, 2.5}, {0.8, 1.5, 3.5}, {0.7, 2, 2}, {0.5, 3.5, 0.5}, {0.3, 4, 4}, {1, 0.5, 0.5},
        {0.9, 1, 3}, {0.85, 2, 1.5}};
    for (double[] c : candidates) {
      double byHv = improvementByHypervolume(POINTS, c[0], c[1], c[2]);
      assertEquals(byHv, FRONT.expected(c[1], c[2], c[0], 0), 1e-12, "candidate " + java.util.Arrays.toString(c));
      assertEquals(byHv, FRONT.improvement(c[0], c[1], c[2]), 1e-12);
    }
    assertTrue(FRONT.improvement(0.95, 2.5, 2.5) > 0);
    assertEquals(0, FRONT.improvement(0.9, 1, 3), 0, "a point of the front adds nothing");
  }

  @Test
  void theClosedFormMatchesTheGaussianIntegralOfTheImprovement() {
    double[][] cases = { // s, e, mean, sd
        {2.5, 2.5, 0.75, 0.1}, {1.5, 4, 0.95, 0.2}, {3.5, 1.5, 0.3, 0.3}, {0.5, 0.5, 0.8, 0.15}, {2, 2, 0.6, 0.05}};
    for (double[] c : cases) {
      double numeric = gaussianIntegralOfImprovement(c[0], c[1], c[2], c[3]);
      double closed = FRONT.expected(c[0], c[1], c[2], c[3]);
      assertTrue(numeric > 1e-4, "a case with something to improve: " + numeric);
      assertEquals(numeric, closed, 1e-3 * numeric, "s, e, mean, sd = " + java.util.Arrays.toString(c));
    }
  }

  /**
   * E[HVI(min(max(A, 0), 1))] for A ~ N(mean, sd^2) by Simpson's rule over mean +- 10 sd, the
   * improvement computed by runtime's hypervolume at every node.
   */
  private static double gaussianIntegralOfImprovement(double s, double e, double mean, double sd) {
    int n = 4000; // even
    double lo = mean - 10 * sd;
    double h = 20 * sd / n;
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      double a = lo + i * h;
      double z = (a - mean) / sd;
      double f = improvementByHypervolume(POINTS, Math.min(Math.max(a, 0), 1), s, e) * Math.exp(-0.5 * z * z)
          / (sd * Math.sqrt(2 * Math.PI));
      sum += f * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
    }
    return sum * h / 3;
  }

  @Test
  void aCandidateDominatedWhateverItsAccuracyHasNone() {
    ExpectedHypervolumeImprovement.Front perfect = new ExpectedHypervolumeImprovement.Front(List.of(new double[] {1, 3, 3}));
    assertEquals(0, perfect.expected(2, 2, 0.9, 0.3), 0);
    assertEquals(0, perfect.expected(3, 3, 0.5, 0.5), 0, "equal to the point");
    assertTrue(perfect.expected(3.5, 2, 0.5, 0.1) > 0, "faster than the point: improves whatever its accuracy");
    // dominated at its mean but not at every accuracy: uncertainty is worth something
    assertEquals(0, FRONT.expected(1.5, 1.5, 0.6, 0), 0);
    assertTrue(FRONT.expected(1.5, 1.5, 0.6, 0.2) > FRONT.expected(1.5, 1.5, 0.6, 0.05));
    assertTrue(FRONT.expected(1.5, 1.5, 0.6, 0.05) > 0);
  }

  @Test
  void anEmptyFrontGivesTheBoxTimesTheExpectedClippedAccuracy() {
    ExpectedHypervolumeImprovement.Front empty = new ExpectedHypervolumeImprovement.Front(List.of());
    assertEquals(2 * 3 * 0.4, empty.expected(2, 3, 0.4, 0), 1e-12);
    assertEquals(6, empty.expected(2, 3, 1.7, 0), 1e-12, "the accuracy is clipped at 1");
    assertEquals(0, empty.expected(2, 3, -0.2, 0), 0, "and at 0");
    // E[min(max(A, 0), 1)] for A ~ N(0.5, 0.3^2) is 0.5 by symmetry
    assertEquals(3, empty.expected(2, 3, 0.5, 0.3), 1e-12);
    assertEquals(0, empty.expected(0, 3, 0.5, 0.3), 0, "no speedup, no volume");
  }

  @Test
  void aBelievedPickLeavesNothingToImproveWhereItStands() {
    ExpectedHypervolumeImprovement.Front believed = FRONT.with(0.95, 2.5, 2.5);
    assertTrue(FRONT.improvement(0.95, 2.5, 2.5) > 0);
    assertEquals(0, believed.improvement(0.95, 2.5, 2.5), 1e-12);
    assertTrue(believed.expected(2.5, 2.5, 0.95, 0.1) < FRONT.expected(2.5, 2.5, 0.95, 0.1));
    assertEquals(3, FRONT.points().size(), "a front is immutable");
  }

  @Test
  void ehviProposesOtherwiseThanTheCostAndReproducibly() {
    List<Trial> byCost = ParEgoTest.run(Smac.builder(mlp).seed(8).budget(40).initialDesignSize(6), 40);
    List<Trial> byEhvi = ParEgoTest.run(Smac.builder(mlp).seed(8).budget(40).initialDesignSize(6).expectedHypervolumeImprovement(EHVI), 40);
    assertEquals(byCost.subList(0, 6), byEhvi.subList(0, 6), "the same initial design");
    assertNotEquals(byCost, byEhvi);
    assertEquals(byEhvi, ParEgoTest.run(Smac.builder(mlp).seed(8).budget(40).initialDesignSize(6).expectedHypervolumeImprovement(EHVI), 40));
    String scenario = Smac.builder(mlp).expectedHypervolumeImprovement(EHVI).build().scenario();
    assertTrue(scenario.contains("proposals: EHVI("));
    assertTrue(scenario.contains("acquisition: EHVI (proposals)"), "EHVI, not the unused log-EI:\n" + scenario);
  }

  @Test
  void anEhviSearchRestoredFromItsHistoryContinuesExactly() {
    Smac.Builder settings = Smac.builder(mlp).seed(21).budget(40).initialDesignSize(4).expectedHypervolumeImprovement(EHVI);
    Smac original = settings.build();
    for (int r = 0; r < 4; r++) {
      for (Trial t : original.ask(3)) {
        original.tell(t, ParEgoTest.evaluate(t.config()));
      }
    }
    List<Trial> pending = original.ask(3); // a batch still out: resumed, its trials are believed again
    Smac resumed = settings.restore(original.snapshot());
    for (Trial t : pending) {
      original.tell(t, ParEgoTest.evaluate(t.config()));
      resumed.tell(t, ParEgoTest.evaluate(t.config()));
    }
    for (int r = 0; r < 3; r++) {
      List<Trial> a = original.ask(3);
      assertEquals(a, resumed.ask(3), "round " + r);
      for (Trial t : a) {
        original.tell(t, ParEgoTest.evaluate(t.config()));
        resumed.tell(t, ParEgoTest.evaluate(t.config()));
      }
    }
  }

  @Test
  void notTogetherWithParEgo() {
    Smac.Builder both = Smac.builder(mlp).expectedHypervolumeImprovement(EHVI)
        .parEgo(ParEgo.maximising(List.of("accuracy", "speedup")));
    assertThrows(IllegalArgumentException.class, both::build);
    assertThrows(IllegalArgumentException.class, () -> ExpectedHypervolumeImprovement.maximising("accuracy",
        List.of("speedup"), ExpectedHypervolumeImprovementTest::known));
  }

  /** The speedup and energy reduction {@link ParEgoTest#evaluate} reports: known without training. */
  static double[] known(Configuration c) {
    TrialResult r = ParEgoTest.evaluate(c);
    return new double[] {r.objectives().get("speedup"), r.objectives().get("energyReduction")};
  }
}
