package org.axnas.kernels;

import org.axnas.core.OpCounter;

/**
 * Tomas Moller's triangle-triangle intersection test ("A Fast Triangle-Triangle Intersection
 * Test", 1997) as AxBench's jmeint runs it: {@code tri_tri_intersect} with the epsilon test on the
 * signed distances (EPSILON = 1e-6), interval overlap on the line where the planes meet, and the
 * 2-D edge/containment test for coplanar triangles. All arithmetic is float, in the C source's
 * order.
 *
 * <p>The 18 coordinates are V0, V1, V2 (triangle 1) then U0, U1, U2 (triangle 2), each (x, y, z).
 *
 * <p>Operation counts follow the executed path through the C macros: each plane block (two edge
 * subtractions, a cross product, the plane offset, three signed distances, three epsilon tests
 * and two products) is one {@link OpBlock}; the early-outs, the interval branch chains
 * ({@code COMPUTE_INTERVALS} evaluates one to six conditions), the intersections, sorts and the
 * final overlap test add what they evaluate; the coplanar test counts its edge-edge and
 * point-in-triangle tests as far as they run. fabs and comparisons are FADD.
 */
final class TriangleIntersection {
  private static final double EPSILON = 0.000001;

  /** Plane of one triangle and the other's signed distances to it, with the epsilon tests. */
  private static final OpBlock PLANE = OpBlock.EMPTY.fadd(27).fmul(20).branch(3);
  /** The 18 coordinates read once; the result (one-hot, two values) stored. */
  private static final OpBlock MEMORY = OpBlock.EMPTY.load(18).store(2);
  private static final OpBlock TEST = OpBlock.EMPTY.fadd(1).branch(1);
  /** Direction of the intersection line, its largest component and the six projections. */
  private static final OpBlock LINE = OpBlock.EMPTY.fadd(8).fmul(6).branch(2).load(6);
  /** ISECT: two interval ends, each 3 FADD, 1 FMUL, 1 FDIV. */
  private static final OpBlock ISECT = OpBlock.EMPTY.fadd(6).fmul(2).fdiv(2);
  private static final OpBlock PRODUCT_TEST = OpBlock.EMPTY.fadd(1).fmul(1).branch(1);
  private static final OpBlock EDGE_SETUP = OpBlock.EMPTY.fadd(2).load(4);
  private static final OpBlock EDGE_EDGE = OpBlock.EMPTY.fadd(6).fmul(4).load(6);
  private static final OpBlock EDGE_E = OpBlock.EMPTY.fadd(1).fmul(2);
  private static final OpBlock POINT_IN_TRI = OpBlock.EMPTY.fadd(21).fmul(12).load(14);
  private static final OpBlock PROJECTION = OpBlock.EMPTY.fadd(5).integer(2).branch(2);

  private TriangleIntersection() {}

  /** True when the two triangles intersect (Moller's {@code tri_tri_intersect} returns 1). */
  static boolean intersect(float[] t, OpCounter ops) {
    MEMORY.addTo(ops);
    // plane of triangle 1 (N1 . X + d1 = 0) and where triangle 2's vertices lie against it
    float[] n1 = new float[3];
    float[] du = new float[3];
    plane(t, 0, 9, n1, du);
    float du0du1 = du[0] * du[1];
    float du0du2 = du[0] * du[2];
    PLANE.addTo(ops);
    if (sameSide(du0du1, du0du2, ops)) {
      return false;
    }
    // and the other way round
    float[] n2 = new float[3];
    float[] dv = new float[3];
    plane(t, 9, 0, n2, dv);
    float dv0dv1 = dv[0] * dv[1];
    float dv0dv2 = dv[0] * dv[2];
    PLANE.addTo(ops);
    if (sameSide(dv0dv1, dv0dv2, ops)) {
      return false;
    }

    // direction of the intersection line and the index of its largest component
    LINE.addTo(ops);
    float dx = n1[1] * n2[2] - n1[2] * n2[1];
    float dy = n1[2] * n2[0] - n1[0] * n2[2];
    float dz = n1[0] * n2[1] - n1[1] * n2[0];
    float max = Math.abs(dx);
    int index = 0;
    float b = Math.abs(dy);
    float c = Math.abs(dz);
    if (b > max) {
      max = b;
      index = 1;
    }
    if (c > max) {
      index = 2;
    }
    float[] isect = new float[4];
    boolean planar =
        !interval(t[index], t[3 + index], t[6 + index], dv, dv0dv1, dv0dv2, isect, 0, ops)
            || !interval(t[9 + index], t[12 + index], t[15 + index], du, du0du1, du0du2, isect, 2,
                ops);
    if (planar) {
      return coplanar(n1, t, ops);
    }
    sort(isect, 0, ops);
    sort(isect, 2, ops);
    ops.fadd(1);
    ops.branch(1);
    if (isect[1] < isect[2]) {
      return false;
    }
    ops.fadd(1);
    ops.branch(1);
    return !(isect[3] < isect[0]);
  }

