package org.axnas.hwsim;

import org.axnas.runtime.Precision;

/**
 * Energy of one multiply-accumulate by word width and arithmetic, at 45 nm (Horowitz, "Computing's
 * energy problem", ISSCC 2014, the table of operation energies), and the rule by which a datapath
 * described at one width is priced at another. hwsim/README.md, "Precision", lists the numbers.
 *
 * <ul>
 *   <li>8-bit integer: multiply 0.2 pJ + add 0.03 pJ = 0.23 pJ [H]</li>
 *   <li>16-bit integer: add 0.05 pJ [H]; the 16-bit multiply is not in the table: 0.8 pJ, as an
 *       array multiplier's energy grows with the square of the width (0.2 pJ x 4 from 8 bits,
 *       3.1 pJ / 4 from 32 bits = 0.78): 0.85 pJ, eyeriss.yaml's {@code macJoules}</li>
 *   <li>32-bit integer: multiply 3.1 pJ + add 0.1 pJ = 3.2 pJ [H]</li>
 *   <li>32-bit float: multiply 3.7 pJ + add 0.9 pJ = 4.6 pJ [H], npu8.yaml's {@code macJoules}</li>
 * </ul>
 * Storage (register files, buffers, the array's wires, DRAM) is priced per word access in the
 * configs; a word of another width costs in proportion to its bits ([H] gives SRAM and DRAM
 * energies per 64-bit access, whose bit lines and I/O switch per bit), and a buffer of so many
 * bytes holds {@code bytes / (bits / 8)} words.
 */
final class DatapathEnergy {
  private DatapathEnergy() {}

  /** Word widths hwsim has a MAC energy for. */
  static final String ALLOWED_FIXED_BITS = "8, 16 or 32";

  static boolean priced(int bits, boolean isFloat) {
    return isFloat ? bits == 32 : bits == 8 || bits == 16 || bits == 32;
  }

  /** Joules of one MAC of {@code bits}-wide integers (fixed point), or of 32-bit floats. */
  static double macJoules(int bits, boolean isFloat) {
    if (isFloat) {
      if (bits == 32) {
        return 3.7e-12 + 0.9e-12;
      }
    } else if (bits == 8) {
      return 0.2e-12 + 0.03e-12;
    } else if (bits == 16) {
      return 0.8e-12 + 0.05e-12;
    } else if (bits == 32) {
      return 3.1e-12 + 0.1e-12;
    }
    throw new IllegalArgumentException("no MAC energy for " + bits + "-bit " + (isFloat ? "float" : "fixed point")
        + "; hwsim prices fixed point of " + ALLOWED_FIXED_BITS + " bits and 32-bit float");
  }

  /** The MAC energy of {@code p}'s datapath. */
  static double macJoules(Precision p) {
    return macJoules(p.wordBits(), !p.isFixed());
  }
}
