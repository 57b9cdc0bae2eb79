package org.axnas.pipelines;

import org.axnas.pipelines.run.JsonOutput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.axnas.kernels.Benchmark;
import org.axnas.kernels.Benchmarks;
import org.axnas.pipelines.config.ConfigException;
import org.axnas.schemas.TraceSample;
import org.axnas.traces.TraceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracesCommandTest {
  private static final long GIB = 1L << 30;


  /** Runs the command line, returning the exit code and stdout. */
  static Result run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      int code = Axnas.execute(args);
      return new Result(code, buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(old);
    }
  }

  record Result(int code, String stdout) {
    JsonNode json() throws Exception {
      return JsonOutput.mapper().readTree(stdout);
    }
  }

  @Test
  void writesSplitAvroTracesOfRealKernelsAndReportsThemAsJson(@TempDir Path out) throws Exception {
    Result r = run("traces", "--benchmark", "sobel", "--samples", "3000", "--out", out.toString(), "--seed", "3", "--json");
    assertEquals(0, r.code(), r.stdout());
    JsonNode doc = r.json();
    assertEquals(out.toString(), doc.get("outDir").asText());
    JsonNode row = doc.get("benchmarks").get(0);
    assertEquals("sobel", row.get("benchmark").asText());
    long train = row.get("train").asLong();
    long validation = row.get("validation").asLong();
    long test = row.get("test").asLong();
    assertEquals(3000, train + validation + test);
    assertEquals(0, row.get("failed").asLong());

    Path traces = out.resolve("sobel/traces");
    assertTrue(Files.exists(traces.resolve("profile.avro")));
    Set<Long> seen = new HashSet<>();
    for (String split : List.of("train", "validation", "test")) {
      List<TraceSample> samples = TraceStore.samples(traces, split);
      for (TraceSample s : samples) {
        assertEquals(9, s.getInput().size());
        assertEquals(1, s.getOutput().size());
        assertTrue(seen.add(s.getIndex()), "index in two splits: " + s.getIndex());
      }
      assertEquals(split.equals("train") ? train : split.equals("validation") ? validation : test, samples.size());
    }
    assertEquals(3000, seen.size());
  }

  @Test
  void sameSeedGivesIdenticalTraces(@TempDir Path a, @TempDir Path b) {
    assertEquals(0, run("traces", "--benchmark", "fft", "--samples", "500", "--out", a.toString()).code());
    assertEquals(0, run("traces", "--benchmark", "fft", "--samples", "500", "--out", b.toString()).code());
    for (String split : List.of("train", "validation", "test")) {
      assertEquals(TraceStore.samples(a.resolve("fft/traces"), split), TraceStore.samples(b.resolve("fft/traces"), split));
    }
  }

  @Test
  void badFlagsExitWithTwoAndWriteNothing(@TempDir Path out) throws Exception {
    Result unknown = run("traces", "--benchmark", "mandelbrot", "--out", out.toString(), "--json");
    assertEquals(2, unknown.code());
    assertTrue(unknown.json().get("error").asText().contains("blackscholes"), unknown.stdout());
    assertEquals(2, run("traces", "--benchmark", "sobel", "--samples", "0", "--out", out.toString()).code());
    assertEquals(2, run("traces", "--benchmark", "sobel", "--out", out.toString(), "--input", out.resolve("missing.rgb").toString()).code());
    assertEquals(2, run("traces", "--benchmark", "sobel", "--out", out.toString(), "--train", "0.9", "--validation", "0.2").code());
    assertEquals(2, run("traces", "--out", out.toString()).code());
    assertFalse(Files.exists(out.resolve("sobel")));
  }

  @Test
  void refusesToOverwriteExistingTraces(@TempDir Path out) throws Exception {
    assertEquals(0, run("traces", "--benchmark", "kmeans", "--samples", "200", "--out", out.toString()).code());
    byte[] before = Files.readAllBytes(out.resolve("kmeans/traces/profile.avro"));
    Result again = run("traces", "--benchmark", "kmeans", "--samples", "300", "--out", out.toString(), "--json");
    assertEquals(2, again.code());
    assertTrue(again.json().get("error").asText().contains("already holds traces"));
    assertEquals(List.of(before.length), List.of(Files.readAllBytes(out.resolve("kmeans/traces/profile.avro")).length));
  }
  /** The traces command collects every benchmark in one pipeline: their sum is checked. */
  @Test
  void theTracesCommandRefusesWhatWouldNotFit(@TempDir Path dir) throws Exception {
    TracesCommand c = new TracesCommand();
    PipelineOptions direct = PipelineOptionsFactory.create();
    List<Benchmark> jpeg = List.of(Benchmarks.byName("jpeg"));
    c.samples = 100_000;
    c.checkMemory(jpeg, direct, 2 * GIB);
    c.samples = 400_000;
    ConfigException e = assertThrows(ConfigException.class, () -> c.checkMemory(jpeg, direct, 2 * GIB));
    assertTrue(e.getMessage().startsWith("command line: field '--samples'") && e.getMessage().contains("jpeg")
        && e.getMessage().contains("lower --samples to at most"), e.getMessage());
    c.samples = 150_000; // jpeg alone fits in 2 GB, all seven benchmarks in one pipeline do not
    c.checkMemory(jpeg, direct, 2 * GIB);
    assertThrows(ConfigException.class, () -> c.checkMemory(Benchmarks.all(), direct, 2 * GIB));
    c.checkMemory(jpeg, PipelineOptionsFactory.fromArgs("--runner=FlinkRunner", "--flinkMaster=localhost:8081").create(),
        GIB / 2); // collected by the cluster

    // and the command exits with 2 before writing anything
    Path out = dir.resolve("never");
    Result r = run("traces", "--benchmark", "jpeg", "--samples", "500000000", "--out", out.toString(), "--json");
    assertEquals(2, r.code(), r.stdout());
    assertTrue(r.json().get("error").asText().contains("lower --samples to at most"), r.stdout());
    assertFalse(Files.exists(out));
  }
}
