package org.axnas.core;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Mean dynamic operation counts per invocation of a function: the CPU cost model's input.
 * Immutable.
 */
public final class OpProfile {
  private static final OpClass[] CLASSES = OpClass.values();
  private final double[] perInvocation;

  private OpProfile(double[] perInvocation) {
    this.perInvocation = perInvocation;
  }

  /** A profile from per-invocation counts indexed by {@link OpClass#ordinal()}. */
  public static OpProfile of(double[] perInvocation) {
    if (perInvocation.length != CLASSES.length) {
      throw new IllegalArgumentException(
          "an operation profile has " + CLASSES.length + " counts, got " + perInvocation.length);
    }
    for (int i = 0; i < perInvocation.length; i++) {
      double v = perInvocation[i];
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(
            "operation count for " + CLASSES[i] + " must be finite and >= 0, got " + v);
      }
    }
    return new OpProfile(perInvocation.clone());
  }

  /** A profile from named counts; classes not named count zero. */
  public static OpProfile of(Map<OpClass, Double> counts) {
    double[] v = new double[CLASSES.length];
    counts.forEach((k, c) -> v[k.ordinal()] = c);
    return of(v);
  }

  public double count(OpClass op) {
    return perInvocation[op.ordinal()];
  }

  public double total() {
    double t = 0;
    for (double v : perInvocation) {
      t += v;
    }
    return t;
  }

  public double[] toArray() {
    return perInvocation.clone();
  }

  public Map<OpClass, Double> toMap() {
    Map<OpClass, Double> m = new EnumMap<>(OpClass.class);
    for (OpClass c : CLASSES) {
      m.put(c, perInvocation[c.ordinal()]);
    }
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OpProfile && Arrays.equals(perInvocation, ((OpProfile) o).perInvocation);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(perInvocation);
  }

  @Override
  public String toString() {
    return "OpProfile" + toMap();
  }
}
