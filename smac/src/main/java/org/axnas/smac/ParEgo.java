package org.axnas.smac;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.axnas.core.Seeds;

/**
 * ParEGO (Knowles, IEEE TEC 2006) as SMAC3 has it: for each proposal fresh random weights
 * on the simplex, the objectives normalised to [0, 1] by the bounds observed so far, and the
 * augmented Chebyshev scalarisation {@code max_i(w_i c_i) + rho * sum_i(w_i c_i)} as the cost the
 * forest is refit on; the acquisition (EI) is then as usual. Successive proposals look in different
 * directions, so the proposals spread along the front instead of following one fixed weighting.
 *
 * <p>Objectives are read from {@link TrialResult#objectives()} by name and <b>maximised</b> (a
 * normalised cost of 0 is the best value seen, 1 the worst). As in SMAC3, whose sequential loop
 * draws new weights at each iteration, every model-based proposal has its own weights, also within
 * a batch (the forest is refit for each pick, believing the picks before it): the weights of trial
 * {@code id} come from (seed, id) alone, so a search rebuilt from its history draws the same. They
 * are uniform on the simplex (normalised exponentials; SMAC3 normalises uniforms, which favours the
 * centre).
 */
public final class ParEgo {
  /** SMAC3's default. */
  public static final double RHO = 0.05;

  private final List<String> objectives;
  private final double rho;

  private ParEgo(List<String> objectives, double rho) {
    if (objectives.size() < 2) {
      throw new IllegalArgumentException("ParEGO needs at least two objectives, got " + objectives);
    }
    if (!(rho >= 0) || !Double.isFinite(rho)) {
      throw new IllegalArgumentException("rho must be >= 0, got " + rho);
    }
    this.objectives = List.copyOf(objectives);
    this.rho = rho;
  }

  /** ParEGO over these maximised objectives with SMAC3's rho of 0.05. */
  public static ParEgo maximising(List<String> objectives) {
    return new ParEgo(objectives, RHO);
  }

  public List<String> objectives() {
    return objectives;
  }

  /** The weights of trial {@code trial}'s proposal: non-negative, summing to 1. */
  public double[] weights(long seed, int trial) {
    SplittableRandom random = Seeds.random(seed, SeedPurposes.PAREGO_WEIGHTS, trial);
    double[] w = new double[objectives.size()];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = -Math.log(1 - random.nextDouble()); // exponential: normalised, uniform on the simplex
      sum += w[i];
    }
    for (int i = 0; i < w.length; i++) {
      w[i] /= sum;
    }
    return w;
  }

  /**
   * The scalarised cost under {@code weights}, the objectives normalised by their bounds over the
   * OK results of {@code observed} (a constant objective normalises to 0).
   */
  public ToDoubleFunction<TrialResult> scalarisation(List<Observation> observed, double[] weights) {
    if (weights.length != objectives.size()) {
      throw new IllegalArgumentException(weights.length + " weights for " + objectives.size() + " objectives");
    }
    int m = objectives.size();
    double[] lo = new double[m];
    double[] hi = new double[m];
    java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (Observation o : observed) {
      if (o.result().isOk()) {
        double[] v = values(o.result());
        for (int i = 0; i < m; i++) {
          lo[i] = Math.min(lo[i], v[i]);
          hi[i] = Math.max(hi[i], v[i]);
        }
      }
    }
    double[] w = weights.clone();
    return r -> {
      double[] v = values(r);
      double max = Double.NEGATIVE_INFINITY;
      double sum = 0;
      for (int i = 0; i < m; i++) {
        double cost = hi[i] > lo[i] ? (hi[i] - v[i]) / (hi[i] - lo[i]) : 0;
        max = Math.max(max, w[i] * cost);
        sum += w[i] * cost;
      }
      return max + rho * sum;
    };
  }

  private double[] values(TrialResult r) {
    double[] v = new double[objectives.size()];
    for (int i = 0; i < v.length; i++) {
      Double x = r.objectives().get(objectives.get(i));
      if (x == null || !Double.isFinite(x)) {
        throw new IllegalArgumentException("ParEGO needs objective '" + objectives.get(i) + "' in every OK result, got "
            + r.objectives());
      }
      v[i] = x;
    }
    return v;
  }

  @Override
  public String toString() {
    return "ParEGO(maximise " + String.join(", ", objectives) + "; rho " + rho + ")";
  }
}
