package org.axnas.smac;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Expected hypervolume improvement (EHVI; Emmerich et al. 2006) of a front of three maximised
 * objectives of which only one is uncertain: an <i>uncertain</i> objective in [0, 1] (accuracy),
 * which the forest models, and two <i>known</i> ones (speedup, energy reduction), which are a cheap
 * deterministic function of the configuration supplied by the caller (the pipeline simulates the
 * network with hwsim, as its evaluation does). The reference point is the origin, as for the run's
 * front hypervolume.
 *
 * <p><b>The closed form.</b> For a candidate with known values (s, e) and uncertain value a, the
 * improvement {@code HVI(a) = HV(P + (a, s, e)) - HV(P)} is the volume of the box
 * [0, a] x [0, s] x [0, e] that the front P does not dominate. Cut at height t of the uncertain
 * axis, a point of the box is dominated by the front points q with {@code q_a >= t}, so
 * {@code HVI(a) = integral_0^a L(t) dt}, where L(t) is the area of [0, s] x [0, e] outside the
 * union of the rectangles [0, q_s] x [0, q_e] of those q. L is a non-decreasing step function that
 * changes only at the front's values {@code 1 >= a_1 > a_2 > ... > a_m > 0}: on (a_1, 1] no point
 * covers anything and L = s e; on (a_(j+1), a_j] (a_(m+1) = 0) it is s e minus the area of the union
 * of the rectangles of the points with {@code q_a >= a_j}. With A ~ N(mu, sigma^2) and Fubini,
 * {@code E[HVI(A)] = integral_0^1 L(t) P(A > t) dt = sum_k L_k W(l_k, u_k)}, and per segment
 * {@code W(l, u) = integral_l^u (1 - Phi((t - mu) / sigma)) dt = sigma (psi(z_l) - psi(z_u))} with
 * {@code psi(z) = phi(z) - z (1 - Phi(z))} (an antiderivative of -(1 - Phi)) and
 * {@code z = (t - mu) / sigma}. With sigma = 0 it is {@code W = clamp(mu, l, u) - l}, so the EHVI is
 * HVI(mu) exactly.
 *
 * <p><b>The bounds of the uncertain objective.</b> The integral runs over t in [0, 1]: the Gaussian's
 * mass below 0 improves nothing (an accuracy of 0 spans no volume) and its mass above 1 counts as
 * an accuracy of 1. That is the EHVI of the clipped accuracy {@code min(max(A, 0), 1)}, the law a
 * forest's Gaussian should stand for on an accuracy.
 *
 * <p><b>Cost.</b> Per {@link Front} (once per pick) the staircase of the front's rectangles is
 * built for each level a_j (O(m^2 log m), m the front's points). Per candidate the union areas are
 * swept in O(staircase), from the top level down, stopping at the first level whose union covers
 * the candidate's rectangle (every lower level covers it too) and skipping the segments of zero
 * weight; psi is evaluated once per breakpoint, in closed form only within 8.5 standard deviations of
 * the mean. Dominated front points are dropped first (their boxes lie in their dominators').
 */
public final class ExpectedHypervolumeImprovement {
  private final String uncertain;
  private final List<String> known;
  private final Function<Configuration, double[]> knownValues;

  private ExpectedHypervolumeImprovement(String uncertain, List<String> known, Function<Configuration, double[]> knownValues) {
    if (known.size() != 2) {
      throw new IllegalArgumentException("EHVI here takes exactly two known objectives, got " + known);
    }
    if (knownValues == null) {
      throw new IllegalArgumentException("EHVI needs the function that computes the known objectives");
    }
    this.uncertain = uncertain;
    this.known = List.copyOf(known);
    this.knownValues = knownValues;
  }

  /**
   * EHVI over the maximised objectives {@code uncertain} (in [0, 1], modelled by the forest) and the
   * two {@code known} ones, read by these names from the results; {@code knownValues} gives the
   * known objectives of a configuration in the order of {@code known}, or null when it has none (the
   * configuration is then never proposed by EHVI).
   */
  public static ExpectedHypervolumeImprovement maximising(String uncertain, List<String> known,
      Function<Configuration, double[]> knownValues) {
    return new ExpectedHypervolumeImprovement(uncertain, known, knownValues);
  }

  /** The known objectives of {@code c} (null when it has none). */
  public double[] knownValues(Configuration c) {
    return knownValues.apply(c);
  }

  /** The cost the forest learns: {@code 1 - uncertain}, so its mean and variance are in the objective's units. */
  double cost(TrialResult r) {
    return 1 - value(r, uncertain);
  }

  /** The front of the OK results among {@code observed}. */
  Front front(List<Observation> observed) {
    List<double[]> points = new ArrayList<>();
    for (Observation e : observed) {
      if (e.result().isOk()) {
        points.add(new double[] {value(e.result(), uncertain), value(e.result(), known.get(0)), value(e.result(), known.get(1))});
      }
    }
    return new Front(points);
  }

  private static double value(TrialResult r, String name) {
    Double x = r.objectives().get(name);
    if (x == null || !Double.isFinite(x)) {
      throw new IllegalArgumentException("EHVI needs objective '" + name + "' in every OK result, got " + r.objectives());
    }
    return x;
  }

  @Override
  public String toString() {
    return "EHVI(" + uncertain + " modelled; " + String.join(", ", known) + " known; reference 0)";
  }

  /**
   * A front of points (uncertain, known 1, known 2), every objective maximised, with the staircases
   * EHVI needs precomputed. Immutable; {@link #with} adds a point (a believed pick).
   */
  public static final class Front {
    private final List<double[]> points;
    /** The distinct uncertain values in (0, 1], clipped to 1, descending. */
    private final double[] levels;
    /** Per level: the 2D non-dominated known values of the points at or above it, first known descending. */
    private final double[][] stepX;
    private final double[][] stepY;

    /** @param points (uncertain, known 1, known 2) each, as observed */
    public Front(List<double[]> points) {
      this.points = List.copyOf(points);
      List<double[]> byLevel = new ArrayList<>();
      for (double[] p : points) {
        if (p[0] > 0 && p[1] > 0 && p[2] > 0) { // nothing else spans volume over the origin
          byLevel.add(new double[] {Math.min(p[0], 1), p[1], p[2]});
        }
      }
      byLevel = nonDominated(byLevel); // a dominated point's box lies in its dominator's at every level
      byLevel.sort(Comparator.comparingDouble((double[] p) -> -p[0]));
      double[] lv = new double[byLevel.size()];
      int m = 0;
      for (double[] p : byLevel) {
        if (m == 0 || p[0] < lv[m - 1]) {
          lv[m++] = p[0];
        }
      }
      levels = Arrays.copyOf(lv, m);
      stepX = new double[m][];
      stepY = new double[m][];
      int upTo = 0;
      for (int j = 0; j < m; j++) {
        while (upTo < byLevel.size() && byLevel.get(upTo)[0] >= levels[j]) {
          upTo++;
        }
        staircase(byLevel.subList(0, upTo), j);
      }
    }

    private static List<double[]> nonDominated(List<double[]> points) {
      List<double[]> kept = new ArrayList<>();
      for (int i = 0; i < points.size(); i++) {
        double[] p = points.get(i);
        boolean dominated = false;
        for (int j = 0; j < points.size() && !dominated; j++) {
          double[] q = points.get(j);
          boolean atLeast = q[0] >= p[0] && q[1] >= p[1] && q[2] >= p[2];
          // of equal points the first is kept
          dominated = atLeast && (q[0] > p[0] || q[1] > p[1] || q[2] > p[2] || j < i);
        }
        if (!dominated) {
          kept.add(p);
        }
      }
      return kept;
    }

    /** The 2D non-dominated (known 1, known 2) of {@code at}: known 1 descending, known 2 ascending. */
    private void staircase(List<double[]> at, int j) {
      double[][] sorted = at.toArray(new double[0][]);
      Arrays.sort(sorted, Comparator.comparingDouble((double[] p) -> -p[1]).thenComparingDouble(p -> -p[2]));
      double[] xs = new double[sorted.length];
      double[] ys = new double[sorted.length];
      int n = 0;
      for (double[] p : sorted) {
        if (n == 0 || p[2] > ys[n - 1]) {
          xs[n] = p[1];
          ys[n] = p[2];
          n++;
        }
      }
      stepX[j] = Arrays.copyOf(xs, n);
      stepY[j] = Arrays.copyOf(ys, n);
    }

    /** This front with one more point (the kriging believer's pick at its predicted mean). */
    public Front with(double uncertain, double known1, double known2) {
      List<double[]> more = new ArrayList<>(points);
      more.add(new double[] {uncertain, known1, known2});
      return new Front(more);
    }

    /** The exact improvement {@code HV(front + (a, s, e)) - HV(front)} (sigma = 0). */
    public double improvement(double a, double s, double e) {
      return expected(s, e, a, 0);
    }

    /**
     * {@code E[HVI(A)]} of a candidate with known values (s, e) and uncertain value
     * {@code A ~ N(mean, sd^2)}, clipped to [0, 1] (see the class comment); {@code sd = 0} gives
     * HVI(mean).
     */
    public double expected(double s, double e, double mean, double sd) {
      if (!(s > 0 && e > 0)) {
        return 0;
      }
      double box = s * e;
      double upper = 1;
      double psiUpper = psi(upper, mean, sd);
      double sum = 0;
      // segment j is (lower, upper] with lower = levels[j] (0 for the last); above levels[0] nothing covers
      for (int j = 0; j <= levels.length; j++) {
        double lower = j < levels.length ? levels[j] : 0;
        double psiLower = psi(lower, mean, sd);
        double weight = sd > 0 ? sd * (psiLower - psiUpper) : Math.min(Math.max(mean, lower), upper) - lower;
        if (weight > 0) { // a segment that weighs nothing (above the mean, or where P(A > t) underflows) needs no area
          double uncovered = j == 0 ? box : box - coveredArea(j - 1, s, e);
          if (!(uncovered > 0)) {
            break; // covered here, so on every lower segment too
          }
          sum += uncovered * weight;
        }
        upper = lower;
        psiUpper = psiLower;
      }
      return Math.max(sum, 0);
    }

    /** The area of [0, s] x [0, e] under level j's staircase: a sweep up the second known axis. */
    private double coveredArea(int j, double s, double e) {
      double[] xs = stepX[j];
      double[] ys = stepY[j];
      double area = 0;
      double below = 0;
      for (int i = 0; i < xs.length && below < e; i++) {
        double y = Math.min(ys[i], e);
        area += Math.min(xs[i], s) * (y - below);
        below = y;
      }
      return area;
    }

    /**
     * psi((t - mean) / sd); unused (0) when sd = 0. Beyond 8.5 standard deviations it is -z below
     * (exactly, in doubles: Phi(z) < 1e-17) and 0 above (psi < 2e-19 there): most breakpoints of a
     * front lie that far from a candidate's mean, and erfc is the costly part of a score.
     */
    private static double psi(double t, double mean, double sd) {
      if (!(sd > 0)) {
        return 0;
      }
      double z = (t - mean) / sd;
      if (z < -TAIL) {
        return -z;
      }
      if (z > TAIL) {
        return 0;
      }
      return Gaussian.pdf(z) - z * Gaussian.cdf(-z);
    }

    private static final double TAIL = 8.5;

    public List<double[]> points() {
      return points;
    }
  }
}
