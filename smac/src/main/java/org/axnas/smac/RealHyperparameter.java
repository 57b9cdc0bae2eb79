package org.axnas.smac;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A real number in [lower, upper], uniform on a linear or a log scale. */
public record RealHyperparameter(String name, double lower, double upper, boolean log, Double defaultValue)
    implements Hyperparameter {

  public RealHyperparameter {
    ConfigurationSpace.checkName(name);
    if (!(lower < upper) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
      throw new IllegalArgumentException(
          "real hyperparameter '" + name + "' needs finite lower < upper, got [" + lower + ", " + upper + "]");
    }
    if (log && lower <= 0) {
      throw new IllegalArgumentException(
          "real hyperparameter '" + name + "' on a log scale needs lower > 0, got " + lower);
    }
    if (defaultValue == null || !(defaultValue >= lower && defaultValue <= upper)) {
      throw new IllegalArgumentException("real hyperparameter '" + name + "': default "
          + defaultValue + " outside [" + lower + ", " + upper + "]");
    }
  }

  /** Uniform on a linear scale, default the middle. */
  public static RealHyperparameter of(String name, double lower, double upper) {
    return new RealHyperparameter(name, lower, upper, false, (lower + upper) / 2);
  }

  /** Uniform on a log scale, default the geometric middle. */
  public static RealHyperparameter log(String name, double lower, double upper) {
    double mid = Math.exp((Math.log(lower) + Math.log(upper)) / 2);
    return new RealHyperparameter(name, lower, upper, true, Math.max(lower, Math.min(upper, mid)));
  }

  private double axis(double v) {
    return log ? Math.log(v) : v;
  }

  @Override
  public Object canonical(Object value) {
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (d >= lower && d <= upper) {
        return d;
      }
    }
    throw new IllegalArgumentException("hyperparameter '" + name + "' takes a real number in ["
        + lower + ", " + upper + "], got " + value);
  }

  @Override
  public boolean isLegal(Object value) {
    return value instanceof Double d && d >= lower && d <= upper;
  }

  @Override
  public Object fromUnit(double u) {
    double x = axis(lower) + Math.min(1, Math.max(0, u)) * (axis(upper) - axis(lower));
    double v = log ? Math.exp(x) : x;
    return Math.max(lower, Math.min(upper, v));
  }

  @Override
  public double encode(Object value) {
    return (axis((Double) value) - axis(lower)) / (axis(upper) - axis(lower));
  }

  /** {@link #NUMERIC_NEIGHBOURS} values drawn around the current one on the unit axis. */
  @Override
  public List<Object> neighbours(Object value, SplittableRandom random) {
    double u = encode(value);
    List<Object> out = new ArrayList<>(NUMERIC_NEIGHBOURS);
    for (int tries = 0; tries < 4 * NUMERIC_NEIGHBOURS && out.size() < NUMERIC_NEIGHBOURS; tries++) {
      double w = u + NEIGHBOUR_STDEV * Gaussian.sample(random);
      if (w >= 0 && w <= 1) {
        Object candidate = fromUnit(w);
        if (!candidate.equals(value)) {
          out.add(candidate);
        }
      }
    }
    return out;
  }

  @Override
  public double cardinality() {
    return Double.POSITIVE_INFINITY;
  }

  @Override
  public List<Object> values() {
    throw new UnsupportedOperationException("real hyperparameter '" + name + "' has no finite value list");
  }

  @Override
  public String toJson(Object value) {
    return Double.toString((Double) value);
  }

  @Override
  public String describe() {
    return name + ": real [" + lower + ", " + upper + "]" + (log ? " log" : "") + ", default " + defaultValue;
  }
}
