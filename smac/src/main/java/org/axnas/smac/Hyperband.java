package org.axnas.smac;

import java.util.ArrayList;
import java.util.List;

/**
 * The bracket arithmetic of Hyperband (Li et al., JMLR 2018), as SMAC3's {@code Hyperband}
 * intensifier lays it out: with {@code s_max = floor(log_eta(max / min))}, bracket {@code s}
 * (from {@code s_max} down to 0) starts {@code n_0 = ceil((s_max + 1) / (s + 1) * eta^s)}
 * configurations at budget {@code max * eta^-s}, and each rung keeps the best
 * {@code floor(n / eta)} (at least one) for {@code eta} times the budget, up to {@code max}.
 * Successive halving alone is the one bracket {@code s_max}, repeated.
 *
 * <p>Budgets are whole units (epochs): {@code max * eta^-s} rounded to the nearest, never under
 * {@code min}. Plain arithmetic, no state: the proposal source walks the brackets in order.
 *
 * @param minBudget the smallest budget a rung may have (at least 1)
 * @param maxBudget the budget of the top rung
 * @param eta the factor between rungs (at least 2)
 * @param successiveHalving true for the bracket {@code s_max} only
 */
public record Hyperband(int minBudget, int maxBudget, int eta, boolean successiveHalving) {

  public Hyperband {
    if (minBudget < 1) {
      throw new IllegalArgumentException("the minimum budget must be at least 1, got " + minBudget);
    }
    if (eta < 2) {
      throw new IllegalArgumentException("eta must be at least 2, got " + eta);
    }
    if ((long) minBudget * eta > maxBudget) {
      throw new IllegalArgumentException("the maximum budget " + maxBudget + " must be at least eta (" + eta
          + ") times the minimum " + minBudget + ", or there is only one rung");
    }
  }

  /** One rung: how many configurations it evaluates and with what budget each. */
  public record Rung(int configurations, int budget) {}

  /** A bracket {@code s}: its rungs from the cheapest to the top one (budget {@code max}). */
  public record Bracket(int s, List<Rung> rungs) {
    public int newConfigurations() {
      return rungs.get(0).configurations();
    }
  }

  /** {@code s_max}: the largest s with {@code min * eta^s <= max}. */
  public int maxStage() {
    int s = 0;
    long budget = minBudget;
    while (budget * eta <= maxBudget) {
      budget *= eta;
      s++;
    }
    return s;
  }

  /** The brackets of one Hyperband iteration, in the order they run ({@code s_max} first). */
  public List<Bracket> brackets() {
    int sMax = maxStage();
    List<Bracket> out = new ArrayList<>();
    for (int s = sMax; s >= (successiveHalving ? sMax : 0); s--) {
      long power = pow(eta, s);
      int n = (int) ceilDiv((sMax + 1) * power, s + 1);
      List<Rung> rungs = new ArrayList<>();
      for (int j = 0; j <= s; j++) {
        rungs.add(new Rung(n, budget(s - j)));
        n = promoted(n);
      }
      out.add(new Bracket(s, List.copyOf(rungs)));
    }
    return List.copyOf(out);
  }

  /** The i-th bracket run (0-based), cycling through {@link #brackets()}. */
  public Bracket bracket(int i) {
    List<Bracket> all = brackets();
    return all.get(Math.floorMod(i, all.size()));
  }

  /** How many of a rung's {@code n} configurations go on to the next: {@code floor(n / eta)}, at least one. */
  public int promoted(int n) {
    return Math.max(1, n / eta);
  }

  /** The budget {@code stepsBelowTop} rungs under the top: {@code max * eta^-steps}, rounded, at least min. */
  public int budget(int stepsBelowTop) {
    return (int) Math.max(minBudget, Math.round(maxBudget / Math.pow(eta, stepsBelowTop)));
  }

  /**
   * The rounds (one per rung) the brackets take to propose {@code configurations} new ones, the
   * last bracket cut short (its rungs shrink with it); for progress estimates.
   */
  public int rounds(int configurations) {
    int rounds = 0;
    for (Started b : bracketsFor(configurations)) {
      rounds += b.bracket().rungs().size();
    }
    return rounds;
  }

  /** Training budget the brackets spend on {@code configurations} new ones, in units of the top budget. */
  public double cost(int configurations) {
    double units = 0;
    for (Started started : bracketsFor(configurations)) {
      int n = started.configurations();
      int budgetBefore = 0;
      for (Rung r : started.bracket().rungs()) {
        // promoted configurations continue: each rung pays only the budget added to the last one
        units += (double) n * (r.budget() - budgetBefore) / maxBudget;
        budgetBefore = r.budget();
        n = promoted(n);
      }
    }
    return units;
  }

  private record Started(Bracket bracket, int configurations) {}

  /** The brackets run for {@code configurations} new ones, each with the number it starts (the last cut short). */
  private List<Started> bracketsFor(int configurations) {
    List<Started> out = new ArrayList<>();
    int left = configurations;
    for (int i = 0; left > 0; i++) {
      int n = Math.min(left, bracket(i).newConfigurations());
      out.add(new Started(bracket(i), n));
      left -= n;
    }
    return out;
  }

  private static long pow(int base, int exp) {
    long p = 1;
    for (int i = 0; i < exp; i++) {
      p *= base;
    }
    return p;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
