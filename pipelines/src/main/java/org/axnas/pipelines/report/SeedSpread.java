package org.axnas.pipelines.report;

import java.util.List;

/**
 * One benchmark and error-bound group over several seeds (a comparison per seed): the mean and
 * spread of the speedup and energy reduction of the network NAS and the enumeration choose, and
 * of the per-seed NAS/enumeration ratios (each ratio pairs the two methods' runs of one seed).
 *
 * @param seeds the seeds of the comparisons, ascending
 */
public record SeedSpread(String benchmark, int group, List<Long> seeds, Spread nasSpeedup, Spread nasEnergyReduction,
    Spread enumerationSpeedup, Spread enumerationEnergyReduction, Spread speedupRatio, Spread energyRatio) {

  public SeedSpread {
    seeds = List.copyOf(seeds);
  }

  /** The spread over these comparisons, all of one benchmark and group. */
  static SeedSpread of(List<Comparison> perSeed) {
    Comparison first = perSeed.get(0);
    return new SeedSpread(first.benchmark(), first.group(), perSeed.stream().map(Comparison::seed).sorted().toList(),
        Spread.of(figure(perSeed, Method.NAS, true)), Spread.of(figure(perSeed, Method.NAS, false)),
        Spread.of(figure(perSeed, Method.ENUMERATION, true)), Spread.of(figure(perSeed, Method.ENUMERATION, false)),
        Spread.of(perSeed.stream().mapToDouble(Comparison::speedupRatio).toArray()),
        Spread.of(perSeed.stream().mapToDouble(Comparison::energyRatio).toArray()));
  }

  private static double[] figure(List<Comparison> perSeed, Method m, boolean speedup) {
    return perSeed.stream().mapToDouble(c -> c.row(m).map(r -> speedup ? r.speedup() : r.energyReduction()).orElse(Double.NaN))
        .toArray();
  }
}
