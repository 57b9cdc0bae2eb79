package org.axnas.trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.axnas.core.Network;

/**
 * Trains candidate MLPs: MSE loss, Xavier-uniform initial weights and a per-epoch shuffle drawn
 * from the settings' seed, inputs and outputs standardised on the train split, early stopping on
 * the validation loss, a wall-clock limit. The backends share this loop, the initial weights and
 * the data order, so from one seed they follow the same path up to float rounding.
 *
 * <p>Thread-safe: every call owns its state, so parallel workers may train at once. A training
 * never throws for a training problem (divergence, a backend failure, the time limit); it throws
 * {@link IllegalArgumentException} only when the arguments contradict each other.
 */
public final class Trainer {
  /** "No limit" deadline: far enough to never pass, near enough that differences cannot overflow. */
  private static final long NO_LIMIT_NANOS = Long.MAX_VALUE / 4;

  private Trainer() {}

  /**
   * Trains {@code net} on {@code train}; {@code validation} may be null or empty when
   * {@code settings.patience()} is 0. With early stopping the model holds the weights of the
   * epoch with the lowest validation loss; otherwise those of the last epoch. Under a schedule that
   * anneals, running out of patience starts a cool-down of {@code patience} epochs instead of
   * stopping at once ({@link LearningRateSchedule}).
   */
  public static TrainingResult train(Network net, TrainingSettings requested, Dataset train, Dataset validation) {
    return train(net, requested, train, validation, null);
  }

  /**
   * A model trained before with a smaller budget, to continue from (multi-fidelity search: a
   * candidate promoted to the next rung). {@code budgetSpent} is the epochs setting it was trained
   * with (for {@code auto}, the cap it resolved from) when the budget grows in epochs; 0 when it
   * grew in samples, and the continued training has the whole budget of its settings.
   */
  public record Continuation(TrainedModel from, int budgetSpent) {
    public Continuation {
      if (from == null || budgetSpent < 0) {
        throw new IllegalArgumentException("a continuation needs the earlier model and its budget (>= 0)");
      }
    }
  }

