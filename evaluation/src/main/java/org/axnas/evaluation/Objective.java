package org.axnas.evaluation;

import java.io.Serializable;

/**
 * f_perf = alpha * P_acc + beta * P_speed + epsilon * P_energy (paper eq. 4).
 *
 * <p>P_acc is the accuracy, already in [0, 1]. Speedup and energy reduction are unbounded ratios,
 * so they are normalised by the best the search space can offer on this hardware: the speedup
 * and energy reduction of the smallest network of the space (one hidden neuron, the cheapest
 * activation). That puts P_speed and P_energy in (0, 1] like P_acc, so alpha, beta and epsilon
 * weigh comparable terms, and the normalisation depends only on the config, never on which
 * candidates happened to be evaluated (the score of a candidate never changes during a search).
 */
public record Objective(double alpha, double beta, double epsilon, double speedupRef, double energyRef)
    implements Serializable {
  /**
   * The weights alpha, beta and epsilon as a user sets them (a run config's {@code objective}
   * section); the references come from the search space and the hardware.
   */
  public record Weights(double alpha, double beta, double epsilon) implements Serializable {
    public Weights {
      if (alpha < 0 || beta < 0 || epsilon < 0 || alpha + beta + epsilon <= 0) {
        throw new IllegalArgumentException("alpha, beta, epsilon must be >= 0 and not all zero");
      }
    }
  }

  public Objective {
    new Weights(alpha, beta, epsilon);
    if (!(speedupRef > 0) || !(energyRef > 0)) {
      throw new IllegalArgumentException("normalisation references must be > 0");
    }
  }

  /** The weights with the normalisation references of a search space on a hardware. */
  public Objective(Weights weights, double speedupRef, double energyRef) {
    this(weights.alpha(), weights.beta(), weights.epsilon(), speedupRef, energyRef);
  }

  public Weights weights() {
    return new Weights(alpha, beta, epsilon);
  }

  public double fPerf(double accuracy, double speedup, double energyReduction) {
    return alpha * accuracy
        + beta * Math.min(1.0, speedup / speedupRef)
        + epsilon * Math.min(1.0, energyReduction / energyRef);
  }

  /** The score of a failed candidate: below any real one. */
  public double worst() {
    return 0.0;
  }
}
