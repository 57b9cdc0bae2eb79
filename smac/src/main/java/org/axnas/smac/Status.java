package org.axnas.smac;

/** How an evaluation ended. Only {@link #OK} carries a cost the model learns as such. */
public enum Status {
  OK,
  /** Training or evaluation threw. */
  FAILED,
  /** Training produced NaN or infinite values. */
  DIVERGED,
  /** The evaluation ran out of time. */
  TIMEOUT
}
