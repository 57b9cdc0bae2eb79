package org.axnas.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.axnas.core.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class FailureModesTest {
  private static final Network NET = Network.parse("6-8:sigmoid-8:sigmoid-1");
  private static final Dataset TRAIN = TestData.kmeans(1000, 11);

  @ParameterizedTest
  @EnumSource(Backend.class)
  void absurdLearningRateIsReportedAsDivergedNotThrown(Backend backend) {
    TrainingResult r = Trainer.train(NET,
        TestData.adam().withEpochs(50).withOptimizer("sgd", 1e6).withBackend(backend), TRAIN, null);
    assertEquals(TrainingStatus.DIVERGED, r.status(), r.toString());
    assertNull(r.model());
    assertTrue(r.divergedEpoch() >= 1 && r.divergedEpoch() <= 50, r.toString());
    assertEquals(r.divergedEpoch(), r.trainLoss().length);
    assertTrue(!Double.isFinite(r.finalTrainLoss()), r.toString());
    assertTrue(r.reason().contains("epoch " + r.divergedEpoch()), r.reason());
  }

  @Test
  void absurdAdamLearningRateDivergesToo() {
    TrainingResult r = Trainer.train(NET, TestData.adam().withEpochs(50).withLearningRate(1e30), TRAIN, null);
    assertEquals(TrainingStatus.DIVERGED, r.status(), r.toString());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void timeLimitGivesTimeout(Backend backend) {
    TrainingResult r = Trainer.train(NET, TestData.adam().withEpochs(1_000_000)
        .withTimeLimitSeconds(0.3).withBackend(backend), TRAIN, null);
    assertEquals(TrainingStatus.TIMEOUT, r.status(), r.toString());
    assertNull(r.model());
    assertTrue(r.reason().contains("time limit"), r.reason());
    assertTrue(r.epochsRun() < 1_000_000);
    assertEquals(r.epochsRun(), r.trainLoss().length);
    // Checked before every minibatch; the slack covers DL4J's start-up and a loaded machine.
    assertTrue(r.wallSeconds() < 0.3 + 5, r.toString());
  }

  @Test
  void aHugeTimeLimitIsNoLimit() {
    TrainingResult r = Trainer.train(NET, TestData.adam().withEpochs(2).withTimeLimitSeconds(1e15),
        TRAIN, null);
    assertEquals(TrainingStatus.OK, r.status(), r.toString());
  }

  @Test
  void nonFiniteDataFailsWithTheSample() {
    float[] x = TRAIN.x();
    x[6 * 17 + 2] = Float.NaN;
    TrainingResult r = Trainer.train(NET, TestData.adam().withEpochs(2),
        Dataset.of(x, TRAIN.y(), 6, 1), null);
    assertEquals(TrainingStatus.FAILED, r.status());
    assertTrue(r.reason().contains("sample 17"), r.reason());
  }

  @Test
  void contradictoryArgumentsAreRejected() {
    Dataset wrongWidth = TestData.noise(10, 5, 1, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Trainer.train(NET, TestData.adam(), wrongWidth, null));
    assertTrue(e.getMessage().contains("5 -> 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Trainer.train(NET, TestData.adam().withPatience(3), TRAIN, null));
    assertTrue(e.getMessage().contains("validation"), e.getMessage());
  }

  @Test
  void settingsSayWhatIsWrong() {
    TrainingSettings d = TrainingSettings.defaults();
    assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withEpochs(0)).getMessage().contains("epochs"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withBatchSize(0)).getMessage().contains("batch"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withOptimizer("rmsprop", 0.1))
        .getMessage().contains("auto, adam, sgd, lbfgs"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withLearningRate(-1)).getMessage().contains("learning rate"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withLearningRate(Double.NaN)).getMessage().contains("learning rate"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withPatience(-1)).getMessage().contains("patience"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withTimeLimitSeconds(-2)).getMessage().contains("time limit"));
    assertEquals("adam", d.withOptimizer(" ADAM ", 0.1).optimizer());
    assertEquals(Backend.FAST, d.withBackend(null).backend());
  }

  @Test
  void datasetRejectsRaggedArrays() {
    assertThrows(IllegalArgumentException.class, () -> Dataset.of(new float[7], new float[1], 6, 1));
    assertThrows(IllegalArgumentException.class, () -> Dataset.of(new float[12], new float[3], 6, 1));
    float[] x = new float[6];
    Dataset d = Dataset.of(x, new float[1], 6, 1);
    x[0] = 5;
    assertEquals(0f, d.x(0, 0), "the dataset copied its input");
  }
}
