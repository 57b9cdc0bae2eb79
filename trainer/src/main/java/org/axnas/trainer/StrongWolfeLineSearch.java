package org.axnas.trainer;

/**
 * A line search for the strong Wolfe conditions (Nocedal and Wright, algorithms 3.5 and 3.6),
 * written after PyTorch's {@code torch.optim.lbfgs._strong_wolfe}: bracketing with cubic
 * extrapolation, then a zoom by safeguarded cubic interpolation; sufficient decrease c1 = 1e-4,
 * curvature c2 = 0.9, at most 25 evaluations. Whatever the search does, it returns the best point
 * it has seen on the bracket's low side, so a failed search never makes the loss worse.
 *
 * <p>A non-finite loss at a trial step counts as +infinity (too far), so a step scale that
 * overflows is backed off instead of poisoning the interpolation.
 */
final class StrongWolfeLineSearch {
  private static final double C1 = 1e-4;
  private static final double C2 = 0.9;
  private static final int MAX_EVALUATIONS = 25;
  private static final double TOLERANCE_CHANGE = 1e-9;

  private StrongWolfeLineSearch() {}

  /** A differentiable function of a point: returns the value and writes the gradient. */
  interface Objective {
    double valueAndGradient(double[] x, double[] gradient);
  }

  /** The step taken, its loss and gradient, how many evaluations it cost, and whether any trial was non-finite. */
  record Step(double t, double loss, double[] gradient, int evaluations, boolean sawNonFinite) {}

  /**
   * Searches along {@code d} from {@code x} (loss {@code f}, gradient {@code g}, directional
   * derivative {@code gtd < 0}) starting with step {@code t}.
   */
  static Step search(Objective objective, double[] x, double t, double[] d, double f, double[] g, double gtd) {
    Trial trial = new Trial(objective, x, d);
    double dNorm = maxAbs(d);
    double fNew = trial.at(t);
    double[] gNew = trial.gradient.clone();
    double gtdNew = dot(gNew, d);
    double tPrev = 0;
    double fPrev = f;
    double[] gPrev = g.clone();
    double gtdPrev = gtd;
    boolean done = false;
    int iterations = 0;
    double[] bracket = null;
    double[] bracketF = null;
    double[][] bracketG = null;
    double[] bracketGtd = null;

    while (iterations < MAX_EVALUATIONS) {
      boolean tooFar = fNew > f + C1 * t * gtd || (iterations > 1 && fNew >= fPrev);
      if (!tooFar && Math.abs(gtdNew) <= -C2 * gtd) {
        return new Step(t, fNew, gNew, trial.evaluations, trial.sawNonFinite);
      }
      if (tooFar || gtdNew >= 0) {
        bracket = new double[] {tPrev, t};
        bracketF = new double[] {fPrev, fNew};
        bracketG = new double[][] {gPrev, gNew.clone()};
        bracketGtd = new double[] {gtdPrev, gtdNew};
        break;
      }
      double minStep = t + 0.01 * (t - tPrev);
      double maxStep = t * 10;
      double previous = t;
      t = cubicMinimum(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
      tPrev = previous;
      fPrev = fNew;
      gPrev = gNew.clone();
      gtdPrev = gtdNew;
      fNew = trial.at(t);
      gNew = trial.gradient.clone();
      gtdNew = dot(gNew, d);
      iterations++;
    }
    if (bracket == null) {
      // Every extrapolation still decreased: keep the best of the start and the last trial.
      return fNew < f ? new Step(t, fNew, gNew, trial.evaluations, trial.sawNonFinite)
          : new Step(0, f, g.clone(), trial.evaluations, trial.sawNonFinite);
    }

    boolean insufficientProgress = false;
    int low = bracketF[0] <= bracketF[1] ? 0 : 1;
    int high = 1 - low;
    while (!done && iterations < MAX_EVALUATIONS) {
      if (Math.abs(bracket[1] - bracket[0]) * dNorm < TOLERANCE_CHANGE) {
        break;
      }
      double lo = Math.min(bracket[0], bracket[1]);
      double hi = Math.max(bracket[0], bracket[1]);
      t = cubicMinimum(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1], lo, hi);
      // Safeguard (PyTorch's): a trial too near an end of the bracket is moved inside it, unless
      // the previous trial made enough progress.
      double eps = 0.1 * (hi - lo);
      if (Math.min(hi - t, t - lo) < eps) {
        if (insufficientProgress || t >= hi || t <= lo) {
          t = Math.abs(t - hi) < Math.abs(t - lo) ? hi - eps : lo + eps;
          insufficientProgress = false;
        } else {
          insufficientProgress = true;
        }
      } else {
        insufficientProgress = false;
      }
      fNew = trial.at(t);
      gNew = trial.gradient.clone();
      gtdNew = dot(gNew, d);
      iterations++;
      if (fNew > f + C1 * t * gtd || fNew >= bracketF[low]) {
        bracket[high] = t;
        bracketF[high] = fNew;
        bracketG[high] = gNew;
        bracketGtd[high] = gtdNew;
      } else {
        if (Math.abs(gtdNew) <= -C2 * gtd) {
          done = true;
        } else if (gtdNew * (bracket[high] - bracket[low]) >= 0) {
          bracket[high] = bracket[low];
          bracketF[high] = bracketF[low];
          bracketG[high] = bracketG[low];
          bracketGtd[high] = bracketGtd[low];
        }
        bracket[low] = t;
        bracketF[low] = fNew;
        bracketG[low] = gNew;
        bracketGtd[low] = gtdNew;
      }
      low = bracketF[0] <= bracketF[1] ? 0 : 1;
      high = 1 - low;
    }
    return new Step(bracket[low], bracketF[low], bracketG[low], trial.evaluations, trial.sawNonFinite);
  }

  /**
   * The minimiser of the cubic through (x1, f1) and (x2, f2) with slopes g1 and g2, clamped to
   * [lo, hi]; the middle of [lo, hi] when the cubic has no minimum or the numbers are not finite.
   */
  static double cubicMinimum(double x1, double f1, double g1, double x2, double f2, double g2, double lo, double hi) {
    double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
    double d2Square = d1 * d1 - g1 * g2;
    if (d2Square >= 0) {
      double d2 = Math.sqrt(d2Square);
      double minPos = x1 <= x2
          ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
          : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
      if (Double.isFinite(minPos)) {
        return Math.min(Math.max(minPos, lo), hi);
      }
    }
    return (lo + hi) / 2;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double maxAbs(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  /** Evaluates the objective at x + t d into reused arrays, counting evaluations. */
  private static final class Trial {
    private final Objective objective;
    private final double[] x;
    private final double[] d;
    private final double[] point;
    final double[] gradient;
    int evaluations;
    boolean sawNonFinite;

    Trial(Objective objective, double[] x, double[] d) {
      this.objective = objective;
      this.x = x;
      this.d = d;
      this.point = new double[x.length];
      this.gradient = new double[x.length];
    }

    double at(double t) {
      for (int i = 0; i < x.length; i++) {
        point[i] = x[i] + t * d[i];
      }
      evaluations++;
      double f = objective.valueAndGradient(point, gradient);
      if (!Double.isFinite(f)) {
        sawNonFinite = true;
        java.util.Arrays.fill(gradient, 0);
        return Double.POSITIVE_INFINITY;
      }
      return f;
    }
  }
}
