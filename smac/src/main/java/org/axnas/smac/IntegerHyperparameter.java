package org.axnas.smac;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * An integer in [lower, upper], uniform on a linear or a log scale. As in ConfigSpace, each integer
 * owns the stretch [v - 0.5, v + 0.5] of the (log) axis, so sampling the unit interval uniformly
 * gives a log-uniform law over the integers when {@code log} is set.
 */
public record IntegerHyperparameter(String name, int lower, int upper, boolean log, Integer defaultValue)
    implements Hyperparameter {

  public IntegerHyperparameter {
    ConfigurationSpace.checkName(name);
    if (lower > upper) {
      throw new IllegalArgumentException(
          "integer hyperparameter '" + name + "': lower " + lower + " > upper " + upper);
    }
    if (log && lower < 1) {
      throw new IllegalArgumentException(
          "integer hyperparameter '" + name + "' on a log scale needs lower >= 1, got " + lower);
    }
    if (defaultValue == null || defaultValue < lower || defaultValue > upper) {
      throw new IllegalArgumentException("integer hyperparameter '" + name + "': default "
          + defaultValue + " outside [" + lower + ", " + upper + "]");
    }
  }

  /** Uniform on a linear scale, default the middle value. */
  public static IntegerHyperparameter of(String name, int lower, int upper) {
    return new IntegerHyperparameter(name, lower, upper, false, (int) Math.round((lower + (double) upper) / 2));
  }

  /** Uniform on a log scale, default the geometric middle (ConfigSpace's choice). */
  public static IntegerHyperparameter log(String name, int lower, int upper) {
    int mid = (int) Math.round(Math.sqrt((double) lower * upper));
    return new IntegerHyperparameter(name, lower, upper, true, Math.max(lower, Math.min(upper, mid)));
  }

  private double axis(double v) {
    return log ? Math.log(v) : v;
  }

  private double low() {
    return axis(lower - 0.5);
  }

  private double high() {
    return axis(upper + 0.5);
  }

  @Override
  public Object canonical(Object value) {
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && d >= lower && d <= upper) {
        return (int) d;
      }
    }
    throw new IllegalArgumentException("hyperparameter '" + name + "' takes an integer in ["
        + lower + ", " + upper + "], got " + value);
  }

  @Override
  public boolean isLegal(Object value) {
    return value instanceof Integer i && i >= lower && i <= upper;
  }

  @Override
  public Object fromUnit(double u) {
    double x = low() + Math.min(1, Math.max(0, u)) * (high() - low());
    long v = Math.round(log ? Math.exp(x) : x);
    return (int) Math.max(lower, Math.min(upper, v));
  }

  @Override
  public double encode(Object value) {
    int v = (Integer) value;
    return (axis(v) - low()) / (high() - low());
  }

  /**
   * Up to {@link #NUMERIC_NEIGHBOURS} distinct values drawn around the current one with
   * {@link #NEIGHBOUR_STDEV} on the unit axis (ConfigSpace's rule); every other value when there
   * are at most that many. (Always adding v-1 and v+1 made the search polish the incumbent's width
   * one unit at a time and was no better.)
   */
  @Override
  public List<Object> neighbours(Object value, SplittableRandom random) {
    int v = (Integer) value;
    List<Object> out = new ArrayList<>();
    if (upper - lower <= NUMERIC_NEIGHBOURS) {
      for (int w = lower; w <= upper; w++) {
        if (w != v) {
          out.add(w);
        }
      }
      return out;
    }
    Set<Integer> picked = new LinkedHashSet<>();
    double u = encode(v);
    for (int tries = 0; tries < 4 * NUMERIC_NEIGHBOURS && picked.size() < NUMERIC_NEIGHBOURS; tries++) {
      double w = u + NEIGHBOUR_STDEV * Gaussian.sample(random);
      if (w < 0 || w > 1) {
        continue;
      }
      int candidate = (Integer) fromUnit(w);
      if (candidate != v) {
        picked.add(candidate);
      }
    }
    out.addAll(picked);
    return out;
  }

  @Override
  public double cardinality() {
    return (double) upper - lower + 1;
  }

  @Override
  public List<Object> values() {
    List<Object> out = new ArrayList<>(upper - lower + 1);
    for (int v = lower; v <= upper; v++) {
      out.add(v);
    }
    return out;
  }

  @Override
  public String toJson(Object value) {
    return Integer.toString((Integer) value);
  }

  @Override
  public String describe() {
    return name + ": integer [" + lower + ", " + upper + "]" + (log ? " log" : "") + ", default " + defaultValue;
  }
}
