package org.axnas.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HypervolumeTest {
  private static final double[] ORIGIN_2D = {0, 0};
  private static final double[] ORIGIN_3D = {0, 0, 0};

  @Test
  void staircaseIn2d() {
    // boxes 1x3, 2x2, 3x1: columns of heights 3, 2, 1 -> 3 + 2 + 1
    assertEquals(6, Hypervolume.of(List.of(p(1, 3), p(2, 2), p(3, 1)), ORIGIN_2D), 1e-12);
  }

  @Test
  void dominatedDuplicateAndOutsidePointsAddNothingIn2d() {
    List<double[]> front = List.of(p(1, 3), p(2, 2), p(3, 1));
    List<double[]> more = new ArrayList<>(front);
    more.add(p(1, 1)); // dominated
    more.add(p(2, 2)); // duplicate
    more.add(p(-1, 5)); // below the reference in the first objective
    more.add(p(4, 0)); // on the reference in the second
    assertEquals(6, Hypervolume.of(more, ORIGIN_2D), 1e-12);
  }

  @Test
  void overlappingBoxesIn3d() {
    assertEquals(1, Hypervolume.of(List.of(p(1, 1, 1)), ORIGIN_3D), 1e-12);
    // two boxes of 2 sharing the unit cube
    assertEquals(3, Hypervolume.of(List.of(p(2, 1, 1), p(1, 2, 1)), ORIGIN_3D), 1e-12);
    // three boxes of 2: 3*2 - 3 pairwise unit cubes + the unit cube all share
    assertEquals(4, Hypervolume.of(List.of(p(1, 1, 2), p(2, 1, 1), p(1, 2, 1)), ORIGIN_3D), 1e-12);
    // plus a dominated point, a duplicate and one that does not exceed the reference
    assertEquals(4, Hypervolume.of(List.of(p(1, 1, 2), p(2, 1, 1), p(1, 2, 1), p(0.5, 0.5, 0.5), p(2, 1, 1),
        p(3, 3, 0)), ORIGIN_3D), 1e-12);
  }

  @Test
  void referenceAtTheCpu() {
    // (accuracy 0, speedup 1, energy 1): a network slower than the CPU adds nothing
    double[] cpu = {0, 1, 1};
    assertEquals(0.5 * 1 * 2, Hypervolume.of(List.of(p(0.5, 2, 3), p(0.9, 0.8, 2)), cpu), 1e-12);
  }

  @Test
  void emptyFrontHasNoVolume() {
    assertEquals(0, Hypervolume.of(List.of(), ORIGIN_3D));
  }

  @Test
  void matchesInclusionExclusionOnRandomFronts() {
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(7);
      List<double[]> points = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        // coarse values, so ties in every objective happen often
        points.add(p(random.nextInt(5) / 2.0, random.nextInt(5) / 2.0, random.nextInt(5) / 2.0));
      }
      assertEquals(inclusionExclusion(points, ORIGIN_3D), Hypervolume.of(points, ORIGIN_3D), 1e-9, "trial " + trial);
    }
  }

  @Test
  void frontOfScoredCandidates() {
    List<Scored> scored = List.of(new Scored(0, "a", 0.5, 2, 3, 0), new Scored(1, "b", 1.0, 1, 1, 0));
    // 0.5*2*3 + 1*1*1 - 0.5*1*1
    assertEquals(3 + 1 - 0.5, Hypervolume.ofFront(scored), 1e-12);
  }

  @Test
  void refusesMismatchedDimensionsAndNaN() {
    assertThrows(IllegalArgumentException.class, () -> Hypervolume.of(List.of(p(1, 1)), ORIGIN_3D));
    assertThrows(IllegalArgumentException.class, () -> Hypervolume.of(List.of(p(1, Double.NaN, 1)), ORIGIN_3D));
  }

  /** The union's volume as the alternating sum over every subset's intersection box. */
  private static double inclusionExclusion(List<double[]> points, double[] ref) {
    int n = points.size();
    double total = 0;
    for (int mask = 1; mask < (1 << n); mask++) {
      double volume = 1;
      for (int k = 0; k < ref.length; k++) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
          if ((mask & (1 << i)) != 0) {
            min = Math.min(min, points.get(i)[k]);
          }
        }
        volume *= Math.max(0, min - ref[k]);
      }
      total += (Integer.bitCount(mask) % 2 == 1 ? 1 : -1) * volume;
    }
    return total;
  }

  private static double[] p(double... values) {
    return values;
  }
}
