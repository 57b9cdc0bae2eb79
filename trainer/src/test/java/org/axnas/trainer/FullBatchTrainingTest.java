package org.axnas.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.axnas.core.Network;
import org.junit.jupiter.api.Test;

/** Full-batch L-BFGS: known optima, determinism, the time limit inside an iteration, divergence. */
class FullBatchTrainingTest {

  private static TrainingSettings lbfgs(int iterations) {
    return TrainingSettings.defaults().withOptimizer(TrainingSettings.LBFGS, 1).withEpochs(iterations);
  }

  @Test
  void lbfgsSolvesALinearLeastSquaresProblemToItsNormalEquations() {
    // f(x) = |A x - b|^2 / m in double: the optimum solves A^T A x = A^T b.
    SplittableRandom r = new SplittableRandom(5);
    int m = 40;
    int n = 6;
    double[][] a = new double[m][n];
    double[] b = new double[m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = r.nextGaussian();
      }
      b[i] = r.nextGaussian();
    }
    StrongWolfeLineSearch.Objective f = (x, g) -> {
      java.util.Arrays.fill(g, 0);
      double loss = 0;
      for (int i = 0; i < m; i++) {
        double e = StrongWolfeLineSearch.dot(a[i], x) - b[i];
        loss += e * e / m;
        for (int j = 0; j < n; j++) {
          g[j] += 2 * e * a[i][j] / m;
        }
      }
      return loss;
    };
    Lbfgs opt = new Lbfgs(f, new double[n], 10, 1);
    Lbfgs.Iteration it = null;
    for (int k = 0; k < 100 && (it == null || it.ending() == Lbfgs.Ending.NONE); k++) {
      it = opt.next();
    }
    assertEquals(Lbfgs.Ending.CONVERGED, it.ending());
    assertArrayEquals(normalEquations(a, b), opt.position(), 1e-6);
  }

  @Test
  void aLinearNetworkFitsAnExactLinearFunction() {
    // 3-1 is y = W x + c: L-BFGS through the trainer (float kernels) must find W and c.
    SplittableRandom r = new SplittableRandom(7);
    int n = 500;
    float[] x = new float[n * 3];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 3; j++) {
        x[i * 3 + j] = (float) r.nextDouble();
      }
      y[i] = 2 * x[i * 3] - x[i * 3 + 1] + 0.5f * x[i * 3 + 2] + 3;
    }
    TrainingResult res = Trainer.train(Network.parse("3-1"), lbfgs(200), Dataset.of(x, y, 3, 1), null);
    assertEquals(TrainingStatus.OK, res.status(), res.toString());
    float[] p = res.model().predict(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1}, 4);
    assertEquals(3, p[0], 1e-5);
    assertEquals(5, p[1], 1e-5);
    assertEquals(2, p[2], 1e-5);
    assertEquals(3.5, p[3], 1e-5);
    assertTrue(res.finalTrainLoss() < 1e-10, res.toString());
    assertTrue(res.epochsRun() < 200, "stopped when converged: " + res);
  }

  @Test
  void aOneHiddenLayerNetworkFitsAFunctionItRepresentsExactly() {
    // Targets from a 2-3:tanh-1 teacher. A 2-8:tanh-1 student represents it exactly (five units
    // with zero output weights), so its optimum is zero loss; the spare units keep L-BFGS off the
    // saddles where a student of the teacher's own width often stalls.
    Network teacherNet = Network.parse("2-3:tanh-1");
    MlpWeights teacher = MlpWeights.xavier(teacherNet, new SplittableRandom(99));
    teacher.biases[0] = new float[] {0.3f, -0.2f, 0.5f};
    TrainedModel exact = new TrainedModel(teacherNet, Scaling.standardize(TestData.noise(10, 2, 1, 1)), teacher);
    SplittableRandom r = new SplittableRandom(3);
    int n = 400;
    float[] x = new float[n * 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (4 * r.nextDouble() - 2);
    }
    Dataset data = Dataset.of(x, exact.predict(x, n), 2, 1);
    // Seeds 1-11 all end below 1e-6 (scaled MSE; the targets' variance is 1), most below 1e-9.
    TrainingResult res = Trainer.train(Network.parse("2-8:tanh-1"), lbfgs(2000).withSeed(3), data, null);
    assertEquals(TrainingStatus.OK, res.status(), res.toString());
    assertTrue(res.finalTrainLoss() < 1e-10, "scaled MSE " + res.finalTrainLoss() + " after " + res.epochsRun());
  }

  @Test
  void sameSeedSameWeightsOtherSeedOtherWeights() {
    Dataset train = TestData.kmeans(600, 21);
    Network net = Network.parse("6-8:tanh-8:sigmoid-1");
    TrainingResult a = Trainer.train(net, lbfgs(60), train, null);
    TrainingResult b = Trainer.train(net, lbfgs(60), train, null);
    TrainingResult c = Trainer.train(net, lbfgs(60).withSeed(2), train, null);
    assertTrue(a.model().sameParameters(b.model()));
    assertArrayEquals(a.trainLoss(), b.trainLoss());
    assertFalse(a.model().sameParameters(c.model()));
  }

  @Test
  void theTimeLimitStopsAFullBatchIterationHalfWay() {
    // One full-batch evaluation of 6-128-128-1 on 200,000 samples is about 2e10 multiply-adds,
    // seconds on any machine: a 0.3 s limit can only be seen inside the first iteration.
    Dataset big = TestData.kmeans(200_000, 8);
    TrainingResult r = Trainer.train(Network.parse("6-128:tanh-128:tanh-1"),
        lbfgs(10).withTimeLimitSeconds(0.3), big, null);
    assertEquals(TrainingStatus.TIMEOUT, r.status(), r.toString());
    assertEquals(0, r.epochsRun(), "cut inside the first iteration");
    assertNull(r.model());
    assertTrue(r.reason().contains("time limit"), r.reason());
  }

  @Test
  void aStepScaleWithNoFiniteLossIsDivergence() {
    TrainingResult r = Trainer.train(Network.parse("6-8:sigmoid-8:sigmoid-1"),
        TrainingSettings.defaults().withOptimizer(TrainingSettings.LBFGS, 1e30).withEpochs(20),
        TestData.kmeans(500, 9), null);
    assertEquals(TrainingStatus.DIVERGED, r.status(), r.toString());
    assertEquals(1, r.divergedEpoch());
    assertTrue(r.reason().contains("iteration 1"), r.reason());
    assertNull(r.model());
  }

  @Test
  void earlyStoppingKeepsTheBestIteration() {
    // A wide net on noise overfits: the validation loss turns up, and the model is the best iterate.
    Dataset train = TestData.noise(60, 4, 1, 31);
    Dataset validation = TestData.noise(200, 4, 1, 32);
    TrainingResult r = Trainer.train(Network.parse("4-32:tanh-1"), lbfgs(3000).withPatience(20), train, validation);
    assertEquals(TrainingStatus.OK, r.status(), r.toString());
    assertEquals(r.bestEpoch() + 20, r.epochsRun());
    double best = java.util.Arrays.stream(r.validationLoss()).min().orElseThrow();
    assertEquals(best, r.validationLoss()[r.bestEpoch() - 1]);
    assertEquals(best, EarlyStoppingTest.scaledLoss(r.model(), validation), 1e-4 * best);
  }

  /** Solves A^T A x = A^T b by Gaussian elimination with partial pivoting. */
  private static double[] normalEquations(double[][] a, double[] b) {
    int n = a[0].length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (double[] row : a) {
          m[i][j] += row[i] * row[j];
        }
      }
      for (int k = 0; k < a.length; k++) {
        m[i][n] += a[k][i] * b[k];
      }
    }
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int i = c + 1; i < n; i++) {
        if (Math.abs(m[i][c]) > Math.abs(m[p][c])) {
          p = i;
        }
      }
      double[] t = m[c];
      m[c] = m[p];
      m[p] = t;
      for (int i = 0; i < n; i++) {
        if (i != c) {
          double f = m[i][c] / m[c][c];
          for (int j = c; j <= n; j++) {
            m[i][j] -= f * m[c][j];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = m[i][n] / m[i][i];
    }
    return x;
  }
}
