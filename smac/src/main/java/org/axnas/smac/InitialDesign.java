package org.axnas.smac;

import org.axnas.core.Seeds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The configurations evaluated before the model takes over: spread over the space so the first
 * forest sees every region. Designs draw points in the unit cube (one coordinate per
 * hyperparameter) and map them through {@link ConfigurationSpace#fromUnit}, which ignores the
 * coordinates of inactive hyperparameters; the active subspace of every point is thus covered by
 * the projection of a space-filling set.
 */
public interface InitialDesign {

  /** {@code n} points of the unit cube {@code [0,1]^d}, deterministic in {@code seed}; {@code batch} asks for a fresh set. */
  double[][] points(int n, int d, long seed, int batch);

  /**
   * {@code count} distinct configurations (fewer only when the space has fewer), in design order;
   * duplicates after mapping (e.g. two points that differ only in inactive coordinates) are
   * replaced by further points.
   */
  default List<Configuration> configurations(ConfigurationSpace space, int count, long seed) {
    Set<Configuration> out = new LinkedHashSet<>();
    int target = (int) Math.min(count, space.cardinality());
    for (int batch = 0; out.size() < target && batch < 64; batch++) {
      for (double[] u : points(Math.max(target, 1), space.dimensions(), seed, batch)) {
        out.add(space.fromUnit(u));
        if (out.size() == target) {
          break;
        }
      }
    }
    if (out.size() < target) {
      // tiny spaces the design keeps missing: fill from uniform samples
      SplittableRandom random = Seeds.random(seed, SeedPurposes.INITIAL_DESIGN, -1);
      for (int tries = 0; out.size() < target && tries < 100 * target; tries++) {
        out.add(space.sample(random));
      }
    }
    return new ArrayList<>(out);
  }

  static InitialDesign sobol() {
    return new SobolDesign();
  }

  static InitialDesign latinHypercube() {
    return new LatinHypercubeDesign();
  }
}
