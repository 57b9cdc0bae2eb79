package org.axnas.smac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InitialDesignTest {

  /** Count of points per cell when [0,1)^2 is cut into k x k cells. */
  private static int[][] grid(double[][] points, int a, int b, int k) {
    int[][] cells = new int[k][k];
    for (double[] p : points) {
      assertTrue(p[a] >= 0 && p[a] < 1 && p[b] >= 0 && p[b] < 1);
      cells[(int) (p[a] * k)][(int) (p[b] * k)]++;
    }
    return cells;
  }

  @Test
  void sobolPointsFillEveryElementaryInterval() {
    double[][] points = new SobolDesign().points(64, 5, 42, 0);
    // every coordinate: one point in each of 64 strata
    for (int j = 0; j < 5; j++) {
      int[] strata = new int[64];
      for (double[] p : points) {
        strata[(int) (p[j] * 64)]++;
      }
      for (int s : strata) {
        assertEquals(1, s, "dimension " + j);
      }
    }
    // the first two coordinates form a (0, 2)-sequence: one point in each 8 x 8 cell
    for (int[] row : grid(points, 0, 1, 8)) {
      for (int cell : row) {
        assertEquals(1, cell);
      }
    }
    // any pair of coordinates: every 4 x 4 cell is hit
    for (int a = 0; a < 5; a++) {
      for (int b = a + 1; b < 5; b++) {
        for (int[] row : grid(points, a, b, 4)) {
          for (int cell : row) {
            assertTrue(cell > 0, "pair " + a + "," + b);
          }
        }
      }
    }
  }

  @Test
  void latinHypercubeStratifiesEveryDimension() {
    double[][] points = new LatinHypercubeDesign().points(50, 7, 3, 0);
    for (int j = 0; j < 7; j++) {
      int[] strata = new int[50];
      for (double[] p : points) {
        strata[(int) (p[j] * 50)]++;
      }
      for (int s : strata) {
        assertEquals(1, s);
      }
    }
  }

  @Test
  void designsSpreadBetterThanRandomPoints() {
    // fraction of empty cells of a 16 x 16 grid for 128 points (uniform random: ~61%)
    SplittableRandom random = new SplittableRandom(9);
    double[][] uniform = new double[128][2];
    for (double[] p : uniform) {
      p[0] = random.nextDouble();
      p[1] = random.nextDouble();
    }
    // Sobol: each 1/16 x 1/8 box holds exactly one point, so exactly half the cells are empty
    assertEquals(0.5, empty(grid(new SobolDesign().points(128, 2, 1, 0), 0, 1, 16)));
    assertTrue(empty(grid(uniform, 0, 1, 16)) > 0.55);
  }

  private static double empty(int[][] cells) {
    int n = 0;
    for (int[] row : cells) {
      for (int c : row) {
        n += c == 0 ? 1 : 0;
      }
    }
    return n / (double) (cells.length * cells.length);
  }

  @Test
  void designsAreDeterministicAndDistinctOverTheMlpSpace() {
    ConfigurationSpace space = MlpSpace.builder().build();
    for (InitialDesign design : List.of(InitialDesign.sobol(), InitialDesign.latinHypercube())) {
      List<Configuration> a = design.configurations(space, 30, 5);
      assertEquals(a, design.configurations(space, 30, 5));
      assertNotEquals(a, design.configurations(space, 30, 6));
      assertEquals(30, new HashSet<>(a).size());
      Set<Object> depths = new HashSet<>();
      Set<Object> activations = new HashSet<>();
      for (Configuration c : a) {
        depths.add(c.get(MlpSpace.LAYERS));
        activations.add(c.get(MlpSpace.activation(1)));
      }
      assertEquals(2, depths.size());
      assertEquals(3, activations.size());
    }
    // a space smaller than the request gives all of it
    ConfigurationSpace tiny = ConfigurationSpace.builder().add(IntegerHyperparameter.of("k", 1, 3)).build();
    assertEquals(3, InitialDesign.sobol().configurations(tiny, 10, 1).size());
  }
}
