package org.axnas.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.axnas.core.Network;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

  @Test
  void stopsWhenValidationLossStopsImprovingAndKeepsTheBestEpoch() {
    // Targets unrelated to the inputs: a wide network can only memorise the small train split,
    // so the validation loss soon rises and early stopping must end the run long before 2000.
    Dataset train = TestData.noise(60, 4, 1, 31);
    Dataset validation = TestData.noise(200, 4, 1, 32);
    int patience = 5;
    TrainingResult r = Trainer.train(Network.parse("4-64:tanh-64:tanh-1"),
        TestData.adam().withEpochs(2000).withBatchSize(16).withPatience(patience), train, validation);
    assertEquals(TrainingStatus.OK, r.status(), r.toString());
    assertTrue(r.epochsRun() < 200, "ran " + r.epochsRun() + " epochs");
    assertEquals(r.bestEpoch() + patience, r.epochsRun());
    double[] v = r.validationLoss();
    assertEquals(r.epochsRun(), v.length);
    double best = Arrays.stream(v).min().orElseThrow();
    assertEquals(best, v[r.bestEpoch() - 1]);
    // The model holds the best epoch's weights: its own validation loss is that minimum (up to
    // the training activations' float-level approximation).
    assertEquals(best, scaledLoss(r.model(), validation), 1e-4 * best);
  }

  @Test
  void withAOneCycleScheduleItWaitsForTheWarmUpAndKeepsTheBestEpoch() {
    // 200 epochs of 4 minibatches: the warm-up is 0.3 * 800 = 240 steps, 60 epochs, during which
    // the rising rate may worsen the validation loss without ending the training.
    Dataset train = TestData.noise(60, 4, 1, 31);
    Dataset validation = TestData.noise(200, 4, 1, 32);
    int patience = 5;
    TrainingResult r = Trainer.train(Network.parse("4-64:tanh-64:tanh-1"), TestData.adam().withEpochs(200)
        .withBatchSize(16).withPatience(patience).withSchedule(LearningRateSchedule.ONE_CYCLE), train, validation);
    assertEquals(TrainingStatus.OK, r.status(), r.toString());
    assertEquals(Math.max(r.bestEpoch(), 60) + patience, r.epochsRun(), r.toString());
    double[] v = r.validationLoss();
    double best = Arrays.stream(v).min().orElseThrow();
    assertEquals(best, v[r.bestEpoch() - 1]);
    assertEquals(best, scaledLoss(r.model(), validation), 1e-4 * best);
  }

  @Test
  void withoutPatienceAllEpochsRun() {
    TrainingResult r = Trainer.train(Network.parse("4-8:sigmoid-1"), TestData.adam().withEpochs(30),
        TestData.noise(60, 4, 1, 33), TestData.noise(50, 4, 1, 34));
    assertEquals(30, r.epochsRun());
    assertEquals(30, r.bestEpoch());
  }

  /** MSE of a model on a dataset in the model's scaled target units (what training minimises). */
  static double scaledLoss(TrainedModel m, Dataset d) {
    float[] p = m.predict(d.x(), d.size());
    float[] y = d.y();
    float std = m.scaling().outputStd()[0];
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double e = (p[i] - y[i]) / std;
      sum += e * e;
    }
    return sum / y.length;
  }
}
