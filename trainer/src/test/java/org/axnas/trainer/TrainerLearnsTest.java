package org.axnas.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.axnas.core.Network;
import org.junit.jupiter.api.Test;

class TrainerLearnsTest {
  private static final Dataset TRAIN = TestData.kmeans(4000, 1);
  private static final Dataset VALIDATION = TestData.kmeans(1000, 2);
  private static final Dataset TEST = TestData.kmeans(2000, 3);

  @Test
  void fastBackendLearnsTheKmeansDistance() {
    TrainingResult r = Trainer.train(Network.parse("6-16:sigmoid-8:sigmoid-1"),
        TestData.adam().withEpochs(150).withBatchSize(64), TRAIN, VALIDATION);
    assertEquals(TrainingStatus.OK, r.status(), r.toString());
    assertEquals(150, r.epochsRun());
    assertEquals(150, r.trainLoss().length);
    assertEquals(150, r.validationLoss().length);
    double mae = TestData.meanAbsoluteError(r.model(), TEST);
    double baseline = TestData.meanBaselineError(TRAIN, TEST);
    // Distances lie in [0, 1.7] with a mean near 0.66; the mean predictor is off by ~0.2. A
    // trainer with a wrong gradient, no update or a scaling slip stays near that.
    assertTrue(mae < 0.02, "mean absolute error " + mae + " (baseline " + baseline + ")");
    assertTrue(mae < baseline / 10, "mean absolute error " + mae + " vs baseline " + baseline);
    assertTrue(r.validationLoss()[149] < 0.01 * r.validationLoss()[0] + 0.01, r.toString());
  }

  @Test
  void dl4jBackendLearnsTheKmeansDistance() {
    TrainingResult r = Trainer.train(Network.parse("6-16:tanh-1"),
        TestData.adam().withEpochs(25).withBatchSize(100).withBackend(Backend.DL4J), TRAIN, null);
    assertEquals(TrainingStatus.OK, r.status(), r.toString());
    assertEquals(0, r.validationLoss().length);
    double mae = TestData.meanAbsoluteError(r.model(), TEST);
    double baseline = TestData.meanBaselineError(TRAIN, TEST);
    assertTrue(mae < baseline / 5, "mean absolute error " + mae + " vs baseline " + baseline);
  }

  @Test
  void reluNetworkLearnsToo() {
    TrainingResult r = Trainer.train(Network.parse("6-32:relu-1"),
        TestData.adam().withEpochs(60).withBatchSize(64), TRAIN, null);
    assertEquals(TrainingStatus.OK, r.status(), r.toString());
    double mae = TestData.meanAbsoluteError(r.model(), TEST);
    assertTrue(mae < TestData.meanBaselineError(TRAIN, TEST) / 5, "mean absolute error " + mae);
  }
}
