package org.axnas.search;

import org.axnas.kernels.Benchmarks;
import org.axnas.kernels.ErrorMetric;

/** The error metric a scoring spec names: a built-in benchmark's own, or one by name. */
public final class ErrorMetrics {
  private ErrorMetrics() {}

  public static ErrorMetric of(ScoringSpec spec) {
    if (spec.metric() == null || spec.metric().isEmpty()) {
      return Benchmarks.byName(spec.benchmark()).metric();
    }
    return org.axnas.kernels.ErrorMetrics.byName(spec.metric());
  }
}