  /**
   * {@link #train(Network, TrainingSettings, Dataset, Dataset)}, continuing {@code continuation}
   * when it is not null: training starts from its weights and scaling instead of Xavier's, and
   * runs only the budget the settings add to the one it was trained with (the resolved epochs or
   * L-BFGS iterations of {@code settings} minus those of {@code budgetSpent}), so the two
   * trainings together have the budget of {@code settings}; with {@code budgetSpent} 0 (it was
   * trained on fewer samples) it runs the whole budget. The seed still draws the data order.
   * The optimiser's state is not carried over: L-BFGS rebuilds its curvature pairs in its first
   * iterations, and Adam with a schedule warms up again over the added epochs (a warm restart).
   */
  public static TrainingResult train(Network net, TrainingSettings requested, Dataset train, Dataset validation,
      Continuation continuation) {
    long start = System.nanoTime();
    checkArguments(net, requested, train, validation);
    boolean validate = validation != null && validation.size() > 0;
    TrainingSettings settings = AutoTraining.resolve(requested, net, train.size(), validate);
    if (continuation != null && !continuation.from().network().equals(net)) {
      throw new IllegalArgumentException("cannot continue training " + net + " from a model of "
          + continuation.from().network());
    }
    if (continuation != null && continuation.budgetSpent() > 0) {
      int before = AutoTraining.resolve(requested.withEpochs(continuation.budgetSpent()), net, train.size(), validate)
          .epochs();
      int added = Math.max(1, settings.epochs() - before);
      settings = settings.withEpochs(added).withPatience(Math.min(settings.patience(), added));
    }
    List<Double> trainCurve = new ArrayList<>();
    List<Double> validationCurve = new ArrayList<>();
    Run run = new Run(net, settings, start, trainCurve, validationCurve);

    String badData = firstNonFinite(train, "train");
    if (badData == null && validate) {
      badData = firstNonFinite(validation, "validation");
    }
    if (badData != null) {
      return run.end(TrainingStatus.FAILED, badData, null, 0, 0);
    }
    long deadline = settings.timeLimitSeconds() > 0
        ? start + Math.min((long) (settings.timeLimitSeconds() * 1e9), NO_LIMIT_NANOS)
        : start + NO_LIMIT_NANOS;

    int epoch = 0;
    try {
      // a continued model keeps the scaling its weights were trained in (the same train split gives the same one)
      Scaling scaling = continuation != null ? continuation.from().scaling() : Scaling.standardize(train);
      float[][] tx = scaling.scaleInputs(train.xShared(), train.size());
      float[][] ty = scaling.scaleOutputs(train.yShared(), train.size());
      float[][] vx = validate ? scaling.scaleInputs(validation.xShared(), validation.size()) : null;
      float[][] vy = validate ? scaling.scaleOutputs(validation.yShared(), validation.size()) : null;
      SeededStart seeded = new SeededStart(net, settings.seed(), train.size());
      int[] order = seeded.order;

      MlpWeights initial = continuation != null ? continuation.from().parameters() : seeded.initial;
      try (TrainingEngine engine = newEngine(net, initial, settings, tx, ty)) {
        double best = Double.POSITIVE_INFINITY;
        MlpWeights bestWeights = null;
        int bestEpoch = 0;
        int sinceBest = 0;
        // While a schedule warms up, the validation loss may rise: patience counts only after it.
        int patienceFrom = warmupEpochs(settings, train.size());
        String unit = settings.isFullBatch() ? "iteration" : "epoch";
        // Epochs to run: the budget, or the end of the cool-down a plateau started.
        int end = settings.epochs();
        while (epoch < end) {
          seeded.shuffle();
          TrainingEngine.EpochOutcome outcome = engine.trainEpoch(order, deadline);
          if (outcome.timedOut()) {
            return run.end(TrainingStatus.TIMEOUT, String.format(Locale.ROOT,
                "time limit of %s s reached during %s %d of %d",
                settings.timeLimitSeconds(), unit, epoch + 1, settings.epochs()), null, epoch, bestEpoch);
          }
          epoch++;
          trainCurve.add(outcome.meanLoss());
          if (!Double.isFinite(outcome.meanLoss())) {
            return run.end(TrainingStatus.DIVERGED,
                "train loss became " + outcome.meanLoss() + " in " + unit + " " + epoch, null, epoch, bestEpoch);
          }
          if (validate) {
            double v = engine.loss(vx, vy);
            validationCurve.add(v);
            if (!Double.isFinite(v)) {
              return run.end(TrainingStatus.DIVERGED,
                  "validation loss became " + v + " in " + unit + " " + epoch, null, epoch, bestEpoch);
            }
            if (settings.patience() > 0) {
              if (v < best) {
                best = v;
                bestWeights = engine.weights();
                bestEpoch = epoch;
                sinceBest = 0;
              } else if (epoch > patienceFrom && ++sinceBest >= settings.patience()) {
                // A plateau before the schedule has annealed: anneal now, over the patience's epochs.
                int coolDown = Math.min(settings.patience(), end - epoch);
                // the engine refuses a second cool-down, and has none without a schedule
                if (coolDown < 1 || !engine.coolDown(coolDown)) {
                  break;
                }
                end = epoch + coolDown;
                sinceBest = 0;
              }
            }
          }
          if (outcome.converged()) {
            break;
          }
        }
        MlpWeights finalWeights = bestWeights != null ? bestWeights : engine.weights();
        if (bestWeights == null) {
          bestEpoch = epoch;
        }
        if (!finalWeights.allFinite()) {
          return run.end(TrainingStatus.DIVERGED,
              "weights are not finite after epoch " + bestEpoch, null, epoch, bestEpoch);
        }
        return run.end(TrainingStatus.OK, "", new TrainedModel(net, scaling, finalWeights), epoch, bestEpoch);
      }
    } catch (RuntimeException | LinkageError | OutOfMemoryError | StackOverflowError e) {
      // A backend failure (e.g. DL4J's native library or an ND4J op) is a result, not a crash.
      return run.end(TrainingStatus.FAILED,
          settings.backend() + " backend failed in epoch " + (epoch + 1) + ": " + e, null, epoch, 0);
    }
  }