  /**
   * The plane of the triangle at offset {@code tri} (0 or 9): its normal (E1 x E2) into n, and
   * the signed distances of the other triangle's vertices, after the epsilon test, into d.
   */
  private static void plane(float[] t, int tri, int other, float[] n, float[] d) {
    float e1x = t[tri + 3] - t[tri];
    float e1y = t[tri + 4] - t[tri + 1];
    float e1z = t[tri + 5] - t[tri + 2];
    float e2x = t[tri + 6] - t[tri];
    float e2y = t[tri + 7] - t[tri + 1];
    float e2z = t[tri + 8] - t[tri + 2];
    n[0] = e1y * e2z - e1z * e2y;
    n[1] = e1z * e2x - e1x * e2z;
    n[2] = e1x * e2y - e1y * e2x;
    float offset = -(n[0] * t[tri] + n[1] * t[tri + 1] + n[2] * t[tri + 2]);
    for (int v = 0; v < 3; v++) {
      int p = other + 3 * v;
      d[v] = epsilonTest(n[0] * t[p] + n[1] * t[p + 1] + n[2] * t[p + 2] + offset);
    }
  }

  private static float epsilonTest(float distance) {
    return Math.abs(distance) < EPSILON ? 0.0f : distance;
  }

  /** All three vertices strictly on one side of the other plane. */
  private static boolean sameSide(float d0d1, float d0d2, OpCounter ops) {
    TEST.addTo(ops);
    if (d0d1 > 0.0f) {
      TEST.addTo(ops);
      return d0d2 > 0.0f;
    }
    return false;
  }

  /**
   * {@code COMPUTE_INTERVALS}: the interval where a triangle crosses the line, written to
   * out[at], out[at + 1]; false when the triangles are coplanar.
   */
  private static boolean interval(float vv0, float vv1, float vv2, float[] d, float d0d1,
      float d0d2, float[] out, int at, OpCounter ops) {
    float d0 = d[0];
    float d1 = d[1];
    float d2 = d[2];
    TEST.addTo(ops);
    if (d0d1 > 0.0f) {
      isect(vv2, vv0, vv1, d2, d0, d1, out, at, ops);
      return true;
    }
    TEST.addTo(ops);
    if (d0d2 > 0.0f) {
      isect(vv1, vv0, vv2, d1, d0, d2, out, at, ops);
      return true;
    }
    PRODUCT_TEST.addTo(ops);
    boolean d1d2Positive = d1 * d2 > 0.0f;
    if (!d1d2Positive) {
      TEST.addTo(ops);
    }
    if (d1d2Positive || d0 != 0.0f) {
      isect(vv0, vv1, vv2, d0, d1, d2, out, at, ops);
      return true;
    }
    TEST.addTo(ops);
    if (d1 != 0.0f) {
      isect(vv1, vv0, vv2, d1, d0, d2, out, at, ops);
      return true;
    }
    TEST.addTo(ops);
    if (d2 != 0.0f) {
      isect(vv2, vv0, vv1, d2, d0, d1, out, at, ops);
      return true;
    }
    return false;
  }

  /** {@code ISECT}: where the two edges from vertex vv0 cross the other plane. */
  private static void isect(float vv0, float vv1, float vv2, float d0, float d1, float d2,
      float[] out, int at, OpCounter ops) {
    ISECT.addTo(ops);
    out[at] = vv0 + (vv1 - vv0) * d0 / (d0 - d1);
    out[at + 1] = vv0 + (vv2 - vv0) * d0 / (d0 - d2);
  }

  private static void sort(float[] v, int at, OpCounter ops) {
    TEST.addTo(ops);
    if (v[at] > v[at + 1]) {
      float c = v[at];
      v[at] = v[at + 1];
      v[at + 1] = c;
    }
  }

