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
  void withAOneCycleScheduleItWaitsForTheWarmUpThenCoolsDownAndKeepsTheBestEpoch() {
    // 200 epochs of 4 minibatches: the warm-up is 0.3 * 800 = 240 steps, 60 epochs, during which
    // the rising rate may worsen the validation loss without ending the training. The plateau
    // after it starts a cool-down of `patience` epochs, after which the training ends.
    Dataset train = TestData.noise(60, 4, 1, 31);
    Dataset validation = TestData.noise(200, 4, 1, 32);
    int patience = 5;
    TrainingResult r = Trainer.train(Network.parse("4-64:tanh-64:tanh-1"), TestData.adam().withEpochs(200)
        .withBatchSize(16).withPatience(patience).withSchedule(LearningRateSchedule.ONE_CYCLE), train, validation);
    assertEquals(TrainingStatus.OK, r.status(), r.toString());
    double[] v = r.validationLoss();
    // The plateau was noticed `patience` epochs before the end: `patience` epochs after the best
    // epoch up to then, or after the warm-up.
    int plateau = r.epochsRun() - patience;
    int bestBefore = argMin(v, plateau) + 1;
    assertEquals(Math.max(bestBefore, 60) + patience, plateau, r.toString());
    assertTrue(r.epochsRun() < 200, r.toString());
    double best = Arrays.stream(v).min().orElseThrow();
    assertEquals(best, v[r.bestEpoch() - 1]);
    assertEquals(best, scaledLoss(r.model(), validation), 1e-4 * best);
  }

  @Test
  void aPlateauAtTheHighRateStartsACoolDownThatAnnealsTheRate() {
    // A 1,000-epoch one-cycle budget peaks at epoch 300; at 0.03 minibatch Adam on 16-sample
    // batches wanders around the minimum of a function the network can learn, so the validation
    // loss stalls at the peak. The plateau starts a cool-down of `patience` epochs down to the
    // schedule's last rate: the validation loss falls well below the plateau's, and at the last
    // epoch the rate is so low that it barely moves; then the training ends, 640 epochs early.
    Dataset train = TestData.kmeans(2000, 41);
    Dataset validation = TestData.kmeans(256, 42);
    int patience = 20;
    TrainingResult r = Trainer.train(Network.parse("6-16:tanh-1"), TestData.adam().withEpochs(1000)
        .withBatchSize(16).withPatience(patience).withSchedule(LearningRateSchedule.ONE_CYCLE)
        .withOptimizer(TrainingSettings.ADAM, 0.03), train, validation);
    assertEquals(TrainingStatus.OK, r.status(), r.toString());
    double[] v = r.validationLoss();
    int plateau = r.epochsRun() - patience;
    assertEquals(Math.max(argMin(v, plateau) + 1, 300) + patience, plateau, r.toString());
    double last = v[v.length - 1];
    assertTrue(last < 0.5 * v[plateau - 1], "after the cool-down " + last + ", at the plateau " + v[plateau - 1]);
    double[] tail = Arrays.copyOfRange(v, v.length - 2, v.length);
    assertTrue(Arrays.stream(tail).max().orElseThrow() < 1.001 * Arrays.stream(tail).min().orElseThrow(),
        "the last epochs' validation losses still move: " + Arrays.toString(tail));
    double best = Arrays.stream(v).min().orElseThrow();
    assertEquals(best, v[r.bestEpoch() - 1]);
  }

  /** The index of the smallest of the first {@code n} values. */
  private static int argMin(double[] v, int n) {
    int best = 0;
    for (int i = 1; i < n; i++) {
      best = v[i] < v[best] ? i : best;
    }
    return best;
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
