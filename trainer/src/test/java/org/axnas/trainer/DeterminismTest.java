package org.axnas.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axnas.core.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeterminismTest {
  private static final Network NET = Network.parse("6-12:sigmoid-8:tanh-1");
  private static final Dataset TRAIN = TestData.kmeans(1500, 21);
  private static final Dataset VALIDATION = TestData.kmeans(300, 22);

  private static TrainingResult train(Backend backend, long seed) {
    TrainingResult r = Trainer.train(NET, TestData.adam().withEpochs(4).withBatchSize(100)
        .withSeed(seed).withBackend(backend), TRAIN, VALIDATION);
    assertTrue(r.ok(), r.toString());
    return r;
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void sameSeedAndDataGiveIdenticalWeights(Backend backend) {
    TrainingResult a = train(backend, 5);
    TrainingResult b = train(backend, 5);
    assertTrue(a.model().sameParameters(b.model()), "weights differ between two runs");
    assertArrayEquals(a.trainLoss(), b.trainLoss());
    assertArrayEquals(a.validationLoss(), b.validationLoss());
    assertFalse(a.model().sameParameters(train(backend, 6).model()), "another seed gave the same weights");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void twoTrainingsOnTwoThreadsMatchTheSequentialOne(Backend backend) throws Exception {
    TrainingResult sequential = train(backend, 9);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<TrainingResult>> runs = List.of(
          pool.submit(() -> train(backend, 9)), pool.submit(() -> train(backend, 9)));
      for (Future<TrainingResult> run : runs) {
        assertTrue(sequential.model().sameParameters(run.get().model()), "a parallel run differs");
      }
    } finally {
      pool.shutdown();
    }
  }
}
