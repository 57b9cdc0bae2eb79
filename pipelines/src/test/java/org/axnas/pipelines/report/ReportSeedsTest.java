package org.axnas.pipelines.report;

import static org.axnas.pipelines.report.ReportTest.energyModeChoice;
import static org.axnas.pipelines.report.ReportTest.history;
import static org.axnas.pipelines.report.ReportTest.maxAccuracy;
import static org.axnas.pipelines.report.ReportTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axnas.schemas.Evaluation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axnas report} over one benchmark and group run with two seeds (a search and an
 * enumeration each, named as {@code scripts/experiment --seeds 2} names them): a comparison per
 * seed, each recomputed from its own run histories, and the mean and spread over the seeds in
 * the JSON, the tables and the plots' names; a second run of one seed is left out, saying so.
 */
class ReportSeedsTest {
  static final String BENCHMARK = "kmeans";
  static final long[] SEEDS = {5, 6};
  @TempDir static Path dir;
  static Path runs;

  @BeforeAll
  static void finishedRuns() throws Exception {
    runs = dir.resolve("runs");
    Path cache = runs.resolve("cache");
    // one config, the seed given on the command line as scripts/experiment does: the report reads the
    // run's seed from its manifest, the config text still says seed 5
    Path config = dir.resolve(BENCHMARK + ".yaml");
    Files.writeString(config, "benchmark: " + BENCHMARK + "\nseed: 5\ngroup: 1\n"
        + "traces: {samples: 1500}\n"
        + "search: {budget: 6, parallelism: 6, maxLayers: 2, maxNeurons: 8}\n"
        + "training: {epochs: 6, batchSize: 64, learningRate: 0.02}\n"
        + "objective: {alpha: 0.85, beta: 0.01, epsilon: 0.1}\n");
    for (long seed : SEEDS) {
      for (String kind : List.of("search", "enumerate")) {
        ReportTest.Result r = run(kind, "--config", config.toString(), "--out", folder(kind, seed).toString(),
            "--seed", Long.toString(seed), "--cache", cache.toString(), "--json");
        assertEquals(0, r.code(), r.stdout());
      }
    }
    // a second search with seed 6: one run per benchmark, group, method and seed is used
    ReportTest.copyTree(folder("search", 6), runs.resolve("zz-again"));
  }

  /** scripts/experiment's names: seed 1 keeps the names of before, other seeds add -sS. */
  static Path folder(String kind, long seed) {
    return runs.resolve(BENCHMARK + "-g1-" + kind + (seed == 1 ? "" : "-s" + seed));
  }

