package org.axnas.pipelines;

import org.axnas.pipelines.run.JsonOutput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axnas.pipelines.config.RunConfig;
import org.axnas.pipelines.config.SweepConfig;
import org.axnas.pipelines.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep config, the sweep command's bad input and its shared cache (on Flink: FlinkClusterIT). */
class SweepTest {

  @Test
  void everyBenchmarkGroupAndHardwareGetsARunConfigWithTheSettingsMergedIn(@TempDir Path dir) throws Exception {
    Path sweep = dir.resolve("sweep.yaml");
    Files.writeString(sweep, "benchmarks: [kmeans, sobel]\ngroups: [1, 2]\n"
        + "hardware: [run-configs/hardware/eyeriss.yaml, run-configs/hardware/npu8.yaml]\n"
        + "settings: {seed: 5, search: {budget: 8}, training: {epochs: 3}}\n");
    SweepConfig c = SweepConfig.load(sweep);
    assertEquals(List.of("kmeans-g1-eyeriss", "kmeans-g2-eyeriss", "kmeans-g1-npu8", "kmeans-g2-npu8",
        "sobel-g1-eyeriss", "sobel-g2-eyeriss", "sobel-g1-npu8", "sobel-g2-npu8"),
        c.searches().stream().map(SweepConfig.Entry::label).toList());
    RunConfig base = RunConfig.load(Path.of("run-configs/sobel.yaml"));
    SweepConfig.Entry e = c.searches().get(7);
    RunConfig r = RunConfig.parse(e.runConfigYaml(), e.label());
    assertEquals("sobel", r.benchmark());
    assertEquals(2, r.group());
    assertTrue(r.hardware().endsWith("run-configs/hardware/npu8.yaml") && Path.of(r.hardware()).isAbsolute(), r.hardware());
    assertEquals(5, r.seed());
    assertEquals(8, r.search().budget());
    assertEquals(3, r.training().epochs());
    // what the settings leave alone stays as the benchmark's run-config has it
    assertEquals(base.search().maxNeurons(), r.search().maxNeurons());
    assertEquals(base.training().batchSize(), r.training().batchSize());
    assertEquals(base.objective(), r.objective());
  }

  @Test
  void theShippedSweepIsThePapersWholeExperiment() {
    SweepConfig all = SweepConfig.load(Path.of("run-configs/sweeps/all.yaml"));
    assertEquals(7 * 2 * 2, all.searches().size());
    assertEquals(7, all.searches().stream().map(SweepConfig.Entry::benchmark).distinct().count());
  }

  @Test
  void badSweepsAreRefusedWithTheFileAndTheField(@TempDir Path dir) throws Exception {
    for (String[] bad : List.of(
        new String[] {"benchmarks: [mandelbrot]\n", "benchmarks"},
        new String[] {"benchmarks: []\n", "benchmarks"},
        new String[] {"benchmarks: [kmeans]\ngroups: [3]\n", "groups"},
        new String[] {"benchmarks: [kmeans]\nhardware: [nope.yaml]\n", "hardware"},
        new String[] {"benchmarks: [kmeans]\nsettings: {group: 2}\n", "settings.group"},
        new String[] {"benchmarks: [kmeans]\nsettings: {search: {budget: 0}}\n", "search.budget"},
        new String[] {"benchmarks: [kmeans]\nrounds: 3\n", "rounds"})) {
      Path f = dir.resolve("bad.yaml");
      Files.writeString(f, bad[0]);
      Path out = dir.resolve("out");
      TracesCommandTest.Result r = TracesCommandTest.run("sweep", "--config", f.toString(), "--out", out.toString(), "--json");
      assertEquals(2, r.code(), bad[0] + r.stdout());
      String error = r.json().get("error").asText();
      assertTrue(error.contains("bad.yaml") && error.contains(bad[1]), bad[0] + " -> " + error);
      assertFalse(Files.exists(out), "nothing may be written for " + bad[0]);
    }
  }

  @Test
  void anExistingSweepFolderNeedsResume(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("sweep.yaml");
    Files.writeString(f, "benchmarks: [kmeans]\n");
    Path out = Files.createDirectories(dir.resolve("out"));
    TracesCommandTest.Result r = TracesCommandTest.run("sweep", "--config", f.toString(), "--out", out.toString(), "--json");
    assertEquals(2, r.code(), r.stdout());
    assertTrue(r.json().get("error").asText().contains("--resume"), r.stdout());
    TracesCommandTest.Result none = TracesCommandTest.run("sweep", "--config", f.toString(), "--out", dir.resolve("absent").toString(),
        "--resume", "--json");
    assertEquals(2, none.code(), none.stdout());
  }

  /**
   * With {@code --cache}, the searches of a sweep and of a later sweep share trained models: the
   * second sweep of the same config trains nothing and finds the same fronts.
   */
  @Test
  void aSharedCacheTrainsEachNetworkOnce(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("sweep.yaml");
    Files.writeString(f, "benchmarks: [kmeans]\ngroups: [1, 2]\n"
        + "settings: {seed: 3, traces: {samples: 2000}, search: {budget: 4, parallelism: 2, maxLayers: 1, maxNeurons: 8},"
        + " training: {epochs: 4, batchSize: 64}, selection: {mode: energy, minAccuracy: 0.0}}\n");
    Path cache = dir.resolve("cache");
    TracesCommandTest.Result first = TracesCommandTest.run("sweep", "--config", f.toString(), "--out",
        dir.resolve("first").toString(), "--cache", cache.toString(), "--json");
    assertEquals(0, first.code(), first.stdout());
    TracesCommandTest.Result second = TracesCommandTest.run("sweep", "--config", f.toString(), "--out",
        dir.resolve("second").toString(), "--cache", cache.toString(), "--json");
    assertEquals(0, second.code(), second.stdout());
    assertEquals(2, second.json().get("searches").size());
    for (int i = 0; i < 2; i++) {
      var a = first.json().get("searches").get(i);
      var b = second.json().get("searches").get(i);
      assertEquals(withoutModelPaths(a.get("pareto")), withoutModelPaths(b.get("pareto")), a.get("search").asText());
      // cache hits are recorded beside the history, in each round's timings
      RunFolder run = new RunFolder(Path.of(b.get("runDir").asText()));
      int hits = 0;
      for (int round : run.finishedRounds()) {
        for (var c : JsonOutput.mapper().readTree(run.roundTimings(round).toFile()).get("candidates")) {
          assertTrue(c.get("cached").asBoolean(), "the second sweep trained " + c + " again");
          hits++;
        }
      }
      assertEquals(4, hits);
    }
  }

  private static String withoutModelPaths(com.fasterxml.jackson.databind.JsonNode pareto) {
    StringBuilder sb = new StringBuilder();
    for (var p : pareto) {
      com.fasterxml.jackson.databind.node.ObjectNode copy = p.deepCopy();
      copy.remove("model");
      sb.append(copy).append('\n');
    }
    return sb.toString();
  }
}