  private static TrainingEngine newEngine(
      Network net, MlpWeights initial, TrainingSettings settings, float[][] x, float[][] y) {
    return switch (settings.backend()) {
      case FAST -> settings.optimizer().equals(TrainingSettings.LM)
          ? new LevenbergMarquardtEngine(net, initial, x, y)
          : settings.isFullBatch()
              ? new LbfgsEngine(net, initial, settings, x, y)
              : new DenseEngine(net, initial, settings, x, y);
      case DL4J -> new Dl4jEngine(net, initial, settings, x, y);
    };
  }

  /** Whole epochs the schedule's warm-up lasts (0 without one; full-batch training has none). */
  private static int warmupEpochs(TrainingSettings settings, int trainSamples) {
    if (settings.isFullBatch()) {
      return 0;
    }
    long perEpoch = (trainSamples + settings.batchSize() - 1) / settings.batchSize();
    long warmup = settings.schedule().warmupSteps(perEpoch * settings.epochs());
    return (int) ((warmup + perEpoch - 1) / perEpoch);
  }

  /**
   * Everything a run draws from its seed: the initial weights (Xavier uniform) and the minibatch
   * order, reshuffled before every epoch (Fisher-Yates). Both come from one SplittableRandom split
   * in a fixed order, so a seed fixes them whatever the backend.
   */
  static final class SeededStart {
    final MlpWeights initial;
    final int[] order;
    private final SplittableRandom shuffler;

    SeededStart(Network net, long seed, int samples) {
      SplittableRandom root = new SplittableRandom(seed);
      this.initial = MlpWeights.xavier(net, root.split());
      this.shuffler = root.split();
      this.order = new int[samples];
      for (int i = 0; i < samples; i++) {
        order[i] = i;
      }
    }

    /** Reshuffles {@link #order} for the next epoch. */
    void shuffle() {
      for (int i = order.length - 1; i > 0; i--) {
        int j = shuffler.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
  }

  private static void checkArguments(Network net, TrainingSettings settings, Dataset train, Dataset validation) {
    if (net == null || settings == null || train == null) {
      throw new IllegalArgumentException("train needs a network, settings and a train split");
    }
    if (train.size() == 0) {
      throw new IllegalArgumentException("the train split is empty");
    }
    checkWidths(net, train, "train");
    if (validation != null && validation.size() > 0) {
      checkWidths(net, validation, "validation");
    } else if (settings.patience() > 0) {
      throw new IllegalArgumentException(
          "early stopping (patience " + settings.patience() + ") needs a non-empty validation split");
    }
  }

  private static void checkWidths(Network net, Dataset data, String split) {
    if (data.inWidth() != net.inputs() || data.outWidth() != net.outputs()) {
      throw new IllegalArgumentException("the " + split + " split is " + data.inWidth() + " -> "
          + data.outWidth() + " but network " + net + " is " + net.inputs() + " -> " + net.outputs());
    }
  }

  private static String firstNonFinite(Dataset data, String split) {
    float[] x = data.xShared();
    for (int i = 0; i < x.length; i++) {
      if (!Float.isFinite(x[i])) {
        return "the " + split + " split has a non-finite input (" + x[i] + ") in sample " + i / data.inWidth();
      }
    }
    float[] y = data.yShared();
    for (int i = 0; i < y.length; i++) {
      if (!Float.isFinite(y[i])) {
        return "the " + split + " split has a non-finite target (" + y[i] + ") in sample " + i / data.outWidth();
      }
    }
    return null;
  }

  /** The parts of a result fixed at the start, so every exit path builds it the same way. */
  private record Run(Network net, TrainingSettings settings, long startNanos,
      List<Double> trainCurve, List<Double> validationCurve) {

    TrainingResult end(TrainingStatus status, String reason, TrainedModel model, int epochs, int bestEpoch) {
      return new TrainingResult(status, reason, model, toArray(trainCurve), toArray(validationCurve),
          epochs, bestEpoch, (System.nanoTime() - startNanos) / 1e9, net, settings);
    }

    private static double[] toArray(List<Double> values) {
      return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }
}
