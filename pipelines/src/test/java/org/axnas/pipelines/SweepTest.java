package org.axnas.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axnas.pipelines.config.RunConfig;
import org.axnas.pipelines.config.SweepConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep config and the sweep command's bad input (the sweep itself runs in FlinkClusterIT). */
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
}
