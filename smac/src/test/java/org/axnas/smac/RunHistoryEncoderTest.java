package org.axnas.smac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunHistoryEncoderTest {
  private final ConfigurationSpace space = ConfigurationSpace.builder().add(IntegerHyperparameter.of("k", 0, 99)).build();

  private List<HistoryEntry> entries(double... costs) {
    List<HistoryEntry> out = new ArrayList<>();
    for (int i = 0; i < costs.length; i++) {
      Configuration c = space.configuration(java.util.Map.of("k", i));
      TrialResult r = Double.isNaN(costs[i]) ? TrialResult.failed(Status.DIVERGED, 1) : TrialResult.ok(costs[i]);
      out.add(new HistoryEntry(new Trial(i, c, 0), r));
    }
    return out;
  }

  @Test
  void logScalingHandlesZeroAndNegativeCosts() {
    // cost = -f_perf: in [-1, 0] and often exactly 0 for useless networks
    double[] costs = {-0.82, 0.0, -0.5, -0.81, 0.0, -0.1};
    double[] y = RunHistoryEncoder.logScaled().encode(space, entries(costs)).y();
    for (int i = 0; i < y.length; i++) {
      assertTrue(Double.isFinite(y[i]));
      for (int j = 0; j < y.length; j++) {
        assertEquals(Double.compare(costs[i], costs[j]), Double.compare(y[i], y[j]), "order kept");
      }
    }
    assertEquals(0.0, y[1], 0);
    assertTrue(y[0] < y[3] - 0.1, "differences near the best are stretched");
  }

  @Test
  void failedTrialsGetTheWorstObservedCost() {
    TrainingData d = RunHistoryEncoder.linear().encode(space, entries(2.0, Double.NaN, 4.0, 3.0));
    assertArrayEquals(new double[] {0, 1, 1, 0.5}, d.y(), 1e-15);
    assertEquals(4, d.x().length);
    TrainingData allFailed = RunHistoryEncoder.logScaled().encode(space, entries(Double.NaN, Double.NaN));
    assertArrayEquals(new double[] {0, 0}, allFailed.y());
  }

  @Test
  void percentileInterpolatesLikeNumpy() {
    double[] sorted = {1, 2, 3, 4, 5};
    assertEquals(1.2, RunHistoryEncoder.LogScaledCostEncoder.percentile(sorted, 5), 1e-12);
    assertEquals(3.0, RunHistoryEncoder.LogScaledCostEncoder.percentile(sorted, 50), 1e-12);
    assertEquals(5.0, RunHistoryEncoder.LogScaledCostEncoder.percentile(sorted, 100), 1e-12);
  }
}
