package org.axnas.trainer;

import java.util.Locale;

/**
 * How the learning rate of a minibatch optimiser moves over the steps of a training. The
 * settings' learning rate is the peak; steps count minibatch updates from 0 to
 * {@code totalSteps - 1}, where the total is what the epoch budget allows (early stopping may end
 * a training before the schedule does).
 *
 * <ul>
 *   <li>{@code constant}: the peak throughout.
 *   <li>{@code cosine}: a linear warm-up from peak / warm-up steps to the peak over the first 5%
 *       of the steps, then half a cosine down to 0 (SGDR without restarts).
 *   <li>{@code one-cycle}: PyTorch's {@code OneCycleLR} with its defaults (cosine annealing,
 *       {@code pct_start} 0.3, {@code div_factor} 25, {@code final_div_factor} 1e4): from
 *       peak / 25 up to the peak over the first 30% of the steps, then down to peak / 2.5e5.
 * </ul>
 *
 * <p>Early stopping ends the schedule, not the training: when the validation loss stops improving
 * before the schedule has annealed, the trainer asks for a {@link #coolDownRate cool-down}, half a
 * cosine from the rate of that step down to the schedule's last rate over the patience's epochs
 * (the decay of a warm-up-stable-decay schedule, started by the plateau). Without it, a long
 * one-cycle budget stops at the end of its warm-up, at its highest rate, and never anneals.
 */
public enum LearningRateSchedule {
  CONSTANT("constant", 0),
  COSINE("cosine", 0.05),
  ONE_CYCLE("one-cycle", 0.3);

  private static final double ONE_CYCLE_DIV = 25;
  private static final double ONE_CYCLE_FINAL_DIV = 1e4;

  private final String notation;
  private final double warmupShare;

  LearningRateSchedule(String notation, double warmupShare) {
    this.notation = notation;
    this.warmupShare = warmupShare;
  }

  /** The name used in settings and run-configs. */
  public String notation() {
    return notation;
  }

  /** The schedule of that name ({@code constant}, {@code cosine}, {@code one-cycle}). */
  public static LearningRateSchedule parse(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (LearningRateSchedule s : values()) {
      if (s.notation.equals(wanted)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown learning-rate schedule '" + name
        + "'; allowed: constant, cosine, one-cycle");
  }

  /** Steps of the warm-up (the rising part) out of {@code totalSteps}; 0 for constant. */
  public long warmupSteps(long totalSteps) {
    return this == CONSTANT ? 0 : Math.max(1, Math.round(warmupShare * totalSteps));
  }

  /** The learning rate of step {@code step} (0-based) of {@code totalSteps}, for a peak of {@code peak}. */
  public double rate(double peak, long step, long totalSteps) {
    switch (this) {
      case CONSTANT:
        return peak;
      case COSINE: {
        long warmup = warmupSteps(totalSteps);
        if (step < warmup) {
          return peak * (step + 1) / warmup;
        }
        double progress = (double) (step - warmup) / Math.max(1, totalSteps - warmup);
        return peak * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, progress)));
      }
      case ONE_CYCLE: {
        // OneCycleLR's two phases end at steps pct_start * total - 1 and total - 1.
        double initial = peak / ONE_CYCLE_DIV;
        double last = initial / ONE_CYCLE_FINAL_DIV;
        double peakStep = warmupShare * totalSteps - 1;
        double lastStep = totalSteps - 1;
        if (step <= peakStep) {
          return cosineBetween(initial, peak, peakStep <= 0 ? 1 : step / peakStep);
        }
        return cosineBetween(peak, last, Math.min(1, (step - peakStep) / Math.max(1e-12, lastStep - peakStep)));
      }
      default:
        throw new AssertionError(this);
    }
  }

  /** Whether the schedule ends lower than it runs, so that a plateau can start its cool-down. */
  public boolean anneals() {
    return this != CONSTANT;
  }

  /** The rate of the schedule's last step for a peak of {@code peak}. */
  public double lastRate(double peak) {
    return switch (this) {
      case CONSTANT -> peak;
      case COSINE -> 0;
      case ONE_CYCLE -> peak / ONE_CYCLE_DIV / ONE_CYCLE_FINAL_DIV;
    };
  }

  /**
   * Step {@code step} (0-based) of a cool-down of {@code steps} steps that starts at rate
   * {@code from}: half a cosine from {@code from} down to {@link #lastRate(double) lastRate(peak)},
   * which it reaches at the cool-down's last step.
   */
  public double coolDownRate(double peak, double from, long step, long steps) {
    double share = steps <= 1 ? 1 : Math.min(1, (double) step / (steps - 1));
    return cosineBetween(from, Math.min(from, lastRate(peak)), share);
  }

  /** Cosine interpolation from {@code start} (at 0) to {@code end} (at 1), as OneCycleLR's _annealing_cos. */
  private static double cosineBetween(double start, double end, double share) {
    return end + (start - end) / 2 * (1 + Math.cos(Math.PI * share));
  }
}
