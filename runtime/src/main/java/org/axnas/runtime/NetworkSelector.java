package org.axnas.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Online selection (paper section III.D): picks one network of the Pareto set for the
 * constraints in force. Plain Java and cheap, so a program can call it at run time whenever its
 * constraints change:
 *
 * <pre>{@code
 * NetworkSelector selector = new NetworkSelector(paretoSet);
 * Selection s = selector.select(SelectionMode.ENERGY, new Constraints(0.9, 2.5, 0.5));
 * if (s.chosen().isPresent()) { ... s.chosen().get().network() ... }
 * }</pre>
 */
public final class NetworkSelector {
  private final List<Scored> candidates;
  private final double energyNorm;

  public NetworkSelector(List<Scored> paretoSet) {
    this.candidates = List.copyOf(paretoSet);
    // E_norm of eq. 6: the largest energy reduction on offer, so the energy term is in [0, 1]
    // like the accuracy term.
    this.energyNorm = candidates.stream().mapToDouble(Scored::energyReduction).max().orElse(1.0);
  }

  /** The result: the chosen network, or why none and the nearest candidates. */
  public record Selection(SelectionMode mode, Optional<Scored> chosen, String reason, List<Scored> nearest) {}

  public Selection select(SelectionMode mode, Constraints c) {
    if (candidates.isEmpty()) {
      return new Selection(mode, Optional.empty(), "the Pareto set is empty: no candidate was evaluated successfully", List.of());
    }
    List<Scored> feasible = new ArrayList<>();
    for (Scored s : candidates) {
      if (c.metBy(s)) {
        feasible.add(s);
      }
    }
    if (feasible.isEmpty()) {
      List<Scored> nearest = new ArrayList<>(candidates);
      nearest.sort(Comparator.comparingDouble((Scored s) -> shortfall(s, c)).thenComparingInt(Scored::trialId));
      return new Selection(mode, Optional.empty(),
          String.format("no network meets accuracy >= %.4f and energy reduction >= %.3f", c.minAccuracy(), c.minEnergyReduction()),
          nearest.subList(0, Math.min(3, nearest.size())));
    }
    Comparator<Scored> order;
    switch (mode) {
      case QUALITY:
        order = Comparator.comparingDouble(Scored::accuracy).thenComparingDouble(Scored::energyReduction);
        break;
      case ENERGY:
        order = Comparator.comparingDouble(Scored::energyReduction).thenComparingDouble(Scored::accuracy);
        break;
      default:
        order = Comparator.comparingDouble((Scored s) -> integratedScore(s, c)).thenComparingDouble(Scored::accuracy);
    }
    // ties: the earlier trial wins, so the choice is deterministic
    order = order.thenComparing(Comparator.comparingInt(Scored::trialId).reversed());
    Scored best = feasible.stream().max(order).orElseThrow();
    return new Selection(mode, Optional.of(best), "", List.of());
  }

  /** Paper eq. 6: theta * (acc - C_acc) + (1 - theta) * (eer - C_energy) / E_norm. */
  public double integratedScore(Scored s, Constraints c) {
    return c.theta() * (s.accuracy() - c.minAccuracy())
        + (1 - c.theta()) * (s.energyReduction() - c.minEnergyReduction()) / energyNorm;
  }

  /** How far a candidate is from meeting the constraints, each shortfall relative to its threshold. */
  static double shortfall(Scored s, Constraints c) {
    double acc = Math.max(0, c.minAccuracy() - s.accuracy()) / Math.max(c.minAccuracy(), 1e-9);
    double en = Math.max(0, c.minEnergyReduction() - s.energyReduction()) / Math.max(c.minEnergyReduction(), 1e-9);
    return Math.hypot(acc, en);
  }
}