  @Test
  void eachSeedIsComparedOnItsOwnAndTheSpreadIsOverTheSeeds() throws Exception {
    Path out = dir.resolve("report");
    ReportTest.Result r = run("report", "--runs", runs.toString(), "--out", out.toString(), "--json");
    assertEquals(0, r.code(), r.stdout());
    JsonNode doc = r.json();
    assertEquals("[5,6]", doc.get("seeds").toString());
    assertTrue(doc.get("paired").asBoolean());
    assertTrue(doc.get("skipped").toString().contains("zz-again: another NAS (SMAC) run of kmeans group 1 with seed 6 is used"),
        doc.get("skipped").toString());

    Map<String, JsonNode> rows = new HashMap<>();
    for (JsonNode row : doc.get("rows")) {
      assertTrue(rows.put(row.get("seed").asLong() + "/" + row.get("method").asText(), row) == null, "duplicate " + row);
      assertEquals(row.get("accuracy"), row.get("testAccuracy"), "accuracy is the test accuracy: " + row);
    }
    assertEquals(6, rows.size(), "NAS, enumeration and AxBench for each seed: " + rows.keySet());

    // each seed's choices, from that seed's histories alone
    Map<String, List<Double>> figures = new HashMap<>();
    for (long seed : SEEDS) {
      List<Evaluation> nas = history(folder("search", seed));
      List<Evaluation> enumeration = history(folder("enumerate", seed));
      double threshold = Math.min(0.9, Math.min(maxAccuracy(nas), maxAccuracy(enumeration)));
      for (String method : List.of("nas", "enumeration")) {
        Evaluation expected = energyModeChoice(method.equals("nas") ? nas : enumeration, threshold);
        JsonNode row = rows.get(seed + "/" + method);
        assertEquals(expected.getNetwork(), row.get("network").asText(), seed + "/" + method);
        assertEquals(expected.getSpeedup(), row.get("speedup").asDouble(), 0);
        assertEquals(expected.getEnergyReduction(), row.get("energyReduction").asDouble(), 0);
        assertTrue(row.get("runDir").asText().endsWith(folder(method.equals("nas") ? "search" : "enumerate", seed)
            .getFileName().toString()), row.toString());
        figures.computeIfAbsent(method + "/speedup", k -> new ArrayList<>()).add(expected.getSpeedup());
        figures.computeIfAbsent(method + "/energyReduction", k -> new ArrayList<>()).add(expected.getEnergyReduction());
      }
    }
    for (int i = 0; i < SEEDS.length; i++) {
      for (String f : List.of("speedup", "energyReduction")) {
        figures.computeIfAbsent("ratio/" + f, k -> new ArrayList<>())
            .add(figures.get("nas/" + f).get(i) / figures.get("enumeration/" + f).get(i));
      }
    }

    // two values a and b: mean (a + b) / 2, sample standard deviation |a - b| / sqrt(2)
    assertEquals(1, doc.get("spread").size());
    JsonNode spread = doc.get("spread").get(0);
    assertEquals(BENCHMARK, spread.get("benchmark").asText());
    assertEquals(1, spread.get("group").asInt());
    assertEquals("[5,6]", spread.get("seeds").toString());
    for (String method : List.of("nas", "enumeration", "ratio")) {
      for (String f : List.of("speedup", "energyReduction")) {
        List<Double> v = figures.get(method + "/" + f);
        JsonNode s = spread.get(method).get(f);
        String what = method + " " + f + ": " + s;
        assertEquals(2, s.get("n").asInt(), what);
        assertEquals((v.get(0) + v.get(1)) / 2, s.get("mean").asDouble(), 1e-12, what);
        assertEquals(Math.min(v.get(0), v.get(1)), s.get("min").asDouble(), 0, what);
        assertEquals(Math.max(v.get(0), v.get(1)), s.get("max").asDouble(), 0, what);
        assertEquals(Math.abs(v.get(0) - v.get(1)) / Math.sqrt(2), s.get("sd").asDouble(), 1e-12, what);
      }
    }
    // the group mean of one benchmark: its mean over the seeds
    for (JsonNode a : doc.get("averages")) {
      String method = a.get("method").asText();
      if (!method.equals("axbench")) {
        assertEquals(spread.get(method).get("speedup").get("mean").asDouble(), a.get("speedup").asDouble(), 1e-12, a.toString());
        assertEquals(1, a.get("benchmarks").asInt());
      }
    }

    // the tables: the spread table, the seed beside the benchmark; the plots: one set per seed
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("## Mean and spread over seeds"), md);
    List<Double> nasSpeedup = figures.get("nas/speedup");
    String line = String.format(Locale.ROOT, "| kmeans | 1 | 5, 6 | NAS speedup | 2 | %.2fx | %.2fx - %.2fx | %.3f |",
        (nasSpeedup.get(0) + nasSpeedup.get(1)) / 2, Math.min(nasSpeedup.get(0), nasSpeedup.get(1)),
        Math.max(nasSpeedup.get(0), nasSpeedup.get(1)), Math.abs(nasSpeedup.get(0) - nasSpeedup.get(1)) / Math.sqrt(2));
    assertTrue(md.contains(line), line + " not in\n" + md);
    assertTrue(md.contains("| kmeans, seed 6 |"), md);
    String html = Files.readString(out.resolve("index.html"));
    assertTrue(html.contains("Mean and spread over seeds"), html);
    for (long seed : SEEDS) {
      for (String fig : List.of("candidates", "selection", "convergence")) {
        String name = fig + "-kmeans-g1-s" + seed + ".png";
        assertTrue(doc.get("files").toString().contains("\"" + name + "\""), name);
        assertTrue(Files.size(out.resolve(name)) > 0, name);
      }
      assertTrue(html.contains("id=\"kmeans-g1-s" + seed + "\">kmeans, group 1, seed " + seed + "</h3>"), html);
    }
  }
}
