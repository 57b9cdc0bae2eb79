package org.axnas.trainer;

import java.util.Locale;

/**
 * How to train a candidate: epochs, minibatch size, optimiser ({@code adam} or {@code sgd}) and
 * learning rate, early stopping patience on the validation loss (0 = off), seed, backend and a
 * wall-clock limit in seconds (0 = none). Immutable; the {@code withX} methods return copies.
 */
public record TrainingSettings(
    int epochs,
    int batchSize,
    String optimizer,
    double learningRate,
    int patience,
    long seed,
    Backend backend,
    double timeLimitSeconds) {

  public static final String ADAM = "adam";
  public static final String SGD = "sgd";

  public TrainingSettings {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    optimizer = optimizer == null ? ADAM : optimizer.trim().toLowerCase(Locale.ROOT);
    if (!optimizer.equals(ADAM) && !optimizer.equals(SGD)) {
      throw new IllegalArgumentException(
          "unknown optimizer '" + optimizer + "'; allowed: " + ADAM + ", " + SGD);
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
    if (!(timeLimitSeconds >= 0) || Double.isInfinite(timeLimitSeconds)) {
      throw new IllegalArgumentException(
          "time limit must be 0 (none) or a positive number of seconds, got " + timeLimitSeconds);
    }
  }

  /** Adam, learning rate 0.01, batch 256, 300 epochs (the paper's), no early stopping, seed 1. */
  public static TrainingSettings defaults() {
    return new TrainingSettings(300, 256, ADAM, 0.01, 0, 1L, Backend.FAST, 0);
  }

  public TrainingSettings withEpochs(int epochs) {
    return new TrainingSettings(epochs, batchSize, optimizer, learningRate, patience, seed, backend, timeLimitSeconds);
  }

  public TrainingSettings withBatchSize(int batchSize) {
    return new TrainingSettings(epochs, batchSize, optimizer, learningRate, patience, seed, backend, timeLimitSeconds);
  }

  public TrainingSettings withOptimizer(String optimizer, double learningRate) {
    return new TrainingSettings(epochs, batchSize, optimizer, learningRate, patience, seed, backend, timeLimitSeconds);
  }

  public TrainingSettings withLearningRate(double learningRate) {
    return new TrainingSettings(epochs, batchSize, optimizer, learningRate, patience, seed, backend, timeLimitSeconds);
  }

  public TrainingSettings withPatience(int patience) {
    return new TrainingSettings(epochs, batchSize, optimizer, learningRate, patience, seed, backend, timeLimitSeconds);
  }

  public TrainingSettings withSeed(long seed) {
    return new TrainingSettings(epochs, batchSize, optimizer, learningRate, patience, seed, backend, timeLimitSeconds);
  }

  public TrainingSettings withBackend(Backend backend) {
    return new TrainingSettings(epochs, batchSize, optimizer, learningRate, patience, seed, backend, timeLimitSeconds);
  }

  public TrainingSettings withTimeLimitSeconds(double timeLimitSeconds) {
    return new TrainingSettings(epochs, batchSize, optimizer, learningRate, patience, seed, backend, timeLimitSeconds);
  }
}
