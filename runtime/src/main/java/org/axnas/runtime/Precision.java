package org.axnas.runtime;

import java.util.Objects;

/**
 * The arithmetic an NPU computes a network in: 32-bit float, or fixed point of {@code bits} with
 * a binary point per layer (see {@link Quantisation}), rounding as the hardware rounds, saturating
 * on overflow; and the unit that evaluates sigmoid and tanh. The hardware YAML's
 * {@code npu.precision}.
 *
 * @param bits word width of fixed point, or 0 for 32-bit float
 * @param rounding how fixed point drops bits (unused in float)
 * @param activationUnit how sigmoid and tanh are evaluated
 */
public record Precision(int bits, Rounding rounding, ActivationUnit activationUnit) {
  /** The trainer's arithmetic: 32-bit float, sigmoid and tanh computed. */
  public static final Precision FLOAT = new Precision(0, Rounding.NEAREST, ActivationUnit.EXACT);
  /** The narrowest fixed-point word supported. */
  public static final int MIN_BITS = 2;

  public Precision {
    Objects.requireNonNull(rounding, "rounding");
    Objects.requireNonNull(activationUnit, "activationUnit");
    if (bits != 0 && (bits < MIN_BITS || bits > FixedPoint.MAX_BITS)) {
      throw new IllegalArgumentException("fixed point needs " + MIN_BITS + " to " + FixedPoint.MAX_BITS
          + " bits (0 = float), got " + bits);
    }
  }

  /** Fixed point of {@code bits} with the given rounding and activation unit. */
  public static Precision fixed(int bits, Rounding rounding, ActivationUnit unit) {
    if (bits == 0) {
      throw new IllegalArgumentException("fixed point needs at least " + MIN_BITS + " bits");
    }
    return new Precision(bits, rounding, unit);
  }

  /** 32-bit float with the given activation unit. */
  public static Precision floatWith(ActivationUnit unit) {
    return new Precision(0, Rounding.NEAREST, unit);
  }

  public boolean isFixed() {
    return bits > 0;
  }

  /** True for the trainer's own arithmetic (float, exact activations): scoring needs nothing more. */
  public boolean isTrainerFloat() {
    return equals(FLOAT);
  }

  /** Bits of one data word: {@code bits}, or 32 for float. */
  public int wordBits() {
    return isFixed() ? bits : 32;
  }

  /**
   * Short form for tables and the {@code precision} field of evaluations: {@code float},
   * {@code fixed16}, and the activation unit after a slash when it is not exact, e.g.
   * {@code fixed16/pwl256}, {@code float/lut2048}.
   */
  public String notation() {
    String base = isFixed() ? "fixed" + bits : "float";
    return switch (activationUnit.kind()) {
      case EXACT -> base;
      case LOOKUP_TABLE -> base + "/lut" + activationUnit.entries();
      case PIECEWISE_LINEAR -> base + "/pwl" + activationUnit.entries();
    };
  }
}
