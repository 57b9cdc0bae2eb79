package org.axnas.trainer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Limited-memory BFGS over a double vector, one iteration per {@link #next} call, as PyTorch's
 * {@code torch.optim.LBFGS} with {@code line_search_fn="strong_wolfe"} does it: the two-loop
 * recursion over the last {@code history} curvature pairs (a pair is kept only when
 * {@code y.s > 1e-10}), the initial Hessian scaled by {@code y.s / y.y}, a first step of
 * {@code min(1, 1/|g|_1) * stepScale} and {@code stepScale} after that, and the
 * {@link StrongWolfeLineSearch}. Converged when the largest gradient component is at most 1e-7
 * or the largest step component at most 1e-9 (PyTorch's defaults).
 *
 * <p>Two departures from PyTorch, because a network's loss is evaluated in float: PyTorch also
 * stops when the loss changes by less than 1e-9 or the directional derivative is above -1e-9,
 * absolute figures that a scaled MSE of 1e-4 passes while it still falls steadily; here, instead,
 * a direction that is not downhill, or a line search that finds no lower loss, clears the
 * curvature memory and restarts from steepest descent, and only a steepest-descent step that
 * finds nothing ends the run.
 *
 * <p>All arithmetic is double and in a fixed order, so a start point and objective give the same
 * iterates every time. The objective may throw (the trainer's time limit does); the state is then
 * undefined and the optimiser must not be used again.
 */
final class Lbfgs {
  private static final double TOLERANCE_GRAD = 1e-7;
  private static final double TOLERANCE_STEP = 1e-9;
  private static final double CURVATURE_MIN = 1e-10;

  /** What one iteration did: the loss after it, the evaluations it cost, and why it ended the run, if it did. */
  record Iteration(double loss, int evaluations, Ending ending) {}

  /** Why L-BFGS cannot go on: it converged, or the line search found no finite loss along the direction. */
  enum Ending { NONE, CONVERGED, NO_FINITE_STEP }

  private final StrongWolfeLineSearch.Objective objective;
  private final int history;
  private final double stepScale;
  private final double[] x;
  private double[] g;
  private double loss = Double.NaN;
  private double[] d;
  private double t;
  private double hessianScale = 1;
  private final Deque<double[]> oldY = new ArrayDeque<>();
  private final Deque<double[]> oldS = new ArrayDeque<>();
  private final Deque<Double> rho = new ArrayDeque<>();
  private int iterations;

  Lbfgs(StrongWolfeLineSearch.Objective objective, double[] start, int history, double stepScale) {
    this.objective = objective;
    this.x = start.clone();
    this.history = history;
    this.stepScale = stepScale;
  }

  /** The current point (a copy). */
  double[] position() {
    return x.clone();
  }

  /** The loss at the current point; NaN before the first iteration. */
  double loss() {
    return loss;
  }

  Iteration next() {
    int evaluations = 0;
    if (g == null) {
      g = new double[x.length];
      loss = objective.valueAndGradient(x, g);
      evaluations++;
      if (!Double.isFinite(loss)) {
        return new Iteration(loss, evaluations, Ending.NONE);
      }
    }
    if (StrongWolfeLineSearch.maxAbs(g) <= TOLERANCE_GRAD) {
      return new Iteration(loss, evaluations, Ending.CONVERGED);
    }
    iterations++;
    boolean steepest = oldY.isEmpty();
    d = steepest ? negate(g) : direction();
    double gtd = StrongWolfeLineSearch.dot(g, d);
    if (!(gtd < 0) && !steepest) {
      forget();
      steepest = true;
      d = negate(g);
      gtd = StrongWolfeLineSearch.dot(g, d);
    }
    if (!(gtd < 0)) {
      return new Iteration(loss, evaluations, Ending.CONVERGED);
    }
    double[] previousG = g;
    t = steepest ? Math.min(1, 1 / sumAbs(g)) * stepScale : stepScale;
    StrongWolfeLineSearch.Step step = StrongWolfeLineSearch.search(objective, x, t, d, loss, g, gtd);
    evaluations += step.evaluations();
    if (step.t() == 0) {
      if (!steepest) {
        forget();
        return new Iteration(loss, evaluations, Ending.NONE);
      }
      return new Iteration(step.sawNonFinite() ? Double.POSITIVE_INFINITY : loss, evaluations,
          step.sawNonFinite() ? Ending.NO_FINITE_STEP : Ending.CONVERGED);
    }
    t = step.t();
    for (int i = 0; i < x.length; i++) {
      x[i] += t * d[i];
    }
    loss = step.loss();
    g = step.gradient();
    remember(previousG);
    boolean converged = StrongWolfeLineSearch.maxAbs(g) <= TOLERANCE_GRAD
        || Math.abs(t) * StrongWolfeLineSearch.maxAbs(d) <= TOLERANCE_STEP;
    return new Iteration(loss, evaluations, converged ? Ending.CONVERGED : Ending.NONE);
  }

  /** Drops the curvature pairs: the next direction is steepest descent. */
  private void forget() {
    oldY.clear();
    oldS.clear();
    rho.clear();
    hessianScale = 1;
  }

  /** Stores the curvature pair of the step just taken, (s, y) = (t d, g - g_prev). */
  private void remember(double[] previousG) {
    double[] y = new double[x.length];
    double[] s = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = g[i] - previousG[i];
      s[i] = t * d[i];
    }
    double ys = StrongWolfeLineSearch.dot(y, s);
    if (ys > CURVATURE_MIN) {
      if (oldY.size() == history) {
        oldY.removeFirst();
        oldS.removeFirst();
        rho.removeFirst();
      }
      oldY.addLast(y);
      oldS.addLast(s);
      rho.addLast(1 / ys);
      hessianScale = ys / StrongWolfeLineSearch.dot(y, y);
    }
  }

  /** The two-loop recursion: -H g from the stored pairs. */
  private double[] direction() {
    int m = oldY.size();
    double[] alpha = new double[m];
    double[] q = negate(g);
    Iterator<double[]> ys = oldY.descendingIterator();
    Iterator<double[]> ss = oldS.descendingIterator();
    Iterator<Double> rs = rho.descendingIterator();
    for (int i = m - 1; i >= 0; i--) {
      double[] y = ys.next();
      double[] s = ss.next();
      alpha[i] = StrongWolfeLineSearch.dot(s, q) * rs.next();
      axpy(-alpha[i], y, q);
    }
    for (int i = 0; i < q.length; i++) {
      q[i] *= hessianScale;
    }
    ys = oldY.iterator();
    ss = oldS.iterator();
    rs = rho.iterator();
    for (int i = 0; i < m; i++) {
      double[] y = ys.next();
      double[] s = ss.next();
      double beta = StrongWolfeLineSearch.dot(y, q) * rs.next();
      axpy(alpha[i] - beta, s, q);
    }
    return q;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] += a * x[i];
    }
  }

  private static double[] negate(double[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = -v[i];
    }
    return r;
  }

  private static double sumAbs(double[] v) {
    double s = 0;
    for (double e : v) {
      s += Math.abs(e);
    }
    return s;
  }
}
