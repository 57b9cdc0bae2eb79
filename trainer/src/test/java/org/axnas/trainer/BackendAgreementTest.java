package org.axnas.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.axnas.core.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FAST against DL4J from the same initial weights and minibatch order (the trainer gives both
 * the same): the loss curves must agree epoch by epoch. They differ only by float rounding (DL4J
 * sums in other orders, computes exp in float, and FAST trains with a rational tanh accurate to
 * 2e-7), which Adam's normalised steps do not amplify over a few epochs.
 */
class BackendAgreementTest {
  /** Largest relative difference allowed between the backends' per-epoch losses. */
  static final double TOLERANCE = 1e-4;

  @ParameterizedTest
  @CsvSource({
      "6-8:sigmoid-8:sigmoid-1, adam, 0.03, 12, 50",
      "6-32:tanh-16:relu-1, adam, 0.003, 8, 75",
      "6-24:sigmoid-1, sgd, 0.5, 8, 75"})
  void sameInitialWeightsGiveTheSameLossCurve(String notation, String optimizer, double lr, int epochs, int batch) {
    Network net = Network.parse(notation);
    Dataset train = TestData.kmeans(1500, 51);
    Dataset validation = TestData.kmeans(500, 52);
    TrainingSettings s = TestData.adam().withEpochs(epochs).withBatchSize(batch)
        .withOptimizer(optimizer, lr);
    TrainingResult fast = Trainer.train(net, s.withBackend(Backend.FAST), train, validation);
    TrainingResult dl4j = Trainer.train(net, s.withBackend(Backend.DL4J), train, validation);
    assertTrue(fast.ok() && dl4j.ok(), fast + " / " + dl4j);
    double[] f = fast.trainLoss();
    double[] d = dl4j.trainLoss();
    double[] fv = fast.validationLoss();
    double[] dv = dl4j.validationLoss();
    assertEquals(f.length, d.length);
    double worst = 0;
    for (int e = 0; e < f.length; e++) {
      worst = Math.max(worst, Math.max(Math.abs(f[e] / d[e] - 1), Math.abs(fv[e] / dv[e] - 1)));
      assertEquals(d[e], f[e], TOLERANCE * d[e], "train loss, epoch " + (e + 1));
      assertEquals(dv[e], fv[e], TOLERANCE * dv[e], "validation loss, epoch " + (e + 1));
    }
    System.out.printf("%s %s: FAST vs DL4J loss curves differ by at most %.2e (relative)%n", notation, optimizer, worst);
    // ... and the loss did fall, so the comparison is not between two idle trainers.
    assertTrue(f[f.length - 1] < 0.5 * f[0], java.util.Arrays.toString(f));
  }
}
