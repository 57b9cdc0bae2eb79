package org.axnas.runtime;

import java.util.Locale;

/** The online selection modes of the paper's Table 1. */
public enum SelectionMode {
  /** The network with the highest accuracy (among those meeting the energy constraint). */
  QUALITY,
  /** The lowest-energy network (highest energy reduction) that meets the accuracy threshold. */
  ENERGY,
  /** The best comprehensive score of paper eq. 6 among the networks meeting both constraints. */
  INTEGRATED;

  public static SelectionMode parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown selection mode '" + s + "'; allowed: quality, energy, integrated");
    }
  }

  public String notation() {
    return name().toLowerCase(Locale.ROOT);
  }
}
