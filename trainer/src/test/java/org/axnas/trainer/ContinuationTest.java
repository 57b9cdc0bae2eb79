package org.axnas.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.axnas.core.Network;
import org.junit.jupiter.api.Test;

/**
 * A promoted multi-fidelity candidate continues its model: the loss curve goes on from where the
 * earlier training left it instead of starting again from Xavier's weights, and only the added
 * budget is trained.
 */
class ContinuationTest {
  private static final Dataset TRAIN = ExportTest.inversek2j(2000, 1);
  private static final Dataset VALIDATION = ExportTest.inversek2j(500, 2);
  private static final Network NET = Network.parse("2-8:tanh-2");

  @Test
  void lbfgsContinuesWhereTheShorterTrainingStopped() {
    TrainingSettings short20 = TrainingSettings.defaults().withOptimizer(TrainingSettings.LBFGS, 1).withEpochs(20).withSeed(4);
    TrainingResult first = Trainer.train(NET, short20, TRAIN, null);
    TrainingResult scratch = Trainer.train(NET, short20.withEpochs(60), TRAIN, null);
    TrainingResult continued = Trainer.train(NET, short20.withEpochs(60), TRAIN, null,
        new Trainer.Continuation(first.model(), 20));
    assertEquals(TrainingStatus.OK, continued.status(), continued.reason());
    assertEquals(40, continued.epochsRun(), "only the 40 iterations 60 adds to 20");
    double[] a = first.trainLoss();
    double[] c = continued.trainLoss();
    double firstFromScratch = scratch.trainLoss()[0];
    // the first continued iteration starts at the earlier end point: far below a fresh start's first iteration
    assertTrue(c[0] <= a[a.length - 1] * 1.0001, "continued " + c[0] + " vs where it stopped " + a[a.length - 1]);
    assertTrue(c[0] < firstFromScratch / 2, "continued " + c[0] + " vs a fresh start " + firstFromScratch);
    assertTrue(c[c.length - 1] < a[a.length - 1], "40 more iterations lower the loss further");
  }

  @Test
  void autoContinuesWithTheBudgetItsRuleAdds() {
    TrainingSettings auto = TrainingSettings.defaults().withEpochs(30).withSeed(2).withPatience(0);
    TrainingResult first = Trainer.train(NET, auto, TRAIN, VALIDATION);
    assertEquals(30, first.epochsRun(), "auto under a cap of 30 iterations (a small 2-input net: Levenberg-Marquardt)");
    TrainingResult continued = Trainer.train(NET, auto.withEpochs(90), TRAIN, VALIDATION,
        new Trainer.Continuation(first.model(), 30));
    assertTrue(continued.epochsRun() <= 60, "at most the 60 iterations the cap of 90 adds: " + continued.epochsRun());
    assertTrue(continued.trainLoss()[0] <= first.trainLoss()[first.trainLoss().length - 1] * 1.0001);
  }

  @Test
  void subsetsAreDrawnBySeedAndNested() {
    Dataset small = TRAIN.subset(200, 9);
    Dataset large = TRAIN.subset(600, 9);
    assertEquals(200, small.size());
    for (int i = 0; i < small.size(); i++) {
      assertEquals(large.x(i, 0), small.x(i, 0), "row " + i + ": the smaller subset starts the larger one");
      assertEquals(large.y(i, 1), small.y(i, 1));
    }
    Dataset other = TRAIN.subset(200, 10);
    int same = 0;
    for (int i = 0; i < 200; i++) {
      same += other.x(i, 0) == small.x(i, 0) ? 1 : 0;
    }
    assertTrue(same < 20, "another seed draws other rows: " + same + " of 200 alike");
    assertEquals(TRAIN, TRAIN.subset(TRAIN.size(), 9), "all rows: the dataset itself");
  }

  @Test
  void aContinuationOnMoreSamplesTrainsTheWholeBudget() {
    TrainingSettings s = TrainingSettings.defaults().withOptimizer(TrainingSettings.LBFGS, 1).withEpochs(25).withSeed(3);
    TrainingResult onFew = Trainer.train(NET, s, TRAIN.subset(300, 3), null);
    TrainingResult onAll = Trainer.train(NET, s, TRAIN, null, new Trainer.Continuation(onFew.model(), 0));
    assertEquals(25, onAll.epochsRun(), "budget 0 spent: the whole 25 iterations");
  }

  @Test
  void aModelOfAnotherNetworkCannotBeContinued() {
    TrainingSettings s = TrainingSettings.defaults().withOptimizer(TrainingSettings.LBFGS, 1).withEpochs(5);
    TrainedModel other = Trainer.train(Network.parse("2-4:tanh-2"), s, TRAIN, null).model();
    assertThrows(IllegalArgumentException.class,
        () -> Trainer.train(NET, s.withEpochs(10), TRAIN, null, new Trainer.Continuation(other, 5)));
  }
}
