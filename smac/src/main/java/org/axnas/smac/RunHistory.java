package org.axnas.smac;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every finished trial in the order results arrived: the single source of truth from which an
 * optimiser can be rebuilt (replayed through ask and tell). In memory; the pipeline persists it.
 */
public final class RunHistory {
  private final List<HistoryEntry> entries = new ArrayList<>();
  private final Map<Configuration, HistoryEntry> byConfig = new HashMap<>();
  private HistoryEntry incumbent;

  void add(HistoryEntry e) {
    if (e.isPending()) {
      throw new IllegalArgumentException("the run history holds finished trials only, got pending " + e.trial());
    }
    if (byConfig.containsKey(e.trial().config())) {
      throw new IllegalArgumentException("configuration " + e.trial().config() + " is already in the run history");
    }
    entries.add(e);
    byConfig.put(e.trial().config(), e);
    if (e.isOk() && (incumbent == null || isBetter(e, incumbent))) {
      incumbent = e;
    }
  }

  private static boolean isBetter(HistoryEntry a, HistoryEntry b) {
    int c = Double.compare(a.result().cost(), b.result().cost());
    return c < 0 || (c == 0 && a.trial().id() < b.trial().id());
  }

  /** Finished trials in the order their results were told. */
  public List<HistoryEntry> entries() {
    return Collections.unmodifiableList(entries);
  }

  /** Finished trials by trial id (the order the model is trained in). */
  public List<HistoryEntry> entriesById() {
    List<HistoryEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingInt(e -> e.trial().id()));
    return sorted;
  }

  public int size() {
    return entries.size();
  }

  public boolean contains(Configuration c) {
    return byConfig.containsKey(c);
  }

  public Optional<HistoryEntry> get(Configuration c) {
    return Optional.ofNullable(byConfig.get(c));
  }

  /** The OK trial with the lowest cost (the earliest among equals); empty before any OK result. */
  public Optional<HistoryEntry> incumbent() {
    return Optional.ofNullable(incumbent);
  }

  /** Lowest cost after each finished trial, in tell order (NaN until the first OK result). */
  public double[] bestSoFar() {
    double[] out = new double[entries.size()];
    double best = Double.NaN;
    for (int i = 0; i < out.length; i++) {
      HistoryEntry e = entries.get(i);
      if (e.isOk() && (Double.isNaN(best) || e.result().cost() < best)) {
        best = e.result().cost();
      }
      out[i] = best;
    }
    return out;
  }
}
