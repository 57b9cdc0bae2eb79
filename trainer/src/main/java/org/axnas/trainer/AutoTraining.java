package org.axnas.trainer;

import org.axnas.core.Network;

/**
 * {@code optimizer: auto}: picks the optimiser, schedule, learning rate, budget and patience for
 * one network and train split from its parameter count P and train sample count N. The rule and
 * the measurements it comes from are in trainer/README.md ("optimizer: auto"); this class only
 * states it. The batch size, seed, backend and time limit are the caller's, and the caller's
 * {@code epochs} caps the budget (L-BFGS iterations count as epochs), so a quick run stays quick.
 */
public final class AutoTraining {
  /**
   * Full-batch second-order training (Levenberg-Marquardt for small networks, else L-BFGS) for
   * networks of at most this many inputs. The panel's smooth, low-dimensional
   * functions (blackscholes, inversek2j, fft) gain 10-40 points from it; on the wide-input ones
   * (sobel 9, jmeint 18, jpeg 64 inputs: a clamp, a classification, a quantisation) it fits the
   * train split and loses 5-40 points to minibatch Adam.
   */
  static final int LBFGS_MAX_INPUTS = 8;
  /**
   * The L-BFGS budget's work, parameters x train samples x iterations: about 40-120 s of FAST on an
   * idle core. At 6e10 blackscholes 6-64:relu-64:relu-1 got 1,834 iterations and stopped 3.3 points
   * short of where float L-BFGS stops by itself (2,905); at 1.2e11 it and inversek2j
   * 2-32:tanh-32:tanh-2 (7,809) run to that end (trainer/README.md, the panel).
   */
  static final double LBFGS_WORK = 1.2e11;
  static final int LBFGS_MIN_ITERATIONS = 500;
  /** Float L-BFGS on the panel's small nets stops finding lower losses after 6,000-8,000 iterations. */
  static final int LBFGS_MAX_ITERATIONS = 8000;
  /** L-BFGS patience as a share of its budget: its validation loss plateaus and then falls again. */
  static final double LBFGS_PATIENCE_SHARE = 0.25;

  /**
   * Levenberg-Marquardt instead of L-BFGS while one iteration's work, train samples x outputs x
   * P^2 (accumulating J^T J), stays under this: up to fft's 1-16:tanh-16:tanh-2 on 7,000 samples
   * (2 outputs, 338 parameters: 1.6e9, about 1 s an iteration on this machine under load). On the panel it is 3-87 points above
   * L-BFGS at the first bound in 300 iterations (trainer/README.md, "Levenberg-Marquardt").
   */
  static final double LM_WORK = 1.7e9;
  /**
   * The LM budget's work, train samples x outputs x P^2 x iterations: 2,007 iterations of
   * blackscholes 6-16:tanh-16:tanh-1 on 7,000 samples, about 5 minutes of FAST on an idle core (as
   * L-BFGS's budget for the largest networks). LM keeps gaining well past 1,000 iterations there
   * (83.1 / 88.0 / 90.8 / 94.5 / 94.5 / 94.1% at the 1% bound after 300 / 600 / 1,003 / 2,006 /
   * 3,000 / 10,030; trainer/README.md), so the budget is a work budget, not a fixed count. The
   * largest network LM takes ({@link #LM_WORK}) gets 1,329 iterations.
   */
  static final double LM_BUDGET_WORK = 2.26e12;
  /** The smallest networks stop gaining by then (inversek2j 2-8:sigmoid-2's best is at 2,608). */
  static final int LM_MAX_ITERATIONS = 3000;

  static final int ADAM_EPOCHS = 1000;
  static final double ADAM_PEAK_RATE = 0.01;
  /**
   * Adam patience in epochs, counted after the one-cycle warm-up; a plateau then starts a cool-down
   * of as many epochs (trainer/README.md, "Early stopping").
   */
  static final int ADAM_PATIENCE = 50;

  /** The epochs of {@link TrainingSettings#defaults()}: a cap that the rule never reaches. */
  public static final int NO_CAP = 10_000;

  private AutoTraining() {}

  /**
   * The concrete settings {@code auto} stands for; other settings are returned unchanged. Without
   * a validation split there is no early stopping.
   */
  public static TrainingSettings resolve(TrainingSettings settings, Network net, int trainSamples,
      boolean hasValidation) {
    if (!settings.isAuto()) {
      return settings;
    }
    if (settings.backend() == Backend.DL4J) {
      // DL4J has neither our schedules nor full-batch L-BFGS: the plain minibatch Adam it always had.
      return settings.withOptimizer(TrainingSettings.ADAM, settings.learningRate());
    }
    if (net.inputs() <= LBFGS_MAX_INPUTS) {
      double lmWork = (double) trainSamples * net.outputs() * net.parameters() * net.parameters();
      if (lmWork <= LM_WORK) {
        return fullBatch(settings, TrainingSettings.LM,
            Math.min(LM_MAX_ITERATIONS, LM_BUDGET_WORK / lmWork), hasValidation);
      }
      double work = (double) net.parameters() * trainSamples;
      return fullBatch(settings, TrainingSettings.LBFGS,
          Math.max(LBFGS_MIN_ITERATIONS, Math.min(LBFGS_MAX_ITERATIONS, LBFGS_WORK / work)), hasValidation);
    }
    int epochs = Math.min(settings.epochs(), ADAM_EPOCHS);
    return settings.withOptimizer(TrainingSettings.ADAM, ADAM_PEAK_RATE)
        .withSchedule(LearningRateSchedule.ONE_CYCLE)
        .withEpochs(epochs)
        .withPatience(hasValidation ? Math.min(ADAM_PATIENCE, epochs) : 0);
  }

  /**
   * A full-batch optimiser (LM or L-BFGS) for {@code budget} iterations, capped by the caller's
   * epochs, with patience a quarter of them.
   */
  private static TrainingSettings fullBatch(TrainingSettings settings, String optimizer, double budget,
      boolean hasValidation) {
    int iterations = (int) Math.min(settings.epochs(), budget);
    return settings.withOptimizer(optimizer, 1)
        .withSchedule(LearningRateSchedule.CONSTANT)
        .withEpochs(iterations)
        .withPatience(hasValidation ? Math.max(1, (int) (iterations * LBFGS_PATIENCE_SHARE)) : 0);
  }
}
