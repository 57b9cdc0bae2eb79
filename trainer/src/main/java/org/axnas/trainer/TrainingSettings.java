package org.axnas.trainer;

import java.util.Locale;

/**
 * How to train a candidate: epochs, minibatch size, optimiser and learning rate, early stopping
 * patience on the validation loss (0 = off), seed, backend, a wall-clock limit in seconds
 * (0 = none) and the learning-rate schedule. Immutable; the {@code withX} methods return copies.
 *
 * <p>Optimisers: {@code adam} and {@code sgd} on minibatches (with the schedule); {@code lbfgs},
 * full-batch L-BFGS with a strong-Wolfe line search, where an epoch is one iteration, the
 * learning rate scales the first trial step of each line search (1 is the usual), and the batch
 * size and schedule do not apply; {@code lm}, full-batch Levenberg-Marquardt for small networks
 * (an epoch is one iteration; the learning rate, batch size and schedule do not apply); {@code auto}, which {@link AutoTraining} resolves per network and
 * train-split size into one of the others with its own budget (see trainer/README.md). L-BFGS
 * and schedules other than constant need the FAST backend.
 */
public record TrainingSettings(
    int epochs,
    int batchSize,
    String optimizer,
    double learningRate,
    int patience,
    long seed,
    Backend backend,
    double timeLimitSeconds,
    LearningRateSchedule schedule) {

  public static final String ADAM = "adam";
  public static final String SGD = "sgd";
  public static final String LBFGS = "lbfgs";
  public static final String LM = "lm";
  public static final String AUTO = "auto";
  private static final java.util.List<String> OPTIMIZERS = java.util.List.of(AUTO, ADAM, SGD, LBFGS, LM);

  public TrainingSettings {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    optimizer = optimizer == null ? ADAM : optimizer.trim().toLowerCase(Locale.ROOT);
    if (!OPTIMIZERS.contains(optimizer)) {
      throw new IllegalArgumentException(
          "unknown optimizer '" + optimizer + "'; allowed: " + String.join(", ", OPTIMIZERS));
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          "learning rate must be a positive finite number, got " + learningRate);
    }
    if (patience < 0) {
      throw new IllegalArgumentException(
          "patience must be 0 (early stopping off) or positive, got " + patience);
    }
    if (backend == null) {
      backend = Backend.FAST;
    }
    if (schedule == null) {
      schedule = LearningRateSchedule.CONSTANT;
    }
    if (backend == Backend.DL4J && (optimizer.equals(LBFGS) || optimizer.equals(LM)
        || schedule != LearningRateSchedule.CONSTANT)) {
      throw new IllegalArgumentException("the DL4J backend trains adam or sgd at a constant learning rate only; "
          + "got " + optimizer + " with schedule " + schedule.notation() + " (use the FAST backend)");
    }
    if (!(timeLimitSeconds >= 0) || Double.isInfinite(timeLimitSeconds)) {
      throw new IllegalArgumentException(
          "time limit must be 0 (none) or a positive number of seconds, got " + timeLimitSeconds);
    }
  }

  /** The settings before schedules existed: a constant learning rate. */
  public TrainingSettings(int epochs, int batchSize, String optimizer, double learningRate, int patience,
      long seed, Backend backend, double timeLimitSeconds) {
    this(epochs, batchSize, optimizer, learningRate, patience, seed, backend, timeLimitSeconds,
        LearningRateSchedule.CONSTANT);
  }

  /**
   * {@code auto} (the trainer picks optimiser, schedule, learning rate, budget and patience; see
   * {@link AutoTraining}), batch 256, seed 1, FAST, no time limit, and epochs 10,000, which under
   * {@code auto} is a cap the rule never reaches. Give an explicit optimiser its epochs too: the
   * other values (learning rate 0.01, no early stopping, constant schedule) suit Adam.
   */
  public static TrainingSettings defaults() {
    return new TrainingSettings(AutoTraining.NO_CAP, 256, AUTO, 0.01, 0, 1L, Backend.FAST, 0,
        LearningRateSchedule.CONSTANT);
  }

  /** True for {@code auto}, which the trainer resolves before training. */
  public boolean isAuto() {
    return optimizer.equals(AUTO);
  }

  /** True for the full-batch optimisers, L-BFGS and Levenberg-Marquardt: an epoch is one iteration. */
  public boolean isFullBatch() {
    return optimizer.equals(LBFGS) || optimizer.equals(LM);
  }

  public TrainingSettings withSchedule(LearningRateSchedule schedule) {
    return new TrainingSettings(epochs, batchSize, optimizer, learningRate, patience, seed, backend, timeLimitSeconds, schedule);
  }

  public TrainingSettings withEpochs(int epochs) {
    return new TrainingSettings(epochs, batchSize, optimizer, learningRate, patience, seed, backend, timeLimitSeconds, schedule);
  }

  public TrainingSettings withBatchSize(int batchSize) {
    return new TrainingSettings(epochs, batchSize, optimizer, learningRate, patience, seed, backend, timeLimitSeconds, schedule);
  }

  public TrainingSettings withOptimizer(String optimizer, double learningRate) {
    return new TrainingSettings(epochs, batchSize, optimizer, learningRate, patience, seed, backend, timeLimitSeconds, schedule);
  }

  public TrainingSettings withLearningRate(double learningRate) {
    return new TrainingSettings(epochs, batchSize, optimizer, learningRate, patience, seed, backend, timeLimitSeconds, schedule);
  }

  public TrainingSettings withPatience(int patience) {
    return new TrainingSettings(epochs, batchSize, optimizer, learningRate, patience, seed, backend, timeLimitSeconds, schedule);
  }

  public TrainingSettings withSeed(long seed) {
    return new TrainingSettings(epochs, batchSize, optimizer, learningRate, patience, seed, backend, timeLimitSeconds, schedule);
  }

  public TrainingSettings withBackend(Backend backend) {
    return new TrainingSettings(epochs, batchSize, optimizer, learningRate, patience, seed, backend, timeLimitSeconds, schedule);
  }

  public TrainingSettings withTimeLimitSeconds(double timeLimitSeconds) {
    return new TrainingSettings(epochs, batchSize, optimizer, learningRate, patience, seed, backend, timeLimitSeconds, schedule);
  }
}
