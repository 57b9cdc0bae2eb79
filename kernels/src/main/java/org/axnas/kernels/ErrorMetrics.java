package org.axnas.kernels;

import java.util.Locale;

/** Error metrics by name, for a user's own function: relative, absolute or classification. */
public final class ErrorMetrics {
  private ErrorMetrics() {}

  /**
   * The metric a run scores with: a built-in benchmark's own when {@code name} is null or empty,
   * else the one {@code name} names (a user's function). The one place the choice is made.
   */
  public static ErrorMetric of(String benchmark, String name) {
    return name == null || name.isEmpty() ? Benchmarks.byName(benchmark).metric() : byName(name);
  }

  public static ErrorMetric byName(String name) {
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "relative":
        return new RelativeError();
      case "absolute":
        return new MeanAbsoluteDifference("output diff");
      case "classification":
        return new ClassificationError();
      default:
        throw new IllegalArgumentException("unknown error metric '" + name + "'; allowed: relative, absolute, classification");
    }
  }
}
