package org.axnas.runtime;

import java.util.Locale;

/**
 * How a fixed-point datapath drops fraction bits when it narrows a value (a product sum written
 * back to a word, a real number quantised to a word).
 */
public enum Rounding {
  /** Round to nearest, ties toward +infinity: add half a unit of the last place, then drop the bits. */
  NEAREST,
  /** Drop the bits (two's-complement arithmetic shift: toward -infinity), the cheapest datapath. */
  TRUNCATE;

  /** The YAML and JSON spelling: {@code nearest} or {@code truncate}. */
  public String notation() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static String allowed() {
    return "nearest, truncate";
  }

  /** Parses {@link #notation()}; throws IllegalArgumentException naming what is allowed. */
  public static Rounding parse(String s) {
    for (Rounding r : values()) {
      if (r.notation().equals(s)) {
        return r;
      }
    }
    throw new IllegalArgumentException("rounding must be one of " + allowed() + ", got '" + s + "'");
  }
}
