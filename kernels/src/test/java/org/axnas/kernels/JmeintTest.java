package org.axnas.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JmeintTest {
  private final Benchmark jmeint = Benchmarks.byName("jmeint");

  /** Triangle 1 in the plane z = 0: (0,0,0), (1,0,0), (0,1,0). */
  private static final float[] FLOOR = {0, 0, 0, 1, 0, 0, 0, 1, 0};

  private boolean intersects(float[] t1, float[] t2) {
    float[] in = new float[18];
    System.arraycopy(t1, 0, in, 0, 9);
    System.arraycopy(t2, 0, in, 9, 9);
    float[] out = Samples.compute(jmeint, in);
    assertTrue((out[0] == 1 && out[1] == 0) || (out[0] == 0 && out[1] == 1), "one-hot output");
    return out[0] == 1;
  }

  @Test
  void handMadeCases() {
    // a vertical triangle piercing the floor triangle's interior
    assertTrue(intersects(FLOOR, new float[] {0.25f, 0.25f, -0.5f, 0.25f, 0.25f, 0.5f, 0.5f, 0.1f, 0.5f}));
    // the same triangle lifted above the floor: disjoint, all vertices on one side
    assertEquals(false, intersects(FLOOR, new float[] {0.25f, 0.25f, 1.5f, 0.25f, 0.25f, 2.5f, 0.5f, 0.1f, 2.5f}));
    // crosses the floor's plane, but outside the floor triangle
    assertEquals(false, intersects(FLOOR, new float[] {2, 2, -1, 2, 2, 1, 3, 2, 1}));
    // touching: one vertex lies on the floor triangle's interior
    assertTrue(intersects(FLOOR, new float[] {0.25f, 0.25f, 0, 0.25f, 0.25f, 1, 0.5f, 0.25f, 1}));
    // touching: an edge lies on the floor's edge y = 0 (x from 0.25 to 0.5), triangle above
    assertTrue(intersects(FLOOR, new float[] {0.25f, 0, 0, 0.5f, 0, 0, 0.4f, 0.3f, 1}));
    // coplanar and overlapping
    assertTrue(intersects(FLOOR, new float[] {0.2f, 0.2f, 0, 1.2f, 0.2f, 0, 0.2f, 1.2f, 0}));
    // coplanar and disjoint
    assertEquals(false, intersects(FLOOR, new float[] {2, 2, 0, 3, 2, 0, 2, 3, 0}));
    // coplanar, one inside the other (no edges cross: found by the point-in-triangle test)
    assertTrue(intersects(FLOOR, new float[] {0.1f, 0.1f, 0, 0.3f, 0.1f, 0, 0.1f, 0.3f, 0}));
    assertTrue(intersects(new float[] {0.1f, 0.1f, 0, 0.3f, 0.1f, 0, 0.1f, 0.3f, 0}, FLOOR));
    // identical triangles
    assertTrue(intersects(FLOOR, FLOOR));
  }

  @Test
  void agreesWithEdgeTriangleTestOnRandomPairs() {
    SplittableRandom rnd = new SplittableRandom(2024);
    int pairs = 10_000;
    int hits = 0;
    int nearDegenerate = 0;
    for (int i = 0; i < pairs; i++) {
      float[] t = new float[18];
      for (int k = 0; k < 18; k++) {
        t[k] = (float) rnd.nextDouble();
      }
      float[] t1 = java.util.Arrays.copyOfRange(t, 0, 9);
      float[] t2 = java.util.Arrays.copyOfRange(t, 9, 18);
      EdgeTriangleTest reference = new EdgeTriangleTest(t1, t2);
      boolean moller = intersects(t1, t2);
      if (reference.margin < 1e-5) {
        nearDegenerate++; // too close to touching for float and double to be sure to agree
        continue;
      }
      assertEquals(reference.intersect, moller, "pair " + i + " " + java.util.Arrays.toString(t));
      hits += moller ? 1 : 0;
    }
    assertTrue(nearDegenerate < 20, nearDegenerate + " near-degenerate pairs");
    // about 28% of uniform random pairs intersect (AxBench's jmeint_10K.data: 2835 of 10000)
    assertEquals(0.28, (double) hits / pairs, 0.03);
  }

  /**
   * Two non-coplanar triangles intersect exactly when an edge of one meets the other triangle:
   * six segment-triangle tests in double. {@code margin} is the smallest distance, relative to
   * the triangles' size, by which any of those tests was decided.
   */
  private static final class EdgeTriangleTest {
    boolean intersect;
    double margin = Double.POSITIVE_INFINITY;

    EdgeTriangleTest(float[] t1, float[] t2) {
      for (int e = 0; e < 3; e++) {
        intersect |= segmentMeets(t1, e, (e + 1) % 3, t2);
        intersect |= segmentMeets(t2, e, (e + 1) % 3, t1);
      }
    }

    private boolean segmentMeets(float[] s, int from, int to, float[] tri) {
      double[] p = vertex(s, from);
      double[] q = vertex(s, to);
      double[] a = vertex(tri, 0);
      double[] b = vertex(tri, 1);
      double[] c = vertex(tri, 2);
      double[] n = cross(sub(b, a), sub(c, a));
      double nn = Math.sqrt(dot(n, n));
      double dp = dot(n, sub(p, a)) / nn;
      double dq = dot(n, sub(q, a)) / nn;
      margin = Math.min(margin, Math.min(Math.abs(dp), Math.abs(dq)));
      if (dp * dq > 0) {
        return false; // both ends on one side of the plane
      }
      double[] x = add(p, scale(sub(q, p), dp / (dp - dq)));
      // x inside the triangle: on the inner side of all three edges (distances to the edges)
      double s1 = dot(n, cross(sub(b, a), sub(x, a))) / nn / norm(sub(b, a));
      double s2 = dot(n, cross(sub(c, b), sub(x, b))) / nn / norm(sub(c, b));
      double s3 = dot(n, cross(sub(a, c), sub(x, c))) / nn / norm(sub(a, c));
      margin = Math.min(margin, Math.min(Math.abs(s1), Math.min(Math.abs(s2), Math.abs(s3))));
      return s1 >= 0 && s2 >= 0 && s3 >= 0;
    }

    private static double[] vertex(float[] t, int v) {
      return new double[] {t[3 * v], t[3 * v + 1], t[3 * v + 2]};
    }

    private static double[] sub(double[] u, double[] v) {
      return new double[] {u[0] - v[0], u[1] - v[1], u[2] - v[2]};
    }

    private static double[] add(double[] u, double[] v) {
      return new double[] {u[0] + v[0], u[1] + v[1], u[2] + v[2]};
    }

    private static double[] scale(double[] u, double f) {
      return new double[] {u[0] * f, u[1] * f, u[2] * f};
    }

    private static double dot(double[] u, double[] v) {
      return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    }

    private static double norm(double[] u) {
      return Math.sqrt(dot(u, u));
    }

    private static double[] cross(double[] u, double[] v) {
      return new double[] {
        u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]
      };
    }
  }

  @Test
  void readsAxbenchTriangleFile() throws IOException {
    Path file = AxbenchData.require("jmeint/jmeint_10K.data");
    InputSource pairs = jmeint.reader(file);
    assertEquals(10_000, pairs.size());
    String[] first = Files.readAllLines(file).get(1).trim().split("\\s+");
    float[] expected = new float[18];
    for (int i = 0; i < 18; i++) {
      expected[i] = Float.parseFloat(first[i]);
    }
    assertArrayEquals(expected, Samples.input(pairs, jmeint, 0));
    int hits = 0;
    for (int i = 0; i < pairs.size(); i++) {
      float[] in = Samples.input(pairs, jmeint, i);
      for (float v : in) {
        assertTrue(v >= 0 && v < 1);
      }
      hits += Samples.compute(jmeint, in)[0] == 1 ? 1 : 0;
    }
    // 2835: what AxBench's C tri_tri_intersect, compiled with g++, finds on this file
    assertEquals(2835, hits, "intersecting pairs");
  }

  @Test
  void classificationMetricAndBound() {
    ErrorMetric metric = jmeint.metric();
    float[] hit = {1, 0};
    assertEquals(0, metric.error(new float[] {0.7f, 0.2f}, hit));
    assertEquals(1, metric.error(new float[] {0.3f, 0.6f}, hit));
    assertEquals(1, metric.error(new float[] {Float.NaN, 0f}, hit));
    for (int group = 1; group <= 2; group++) {
      assertTrue(metric.correct(new float[] {0.51f, 0.49f}, hit, jmeint.errorBound(group)));
      assertEquals(false, metric.correct(new float[] {0.49f, 0.51f}, hit, jmeint.errorBound(group)));
    }
  }
}
