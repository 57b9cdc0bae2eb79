package org.axnas.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.EvaluationStatus;
import org.junit.jupiter.api.Test;

class FrontHypervolumeTest {
  private static Evaluation e(int trial, EvaluationStatus status, double accuracy, double speedup, double energy) {
    return Evaluation.newBuilder().setTrialId(trial).setRound(1).setNetwork("2-" + (trial + 1) + ":relu-2").setSeed(trial)
        .setStatus(status).setAccuracy(accuracy).setSpeedup(speedup).setEnergyReduction(energy).build();
  }

  @Test
  void growsWithTheFrontOnlyAndEndsAtTheWholeHistorys() {
    List<Evaluation> history = List.of(
        e(0, EvaluationStatus.OK, 0.5, 2, 2),       // 2
        e(1, EvaluationStatus.FAILED, 0.9, 9, 9),   // a failure's scores count for nothing
        e(2, EvaluationStatus.OK, 0.25, 1, 1),      // dominated
        e(3, EvaluationStatus.OK, 1.0, 1, 1),       // 2 + 1 - 0.5
        e(4, EvaluationStatus.OK, 0.5, 2, 2));      // a duplicate
    assertArrayEquals(new double[] {2, 2, 2, 2.5, 2.5}, FrontHypervolume.afterEach(history), 1e-12);
    assertEquals(2.5, FrontHypervolume.of(history), 1e-12);
    assertEquals(0, FrontHypervolume.of(List.of()));
  }
}
