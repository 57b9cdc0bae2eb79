package org.axnas.smac;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of a trial. {@code cost} is minimised (the pipeline tells {@code -f_perf}); for a
 * status other than {@link Status#OK} it is ignored and the model sees the worst cost observed.
 * {@code objectives} carries the parts of the cost (accuracy, speedup, energy...) for the record.
 */
public record TrialResult(Status status, double cost, Map<String, Double> objectives, double seconds) {

  public TrialResult {
    if (status == null) {
      throw new IllegalArgumentException("a trial result needs a status");
    }
    if (status == Status.OK && !Double.isFinite(cost)) {
      throw new IllegalArgumentException("an OK result needs a finite cost, got " + cost
          + "; report divergence as Status.DIVERGED");
    }
    objectives = objectives == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(objectives));
  }

  public static TrialResult ok(double cost) {
    return new TrialResult(Status.OK, cost, Map.of(), 0);
  }

  public static TrialResult ok(double cost, Map<String, Double> objectives, double seconds) {
    return new TrialResult(Status.OK, cost, objectives, seconds);
  }

  /** A non-OK result; its cost is recorded as NaN. */
  public static TrialResult failed(Status status, double seconds) {
    if (status == Status.OK) {
      throw new IllegalArgumentException("failed(...) needs a non-OK status");
    }
    return new TrialResult(status, Double.NaN, Map.of(), seconds);
  }

  public boolean isOk() {
    return status == Status.OK;
  }
}