  /** {@code coplanar_tri_tri}: a 2-D test in the axis plane where the triangles are largest. */
  private static boolean coplanar(float[] n, float[] t, OpCounter ops) {
    PROJECTION.addTo(ops);
    float a0 = Math.abs(n[0]);
    float a1 = Math.abs(n[1]);
    float a2 = Math.abs(n[2]);
    int i0;
    int i1;
    if (a0 > a1) {
      if (a0 > a2) {
        i0 = 1; // a0 is greatest
        i1 = 2;
      } else {
        i0 = 0; // a2 is greatest
        i1 = 1;
      }
    } else {
      if (a2 > a1) {
        i0 = 0; // a2 is greatest
        i1 = 1;
      } else {
        i0 = 0; // a1 is greatest
        i1 = 2;
      }
    }
    // every edge of triangle 1 against the edges of triangle 2
    if (edgeAgainstTriangleEdges(t, 0, 3, i0, i1, ops)
        || edgeAgainstTriangleEdges(t, 3, 6, i0, i1, ops)
        || edgeAgainstTriangleEdges(t, 6, 0, i0, i1, ops)) {
      return true;
    }
    // finally, is one triangle completely inside the other?
    return pointInTriangle(t, 0, 9, 12, 15, i0, i1, ops)
        || pointInTriangle(t, 9, 0, 3, 6, i0, i1, ops);
  }

  /** {@code EDGE_AGAINST_TRI_EDGES}: edge (v0, v1) of triangle 1 against triangle 2's edges. */
  private static boolean edgeAgainstTriangleEdges(float[] t, int v0, int v1, int i0, int i1,
      OpCounter ops) {
    EDGE_SETUP.addTo(ops);
    float ax = t[v1 + i0] - t[v0 + i0];
    float ay = t[v1 + i1] - t[v0 + i1];
    return edgeEdge(t, v0, 9, 12, ax, ay, i0, i1, ops)
        || edgeEdge(t, v0, 12, 15, ax, ay, i0, i1, ops)
        || edgeEdge(t, v0, 15, 9, ax, ay, i0, i1, ops);
  }

  /** {@code EDGE_EDGE_TEST} (Franklin Antonio's segment intersection, Graphics Gems III). */
  private static boolean edgeEdge(float[] t, int v0, int u0, int u1, float ax, float ay, int i0,
      int i1, OpCounter ops) {
    EDGE_EDGE.addTo(ops);
    float bx = t[u0 + i0] - t[u1 + i0];
    float by = t[u0 + i1] - t[u1 + i1];
    float cx = t[v0 + i0] - t[u0 + i0];
    float cy = t[v0 + i1] - t[u0 + i1];
    float f = ay * bx - ax * by;
    float d = by * cx - bx * cy;
    // (f>0 && d>=0 && d<=f) || (f<0 && d<=0 && d>=f), counting the comparisons C evaluates
    boolean crosses = false;
    int evaluated = 1;
    if (f > 0) {
      evaluated++;
      if (d >= 0) {
        evaluated++;
        crosses = d <= f;
      }
    }
    if (!crosses) {
      evaluated++;
      if (f < 0) {
        evaluated++;
        if (d <= 0) {
          evaluated++;
          crosses = d >= f;
        }
      }
    }
    ops.fadd(evaluated);
    ops.branch(evaluated);
    if (!crosses) {
      return false;
    }
    EDGE_E.addTo(ops);
    float e = ax * cy - ay * cx;
    boolean first = f > 0 ? e >= 0 : e <= 0;
    ops.fadd(first ? 3 : 2);
    ops.branch(first ? 3 : 2);
    return first && (f > 0 ? e <= f : e >= f);
  }

  /** {@code POINT_IN_TRI}: is vertex v0 inside the triangle (u0, u1, u2), projected? */
  private static boolean pointInTriangle(float[] t, int v0, int u0, int u1, int u2, int i0,
      int i1, OpCounter ops) {
    POINT_IN_TRI.addTo(ops);
    float d0 = edgeSide(t, v0, u0, u1, i0, i1);
    float d1 = edgeSide(t, v0, u1, u2, i0, i1);
    float d2 = edgeSide(t, v0, u2, u0, i0, i1);
    ops.fmul(1);
    ops.fadd(1);
    ops.branch(1);
    if (d0 * d1 > 0.0) {
      ops.fmul(1);
      ops.fadd(1);
      ops.branch(1);
      return d0 * d2 > 0.0;
    }
    return false;
  }

  /** Signed side of point p against the projected line through a and b. */
  private static float edgeSide(float[] t, int p, int a, int b, int i0, int i1) {
    float la = t[b + i1] - t[a + i1];
    float lb = -(t[b + i0] - t[a + i0]);
    float lc = -la * t[a + i0] - lb * t[a + i1];
    return la * t[p + i0] + lb * t[p + i1] + lc;
  }
}
