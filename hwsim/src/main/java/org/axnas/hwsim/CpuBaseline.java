package org.axnas.hwsim;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The build of the original function that speedup and energy reduction are measured against.
 * Both are built into the product as measured instruction mixes of AxBench's own code
 * ({@link MeasuredInstructionMixes}).
 */
public enum CpuBaseline {
  /** {@code gcc -O2 -march=core2}: what a performance-minded build of the function runs. */
  O2("gcc -O2 -march=core2"),
  /** No optimisation: AxBench's own Makefiles (six of seven applications). */
  O0("gcc -O0, as AxBench's Makefiles build it");

  private final String build;

  CpuBaseline(String build) {
    this.build = build;
  }

  /** The compiler command line the baseline stands for. */
  public String build() {
    return build;
  }

  /** The baseline named {@code text} (case-insensitive), or an exception naming the allowed ones. */
  public static CpuBaseline parse(String text) {
    for (CpuBaseline b : values()) {
      if (b.name().equalsIgnoreCase(text.trim())) {
        return b;
      }
    }
    throw new IllegalArgumentException("unknown CPU baseline '" + text + "'; allowed: " + allowed());
  }

  public static String allowed() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return name().toUpperCase(Locale.ROOT);
  }
}
