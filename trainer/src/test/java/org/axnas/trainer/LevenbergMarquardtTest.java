package org.axnas.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.axnas.core.Network;
import org.junit.jupiter.api.Test;

/** Full-batch Levenberg-Marquardt: an exact fit, against L-BFGS, determinism and the time limit. */
class LevenbergMarquardtTest {
  private static TrainingSettings lm(int iterations) {
    return TrainingSettings.defaults().withOptimizer(TrainingSettings.LM, 1).withEpochs(iterations).withSeed(5);
  }

  @Test
  void aLinearNetworkFitsAnExactLinearFunctionInAFewIterations() {
    // y = 2 x0 - 3 x1 + 0.5 x2 + 1: a linear least-squares problem, which LM solves in about one step
    SplittableRandom r = new SplittableRandom(7);
    int n = 400;
    float[] x = new float[n * 3];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 3; j++) {
        x[i * 3 + j] = (float) r.nextGaussian();
      }
      y[i] = 2 * x[i * 3] - 3 * x[i * 3 + 1] + 0.5f * x[i * 3 + 2] + 1;
    }
    Dataset d = Dataset.of(x, y, 3, 1);
    TrainingResult res = Trainer.train(Network.parse("3-1"), lm(10), d, null);
    assertEquals(TrainingStatus.OK, res.status(), res.reason());
    assertTrue(res.trainLoss()[res.trainLoss().length - 1] < 1e-10, "MSE " + res.trainLoss()[res.trainLoss().length - 1]);
    float[] p = res.model().predict(new float[] {1, 1, 1}, 1);
    assertEquals(0.5, p[0], 1e-4);
  }

  @Test
  void onASmallNetworkItGetsFurtherThanLbfgsInTheSameIterations() {
    Dataset train = ExportTest.inversek2j(1500, 1);
    Network net = Network.parse("2-8:tanh-2");
    TrainingResult lm = Trainer.train(net, lm(60), train, null);
    TrainingResult lbfgs = Trainer.train(net, lm(60).withOptimizer(TrainingSettings.LBFGS, 1), train, null);
    double lmLoss = lm.trainLoss()[lm.trainLoss().length - 1];
    double lbfgsLoss = lbfgs.trainLoss()[lbfgs.trainLoss().length - 1];
    assertTrue(lmLoss < lbfgsLoss, "LM " + lmLoss + " vs L-BFGS " + lbfgsLoss + " after 60 iterations");
  }

  @Test
  void theJacobianIsTheFiniteDifferenceOfTheOutputs() {
    for (String n : new String[] {"3-4:sigmoid-5:sigmoid-2", "3-4:tanh-5:tanh-2", "3-4:relu-5:sigmoid-2:sigmoid"}) {
      Network net = Network.parse(n);
      float[] in = {0.3f, -0.2f, 0.5f};
      LevenbergMarquardtEngine e = new LevenbergMarquardtEngine(net, MlpWeights.xavier(net, new SplittableRandom(3)),
          new float[][] {in}, new float[][] {{0, 0}});
      for (int k = 0; k < 2; k++) {
        double[] j = e.jacobian(in, k);
        for (int i = 0; i < j.length - 1; i++) {
          double fd = (e.outputWith(in, k, i, 1e-6) - e.outputWith(in, k, i, -1e-6)) / 2e-6;
          assertEquals(fd, j[i], 1e-8, n + ": output " + k + ", parameter " + i);
        }
      }
    }
  }

  @Test
  void theSeedDecidesTheResult() {
    Dataset train = ExportTest.inversek2j(500, 3);
    Network net = Network.parse("2-6:sigmoid-2");
    TrainedModel a = Trainer.train(net, lm(20), train, null).model();
    TrainedModel b = Trainer.train(net, lm(20), train, null).model();
    assertTrue(a.sameParameters(b));
    assertArrayEquals(a.weights(0), b.weights(0));
  }

  @Test
  void theTimeLimitIsHonouredInsideAnIteration() {
    Dataset train = ExportTest.inversek2j(20000, 4);
    Network net = Network.parse("2-64:tanh-64:tanh-2"); // 4,482 parameters: one iteration takes far longer than the limit
    TrainingResult r = Trainer.train(net, lm(5).withTimeLimitSeconds(0.2), train, null);
    assertEquals(TrainingStatus.TIMEOUT, r.status());
    assertTrue(r.wallSeconds() < 3, "stopped inside the iteration: " + r.wallSeconds() + " s");
  }
}
