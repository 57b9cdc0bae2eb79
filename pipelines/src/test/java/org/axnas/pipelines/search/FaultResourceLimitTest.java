package org.axnas.pipelines.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.axnas.pipelines.Axnas;
import org.axnas.pipelines.run.JsonOutput;
import org.axnas.pipelines.config.ConfigException;
import org.axnas.pipelines.config.RunConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traces too large for memory are refused up front, with what to change, instead of failing (or,
 * on the DirectRunner, hanging in garbage collection) after minutes of work.
 */
class FaultResourceLimitTest {
  private static final long GIB = 1L << 30;

  private static RunConfig jpeg(long samples) {
    return RunConfig.parse("benchmark: jpeg\ntraces: {samples: " + samples + "}\nobjective: {alpha: 1, beta: 0, epsilon: 0}\n",
        "jpeg.yaml");
  }

  private static void check(RunConfig c, PipelineOptions options, long heap) {
    MemoryCheck.check(c, RunInputs.read(c), options, heap);
  }

  @Test
  void tracesLargerThanTheHeapAreRefusedSayingWhatFits() {
    PipelineOptions direct = PipelineOptionsFactory.create();
    // jpeg, 128 values a sample: 200,000 samples peaked at ~1.4 GB live on the DirectRunner
    ConfigException e = assertThrows(ConfigException.class, () -> check(jpeg(400_000), direct, 2 * GIB));
    assertTrue(e.getMessage().startsWith("jpeg.yaml: field 'traces.samples'"), e.getMessage());
    assertTrue(e.getMessage().contains("128 values (64 in, 64 out)") && e.getMessage().contains("-Xmx"), e.getMessage());
    Matcher m = Pattern.compile("at most (\\d+)").matcher(e.getMessage());
    assertTrue(m.find(), e.getMessage());
    long fits = Long.parseLong(m.group(1));
    assertTrue(fits > 100_000 && fits < 200_000, e.getMessage());
    check(jpeg(fits), direct, 2 * GIB); // what the message offers is accepted
    assertThrows(ConfigException.class, () -> check(jpeg(fits + 1), direct, 2 * GIB));
    check(jpeg(400_000), direct, 8 * GIB); // or more memory, as it says

    // collected on a cluster, the driver only reads the splits
    PipelineOptions cluster = PipelineOptionsFactory.fromArgs("--runner=FlinkRunner", "--flinkMaster=localhost:8081").create();
    check(jpeg(100_000), cluster, 2 * GIB);
    assertThrows(ConfigException.class, () -> check(jpeg(10_000_000), cluster, 2 * GIB));
  }

  @Test
  void theCommandRefusesBeforeWritingAnything(@TempDir Path dir) throws Exception {
    Path cfg = dir.resolve("huge.yaml");
    Files.writeString(cfg, "benchmark: jpeg\ntraces: {samples: 50000000}\nobjective: {alpha: 1, beta: 0, epsilon: 0}\n");
    Path out = dir.resolve("never");
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Axnas.execute("search", "--config", cfg.toString(), "--out", out.toString(), "--json");
    } finally {
      System.setOut(old);
    }
    assertEquals(2, code, buf.toString(StandardCharsets.UTF_8));
    String error = JsonOutput.mapper().readTree(buf.toString(StandardCharsets.UTF_8)).get("error").asText();
    assertTrue(error.contains("huge.yaml") && error.contains("lower traces.samples to at most"), error);
    assertFalse(Files.exists(out));
  }

  /** A sweep keeps every search's splits in the JVM: the sum is checked before anything is written. */
  @Test
  void aSweepChecksTheSumOfItsSearches(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("sweep.yaml");
    Files.writeString(f, "benchmarks: [jpeg, sobel]\ngroups: [1, 2]\nsettings: {traces: {samples: 60000}}\n");
    org.axnas.pipelines.config.SweepConfig sweep = org.axnas.pipelines.config.SweepConfig.load(f);
    PipelineOptions direct = PipelineOptionsFactory.create();
    // each search alone fits in 1 GB (60,000 jpeg samples: ~0.5 GB to collect), the four together do not
    check(RunConfig.parse(sweep.searches().get(0).runConfigYaml(), "jpeg-g1"), direct, GIB);
    ConfigException e = assertThrows(ConfigException.class, () -> Sweep.checkMemory(sweep, direct, GIB));
    assertTrue(e.getMessage().contains("sweep.yaml") && e.getMessage().contains("4 searches"), e.getMessage());
    Sweep.checkMemory(sweep, direct, 4 * GIB);
  }
}
