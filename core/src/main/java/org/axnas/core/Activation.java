package org.axnas.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Activation functions a layer can use; names are the lower-case spellings of the notation. */
public enum Activation {
  RELU,
  SIGMOID,
  TANH,
  /** Identity; the default for output layers. */
  LINEAR;

  /** The name used in the network notation, e.g. {@code sigmoid}. */
  public String notation() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a notation name; the error lists what is allowed. */
  public static Activation parse(String name) {
    for (Activation a : values()) {
      if (a.notation().equals(name.trim().toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "unknown activation '" + name + "'; allowed: " + allowedNames());
  }

  public static String allowedNames() {
    return Arrays.stream(values()).map(Activation::notation).collect(Collectors.joining(", "));
  }

  /** Applies the function to one value (reference semantics shared by every backend). */
  public double apply(double x) {
    switch (this) {
      case RELU:
        return x > 0 ? x : 0;
      case SIGMOID:
        return 1.0 / (1.0 + Math.exp(-x));
      case TANH:
        return Math.tanh(x);
      default:
        return x;
    }
  }
}
