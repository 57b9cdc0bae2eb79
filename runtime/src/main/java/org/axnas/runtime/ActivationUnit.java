package org.axnas.runtime;

import java.util.Locale;
import java.util.Objects;

/**
 * How the hardware evaluates sigmoid and tanh: exactly (a float unit, as the trainer does), by a
 * lookup table, or by piecewise-linear interpolation between table points. relu and linear are
 * exact on every unit.
 *
 * <p>A table of {@code n} entries holds the function at {@code n} evenly spaced points of
 * {@code [-D, D]} ({@code D = 8} for sigmoid, {@code 4} for tanh, where both are within 3.4e-4 of
 * their limits), step {@code h = 2D / (n - 1)}; beyond the range the end entries hold. The lookup
 * table returns the entry nearest the input (error at most {@code max|f'| h / 2}: {@code h/8} for
 * sigmoid, {@code h/2} for tanh); the piecewise-linear unit interpolates between the two entries
 * around the input (error at most {@code max|f''| h^2 / 8}). The tail beyond {@code D} adds at
 * most {@code f}'s distance from its limit at {@code D}. Entries are computed with
 * {@code StrictMath}, so every JVM builds the same table. Immutable.
 */
public final class ActivationUnit {
  /** The kinds of unit, as the YAML and model JSON spell them. */
  public enum Kind {
    EXACT("exact"), LOOKUP_TABLE("lookup-table"), PIECEWISE_LINEAR("piecewise-linear");

    private final String notation;

    Kind(String notation) {
      this.notation = notation;
    }

    public String notation() {
      return notation;
    }

    public static String allowed() {
      return "exact, lookup-table, piecewise-linear";
    }

    public static Kind parse(String s) {
      for (Kind k : values()) {
        if (k.notation.equals(s)) {
          return k;
        }
      }
      throw new IllegalArgumentException("activation unit must be one of " + allowed() + ", got '" + s + "'");
    }
  }

  /** Half-width of the sigmoid table's input range. */
  public static final double SIGMOID_RANGE = 8;
  /** Half-width of the tanh table's input range. */
  public static final double TANH_RANGE = 4;
  /** At least this many entries (two points span the range). */
  public static final int MIN_ENTRIES = 2;
  /** At most this many entries (64 Ki words: far beyond any activation unit built). */
  public static final int MAX_ENTRIES = 65536;

  /** The float unit of the trainer: sigmoid and tanh computed, not looked up. */
  public static final ActivationUnit EXACT = new ActivationUnit(Kind.EXACT, 0);

  private final Kind kind;
  private final int entries;
  private final double[] sigmoid;
  private final double[] tanh;

  private ActivationUnit(Kind kind, int entries) {
    this.kind = kind;
    this.entries = entries;
    this.sigmoid = kind == Kind.EXACT ? null : table(entries, SIGMOID_RANGE, true);
    this.tanh = kind == Kind.EXACT ? null : table(entries, TANH_RANGE, false);
  }

  /** A unit of {@code kind} with {@code entries} table entries (ignored, and 0, for {@link Kind#EXACT}). */
  public static ActivationUnit of(Kind kind, int entries) {
    if (kind == Kind.EXACT) {
      return EXACT;
    }
    if (entries < MIN_ENTRIES || entries > MAX_ENTRIES) {
      throw new IllegalArgumentException("a " + kind.notation() + " needs " + MIN_ENTRIES + " to " + MAX_ENTRIES
          + " entries, got " + entries);
    }
    return new ActivationUnit(kind, entries);
  }

  public Kind kind() {
    return kind;
  }

  /** Table entries per function (0 for the exact unit). */
  public int entries() {
    return entries;
  }

  /** e.g. {@code exact}, {@code lookup-table 2048}, {@code piecewise-linear 256}. */
  public String notation() {
    return kind == Kind.EXACT ? kind.notation() : kind.notation() + " " + entries;
  }

  /** The sigmoid as this unit computes it. */
  public double sigmoid(double z) {
    return kind == Kind.EXACT ? 1.0 / (1.0 + StrictMath.exp(-z)) : look(sigmoid, SIGMOID_RANGE, z);
  }

  /** tanh as this unit computes it. */
  public double tanh(double z) {
    return kind == Kind.EXACT ? StrictMath.tanh(z) : look(tanh, TANH_RANGE, z);
  }

  private double look(double[] table, double range, double z) {
    double step = 2 * range / (entries - 1);
    double pos = (Math.max(-range, Math.min(range, z)) + range) / step; // in [0, entries - 1]
    if (Double.isNaN(pos)) {
      return Double.NaN;
    }
    if (kind == Kind.LOOKUP_TABLE) {
      return table[(int) Math.min(entries - 1, Math.floor(pos + 0.5))];
    }
    int k = (int) Math.min(entries - 2, Math.floor(pos));
    double t = pos - k;
    return table[k] + t * (table[k + 1] - table[k]);
  }

  private static double[] table(int n, double range, boolean sigmoid) {
    double[] t = new double[n];
    double step = 2 * range / (n - 1);
    for (int k = 0; k < n; k++) {
      double x = -range + k * step;
      t[k] = sigmoid ? 1.0 / (1.0 + StrictMath.exp(-x)) : StrictMath.tanh(x);
    }
    return t;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActivationUnit u && u.kind == kind && u.entries == entries;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, entries);
  }

  @Override
  public String toString() {
    return notation().toLowerCase(Locale.ROOT);
  }
}
