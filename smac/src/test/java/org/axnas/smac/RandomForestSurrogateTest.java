package org.axnas.smac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.axnas.smac.SurrogateModel.PreparedRows;
import org.junit.jupiter.api.Test;

class RandomForestSurrogateTest {
  private final ConfigurationSpace space = MlpSpace.builder().build();

  private TrainingData data(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<HistoryEntry> entries = new ArrayList<>();
    Set<Configuration> seen = new HashSet<>();
    while (entries.size() < n) {
      Configuration c = space.sample(random);
      if (seen.add(c)) {
        entries.add(new HistoryEntry(new Trial(entries.size(), c, 0), TrialResult.ok(SyntheticObjectives.curvedValleyCost(c))));
      }
    }
    return RunHistoryEncoder.logScaled().encode(space, entries);
  }

  private double[][] rows(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = space.encode(space.sample(random));
    }
    return rows;
  }

  @Test
  void predictionsAreTheMeanAndVarianceOfSmilesTrees() {
    for (boolean nominal : new boolean[] {true, false}) {
      RandomForestSurrogate model = new RandomForestSurrogate(10, 1.0, 1, 1 << 20, 1e-10, nominal);
      RandomForestSurrogate.Forest forest = (RandomForestSurrogate.Forest) model.train(data(80, 1), 7);
      for (double[] row : rows(200, 2)) {
        double[] perTree = forest.perTree(row);
        double mean = java.util.Arrays.stream(perTree).average().orElseThrow();
        double var = java.util.Arrays.stream(perTree).map(p -> (p - mean) * (p - mean)).sum() / perTree.length;
        Prediction p = forest.predict(row);
        assertEquals(mean, p.mean(), 1e-12);
        assertEquals(Math.max(1e-10, var), p.variance(), 1e-12);
        // our walk through the flattened trees equals Smile's own RandomForest.predict
        assertEquals(forest.smilePredict(row), p.mean(), 1e-9);
      }
    }
  }

  @Test
  void sameDataAndSeedGiveTheSameForest() {
    TrainingData d = data(60, 3);
    double[][] q = rows(300, 4);
    double[] a = predictMeans(RandomForestSurrogate.defaults().train(d, 11), q);
    assertArrayEquals(a, predictMeans(RandomForestSurrogate.defaults().train(d, 11), q));
    assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(predictMeans(RandomForestSurrogate.defaults().train(d, 12), q)));
  }

  private static double[] predictMeans(SurrogateModel.Surrogate s, double[][] q) {
    double[] m = new double[q.length];
    s.predict(q, m, new double[q.length]);
    return m;
  }

  @Test
  void aLieMovesThePredictionAtItsPointAndPreparedRowsSeeIt() {
    TrainingData d = data(60, 5);
    SurrogateModel.Surrogate forest = RandomForestSurrogate.defaults().train(d, 1);
    double[][] q = rows(500, 6);
    PreparedRows prepared = forest.prepare(q);
    double[] before = predictMeans(forest, q);
    double lie = d.worst() + 5;
    forest.believe(q[0], lie);
    double[] after = predictMeans(forest, q);
    assertTrue(after[0] > before[0], "the lied-about point looks worse");
    double[] m = new double[q.length];
    double[] v = new double[q.length];
    prepared.predict(m, v);
    assertArrayEquals(after, m, 0);
    int unchanged = 0;
    for (int i = 1; i < q.length; i++) {
      assertTrue(after[i] >= before[i]);
      unchanged += after[i] == before[i] ? 1 : 0;
    }
    assertTrue(unchanged > 0, "points in other leaves keep their prediction");
  }
}
