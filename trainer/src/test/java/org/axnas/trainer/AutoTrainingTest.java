package org.axnas.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.axnas.core.Network;
import org.junit.jupiter.api.Test;

/** The {@code auto} rule as trainer/README.md states it. */
class AutoTrainingTest {
  private static final TrainingSettings AUTO = TrainingSettings.defaults();

  @Test
  void autoIsTheDefault() {
    assertEquals(TrainingSettings.AUTO, AUTO.optimizer());
  }

  @Test
  void largerNarrowInputNetworksGetFullBatchLbfgsWithABudgetFromTheirWork() {
    // 6-16:tanh-16:tanh-1 has 401 parameters; on 14,000 samples LM's work is 2.3e9 > 1.2e9:
    // 401 x 14000 = 5.6e6, 1.2e11 / 5.6e6 = 21,375 -> capped at 8000.
    TrainingSettings s = AutoTraining.resolve(AUTO, Network.parse("6-16:tanh-16:tanh-1"), 14000, true);
    assertEquals(TrainingSettings.LBFGS, s.optimizer());
    assertEquals(8000, s.epochs());
    assertEquals(2000, s.patience());
    // 6-64:relu-64:relu-1 has 4673: 1.2e11 / (4673 x 7000) = 3668 iterations.
    TrainingSettings big = AutoTraining.resolve(AUTO, Network.parse("6-64:relu-64:relu-1"), 7000, true);
    assertEquals(3668, big.epochs());
    assertEquals(917, big.patience());
    // Very large work still gets the minimum.
    assertEquals(500, AutoTraining.resolve(AUTO, Network.parse("6-128:relu-128:relu-1"), 100_000, true).epochs());
  }

  @Test
  void smallNarrowInputNetworksGetLevenbergMarquardt() {
    // 6-16:tanh-16:tanh-1: 401 parameters, 7000 x 1 x 401^2 = 1.126e9 <= 1.7e9; 2.26e12 / 1.126e9 = 2007 iterations
    TrainingSettings s = AutoTraining.resolve(AUTO, Network.parse("6-16:tanh-16:tanh-1"), 7000, true);
    assertEquals(TrainingSettings.LM, s.optimizer());
    assertEquals(2007, s.epochs());
    assertEquals(501, s.patience());
    // 6-8:sigmoid-8:sigmoid-1 (137): 1.3e8 an iteration, 8,600 by the work: capped at 3,000
    assertEquals(3000, AutoTraining.resolve(AUTO, Network.parse("6-8:sigmoid-8:sigmoid-1"), 7000, true).epochs());
    // fft's 1-16:tanh-16:tanh-2 (338, two outputs): 1.6e9 an iteration, 1,413 iterations
    assertEquals(1413, AutoTraining.resolve(AUTO, Network.parse("1-16:tanh-16:tanh-2"), 7000, true).epochs());
    // 6-16:tanh-16:tanh-1 on 10,000 samples: 1.6e9 an iteration, 1,405
    assertEquals(1405, AutoTraining.resolve(AUTO, Network.parse("6-16:tanh-16:tanh-1"), 10000, true).epochs());
    // 6-32:tanh-1 (257) on 30,000 samples: 1.98e9, L-BFGS; two outputs count twice: 2-32:tanh-32:tanh-2 has 1,218 parameters
    assertEquals(TrainingSettings.LBFGS, AutoTraining.resolve(AUTO, Network.parse("6-32:tanh-1"), 30000, true).optimizer());
    assertEquals(TrainingSettings.LM, AutoTraining.resolve(AUTO, Network.parse("1-16:tanh-16:tanh-2"), 7000, true).optimizer());
    assertEquals(TrainingSettings.LBFGS,
        AutoTraining.resolve(AUTO, Network.parse("2-32:tanh-32:tanh-2"), 7000, true).optimizer());
    assertEquals(TrainingSettings.LM, AutoTraining.resolve(AUTO, Network.parse("2-8:sigmoid-2"), 7000, true).optimizer());
    assertEquals(50, AutoTraining.resolve(AUTO.withEpochs(50), Network.parse("2-8:sigmoid-2"), 7000, true).epochs());
  }

  @Test
  void wideInputNetworksGetMinibatchAdamOnOneCycle() {
    TrainingSettings s = AutoTraining.resolve(AUTO.withBatchSize(128), Network.parse("64-16:sigmoid-64"), 2867, true);
    assertEquals(TrainingSettings.ADAM, s.optimizer());
    assertEquals(LearningRateSchedule.ONE_CYCLE, s.schedule());
    assertEquals(1000, s.epochs());
    assertEquals(0.01, s.learningRate());
    assertEquals(50, s.patience());
    assertEquals(128, s.batchSize(), "the caller's batch size stays");
  }

  @Test
  void theCallersEpochsCapTheBudget() {
    TrainingSettings lbfgs = AutoTraining.resolve(AUTO.withEpochs(150), Network.parse("6-16:tanh-16:tanh-1"), 14000, true);
    assertEquals(150, lbfgs.epochs());
    assertEquals(37, lbfgs.patience());
    TrainingSettings adam = AutoTraining.resolve(AUTO.withEpochs(20), Network.parse("64-16:sigmoid-64"), 2867, true);
    assertEquals(20, adam.epochs());
    assertEquals(20, adam.patience());
  }

  @Test
  void withoutValidationThereIsNoEarlyStoppingAndDl4jKeepsPlainAdam() {
    assertEquals(0, AutoTraining.resolve(AUTO, Network.parse("6-8:sigmoid-1"), 1000, false).patience());
    assertEquals(0, AutoTraining.resolve(AUTO, Network.parse("9-8:sigmoid-1"), 1000, false).patience());
    TrainingSettings dl4j = AutoTraining.resolve(AUTO.withBackend(Backend.DL4J), Network.parse("6-8:sigmoid-1"), 1000, true);
    assertEquals(TrainingSettings.ADAM, dl4j.optimizer());
    assertEquals(LearningRateSchedule.CONSTANT, dl4j.schedule());
    TrainingSettings adam = TestData.adam();
    assertSame(adam, AutoTraining.resolve(adam, Network.parse("6-8:sigmoid-1"), 1000, true));
  }

  @Test
  void theResultRecordsTheSettingsAutoChose() {
    TrainingResult r = Trainer.train(Network.parse("6-4:tanh-1"), AUTO, TestData.kmeans(300, 3), TestData.kmeans(100, 4));
    assertTrue(r.ok(), r.toString());
    assertEquals(TrainingSettings.LM, r.settings().optimizer());
  }
}
