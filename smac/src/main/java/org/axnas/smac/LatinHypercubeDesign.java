package org.axnas.smac;

import org.axnas.core.Seeds;
import java.util.SplittableRandom;

/** Latin hypercube sampling: in every dimension each of the n equal strata holds exactly one point. */
public final class LatinHypercubeDesign implements InitialDesign {

  @Override
  public double[][] points(int n, int d, long seed, int batch) {
    SplittableRandom random = Seeds.random(seed, SeedPurposes.INITIAL_DESIGN, 1 + batch);
    double[][] out = new double[n][d];
    int[] perm = new int[n];
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < n; i++) {
        perm[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int k = random.nextInt(i + 1);
        int t = perm[i];
        perm[i] = perm[k];
        perm[k] = t;
      }
      for (int i = 0; i < n; i++) {
        out[i][j] = (perm[i] + random.nextDouble()) / n;
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "latin-hypercube";
  }
}
