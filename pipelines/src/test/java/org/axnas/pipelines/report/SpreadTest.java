package org.axnas.pipelines.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The statistics over seeds on values small enough to compute by hand, and the grouping of
 * comparisons by benchmark, group and seed that the report builds them from.
 */
class SpreadTest {
  @Test
  void meanMinMaxAndSampleStandardDeviation() {
    Spread s = Spread.of(1, 2, 3, 6);
    assertEquals(4, s.n());
    assertEquals(3, s.mean(), 0);
    assertEquals(1, s.min(), 0);
    assertEquals(6, s.max(), 0);
    // squares about the mean: 4 + 1 + 0 + 9 = 14, over n - 1 = 3
    assertEquals(Math.sqrt(14.0 / 3), s.sd(), 1e-15);

    Spread two = Spread.of(2, 4);
    assertEquals(Math.sqrt(2), two.sd(), 1e-15); // (1 + 1) / 1

    Spread missing = Spread.of(5, Double.NaN);
    assertEquals(1, missing.n(), "a seed without a choice is left out");
    assertEquals(5, missing.mean(), 0);
    assertTrue(Double.isNaN(missing.sd()), "one value has no standard deviation");

    Spread none = Spread.of(Double.NaN);
    assertEquals(0, none.n());
    assertTrue(Double.isNaN(none.mean()) && Double.isNaN(none.min()) && Double.isNaN(none.max()));
  }

  @Test
  void comparisonsAreGroupedByBenchmarkAndGroupOverTheirSeeds() {
    // blackscholes group 1 with seeds 1 and 2, sobel group 1 with seed 1 only
    List<Comparison> cs = new ArrayList<>(List.of(
        comparison("blackscholes", 1, 1, 2.0, 4.0, 1.0, 2.0),
        comparison("blackscholes", 1, 2, 4.0, 6.0, 2.0, 2.0),
        comparison("sobel", 1, 1, 3.0, 3.0, 1.5, 1.0)));
    ExperimentReport r = new ExperimentReport(new ExperimentReport.Settings(0.9, Double.NaN, 0.5), cs,
        ExperimentReport.averages(cs), List.of());
    assertEquals(List.of(1L, 2L), r.seeds());
    assertTrue(r.paired());

    List<SeedSpread> spreads = r.seedSpreads();
    assertEquals(2, spreads.size());
    SeedSpread bs = spreads.get(0);
    assertEquals("blackscholes", bs.benchmark());
    assertEquals(List.of(1L, 2L), bs.seeds());
    assertEquals(new Spread(2, 3, 2, 4, Math.sqrt(2)), bs.nasSpeedup());
    assertEquals(new Spread(2, 5, 4, 6, Math.sqrt(2)), bs.nasEnergyReduction());
    assertEquals(new Spread(2, 1.5, 1, 2, Math.sqrt(0.5)), bs.enumerationSpeedup());
    assertEquals(new Spread(2, 2, 2, 2, 0), bs.enumerationEnergyReduction());
    // the ratios pair the methods seed by seed: 2/1 and 4/2; 4/2 and 6/2
    assertEquals(new Spread(2, 2, 2, 2, 0), bs.speedupRatio());
    assertEquals(new Spread(2, 2.5, 2, 3, Math.sqrt(0.5)), bs.energyRatio());
    SeedSpread sobel = spreads.get(1);
    assertEquals(List.of(1L), sobel.seeds());
    assertEquals(1, sobel.nasSpeedup().n());
    assertTrue(Double.isNaN(sobel.nasSpeedup().sd()));

    // the group means count each benchmark once, with its mean over its seeds: NAS (3 + 3) / 2
    ExperimentReport.GroupAverage nas = r.average(1, Method.NAS).orElseThrow();
    assertEquals(2, nas.benchmarks());
    assertEquals(3.0, nas.speedup(), 1e-15);
    assertEquals((5.0 + 3.0) / 2, nas.energyReduction(), 1e-15);
    assertEquals(Math.sqrt(3.0 * 3.0), nas.geoSpeedup(), 1e-12);
    ExperimentReport.GroupAverage enumeration = r.average(1, Method.ENUMERATION).orElseThrow();
    assertEquals((1.5 + 1.5) / 2, enumeration.speedup(), 1e-15);
    // the mean of the per-benchmark ratios: blackscholes' energy ratios 2 and 3 make 2.5, sobel's is 3
    assertEquals(2.0, r.meanRatio(true), 1e-15);
    assertEquals((2.5 + 3.0) / 2, r.meanRatio(false), 1e-15);

    // one seed: no spread, and the table is not shown
    List<Comparison> one = cs.stream().filter(c -> c.seed() == 1).toList();
    ExperimentReport single = new ExperimentReport(r.settings(), one, ExperimentReport.averages(one), List.of());
    assertTrue(single.seedSpreads().isEmpty());
    assertEquals(List.of(1L), single.seeds());
    Table table = ReportTables.seedSpread(r);
    assertEquals(List.of("blackscholes", "1", "1, 2", "NAS speedup", "2", "3.00x", "2.00x - 4.00x", "1.414"), table.rows().get(0));
    assertEquals(List.of("sobel", "1", "1", "NAS / enumeration energy reduction", "1", "3.00x", "3.00x - 3.00x", "-"),
        table.rows().get(11));
  }

  @Test
  void withoutAnEnumerationTheAveragesAreTheRunsOwnFigures() {
    List<Comparison> cs = List.of(new Comparison("sobel", 2, 7, 0.9, true, null, null,
        List.of(row("sobel", 2, Method.NAS, 3.5, 4.25)), List.of("enumeration: no finished run")));
    ExperimentReport r = new ExperimentReport(new ExperimentReport.Settings(0.9, Double.NaN, 0.5), cs,
        ExperimentReport.averages(cs), List.of());
    assertTrue(!r.paired());
    ExperimentReport.GroupAverage a = r.average(2, Method.NAS).orElseThrow();
    assertEquals(1, a.benchmarks());
    assertEquals(3.5, a.speedup(), 0);
    assertEquals(4.25, a.energyReduction(), 0);
    assertTrue(r.average(2, Method.ENUMERATION).isEmpty());
    assertTrue(ReportTables.averages(r).note().contains("no comparison"), ReportTables.averages(r).note());
  }

  static Comparison comparison(String benchmark, int group, long seed, double nasSpeedup, double nasEnergy,
      double enumerationSpeedup, double enumerationEnergy) {
    return new Comparison(benchmark, group, seed, 0.9, true, null, null,
        List.of(row(benchmark, group, Method.NAS, nasSpeedup, nasEnergy),
            row(benchmark, group, Method.ENUMERATION, enumerationSpeedup, enumerationEnergy)),
        List.of());
  }

  static ReportRow row(String benchmark, int group, Method m, double speedup, double energyReduction) {
    return new ReportRow(benchmark, group, m, "6-8:sigmoid-1", 0.95, 0.94, speedup, energyReduction, 0.5, true, 1, 10, 0, 0,
        1.0, 1.0, "runs/x", "float", null, null);
  }
}
