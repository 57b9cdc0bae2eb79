package org.axnas.kernels;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The seven AxBench benchmarks, looked up by name. */
public final class Benchmarks {

  /** In the order of SPEC.md section 2's table. */
  private static final List<Benchmark> ALL =
      List.of(
          new Blackscholes(),
          new Fft(),
          new Inversek2j(),
          new Jpeg(),
          new Kmeans(),
          new Sobel(),
          new Jmeint());

  private Benchmarks() {}

  /** The seven benchmarks in SPEC order. */
  public static List<Benchmark> all() {
    return ALL;
  }

  /**
   * The benchmark of that name (case-insensitive).
   *
   * @throws IllegalArgumentException listing the allowed names
   */
  public static Benchmark byName(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (Benchmark b : ALL) {
      if (b.name().equals(wanted)) {
        return b;
      }
    }
    throw new IllegalArgumentException(
        "unknown benchmark '" + name + "'; allowed: " + names());
  }

  /** The allowed names, comma-separated, in SPEC order. */
  public static String names() {
    return ALL.stream().map(Benchmark::name).collect(Collectors.joining(", "));
  }
}
