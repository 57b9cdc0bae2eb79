package org.axnas.smac;

/** A trial and its result; {@code result} is null while the trial is pending. */
public record HistoryEntry(Trial trial, TrialResult result) {
  public HistoryEntry {
    if (trial == null) {
      throw new IllegalArgumentException("a history entry needs a trial");
    }
  }

  public boolean isPending() {
    return result == null;
  }

  public boolean isOk() {
    return result != null && result.isOk();
  }
}
