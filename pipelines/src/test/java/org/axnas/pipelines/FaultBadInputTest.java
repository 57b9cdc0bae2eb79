package org.axnas.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axnas.pipelines.run.AvroFiles;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.schemas.TraceSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input through the command line: exit code 2, a message naming the file and the field (or
 * line and column), and nothing written. RunConfigTest checks the config rules one by one and
 * SearchTest a first few through the command (unknown benchmark, malformed YAML, missing alpha,
 * budget 0, missing trace, NaN refused); here the other kinds of mistake go through
 * {@code axnas search} end to end.
 */
class FaultBadInputTest {
  private static final String OBJECTIVE = "objective: {alpha: 1, beta: 0, epsilon: 0}\n";

  /** Runs a search on {@code yaml} and expects exit 2, a message holding each of {@code mentions}, no run folder. */
  static String refused(Path dir, String yaml, String... mentions) throws Exception {
    Path cfg = dir.resolve("bad.yaml");
    Files.writeString(cfg, yaml);
    Path out = dir.resolve("never");
    TracesCommandTest.Result r = TracesCommandTest.run("search", "--config", cfg.toString(), "--out", out.toString(), "--json");
    assertEquals(2, r.code(), yaml + "\n" + r.stdout());
    String error = r.json().get("error").asText();
    for (String m : mentions) {
      assertTrue(error.contains(m), "'" + m + "' missing from: " + error);
    }
    assertFalse(Files.exists(out), "nothing may be written, not even the folder or its lock: " + error);
    return error;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown top-level key|benchmark: sobel\\nbudget: 3\\n|'budget'",
      "unknown nested key|benchmark: sobel\\ntraining: {epoch: 3}\\n|training.epoch",
      "text for a number|benchmark: sobel\\nsearch: {budget: ten}\\n|search.budget",
      "number for a list|benchmark: sobel\\nsearch: {activations: 3.5}\\n|search.activations",
      "list for a mapping|benchmark: sobel\\ntraining: [1, 2]\\n|training",
      "zero parallelism|benchmark: sobel\\nsearch: {parallelism: 0}\\n|search.parallelism",
      "zero epochs|benchmark: sobel\\ntraining: {epochs: 0}\\n|training.epochs",
      "zero batch size|benchmark: sobel\\ntraining: {batchSize: 0}\\n|training.batchSize",
      "negative samples|benchmark: sobel\\ntraces: {samples: -5}\\n|traces.samples",
      "zero layers|benchmark: sobel\\nsearch: {maxLayers: 0}\\n|search.maxLayers",
      "negative learning rate|benchmark: sobel\\ntraining: {learningRate: -0.1}\\n|training.learningRate",
      "negative error bound|benchmark: sobel\\nerrorBound: -0.01\\n|errorBound",
      "unknown optimizer|benchmark: sobel\\ntraining: {optimizer: rmsprop}\\n|training.optimizer",
      "unknown selection mode|benchmark: sobel\\nselection: {mode: speed}\\n|selection.mode",
      "accuracy threshold above one|benchmark: sobel\\nselection: {minAccuracy: 1.5}\\n|selection.minAccuracy",
      "theta outside [0, 1]|benchmark: sobel\\nselection: {theta: -0.5}\\n|selection.theta",
      "negative energy threshold|benchmark: sobel\\nselection: {minEnergyReduction: -1}\\n|selection.minEnergyReduction",
      "missing hardware file|benchmark: sobel\\nhardware: nowhere/npu.yaml\\n|nowhere/npu.yaml",
      "a key given twice|benchmark: sobel\\nsearch: {budget: 3}\\nsearch: {budget: 4}\\n|Duplicate field 'search'",
  })
  void aBadConfigIsRefusedBeforeAnythingIsWritten(String what, String yaml, String mentioned, @TempDir Path dir) throws Exception {
    String text = yaml.replace("\\n", "\n");
    refused(dir, text.contains("objective") ? text : text + OBJECTIVE, "bad.yaml", mentioned);
  }

  @Test
  void hwsimRefusesALayerNoSearchWouldPropose() throws Exception {
    TracesCommandTest.Result wide = TracesCommandTest.run("hwsim", "--net", "6-1000000:relu-1", "--benchmark",
        "blackscholes", "--json");
    assertEquals(2, wide.code(), wide.stdout());
    assertTrue(wide.json().get("error").asText().contains("at most 4096"), wide.stdout());
    TracesCommandTest.Result ok = TracesCommandTest.run("hwsim", "--net", "6-8:sigmoid-8:sigmoid-1", "--benchmark",
        "blackscholes", "--json");
    assertEquals(0, ok.code(), ok.stdout());
    assertEquals("O2", ok.json().get("cpu").get("baseline").asText());
  }

  @Test
  void coefficientsAllZeroAreRefused(@TempDir Path dir) throws Exception {
    refused(dir, "benchmark: sobel\nobjective: {alpha: 0, beta: 0, epsilon: 0}\n", "bad.yaml", "all zero");
  }

  @Test
  void anEnergyThresholdNoNetworkCanReachIsRefusedAndTheHalfMadeRunRemoved(@TempDir Path dir) throws Exception {
    // AxBench's kernels: the CPU cost is a measured mix, so this is refused before any trace is collected
    String error = refused(dir, "benchmark: kmeans\ntraces: {samples: 300}\nselection: {minEnergyReduction: 1000}\n" + OBJECTIVE,
        "bad.yaml", "selection.minEnergyReduction", "at most");
    assertTrue(error.contains("lower it"), error);
  }

  private static String userFunction(Path trace, String extra) {
    return "benchmark: mine\n" + OBJECTIVE + extra
        + "function: {traces: " + trace + ", inputColumns: [a, b], outputColumns: [y], errorBounds: [0.1], cyclesPerInvocation: 50}\n";
  }

  @Test
  void badCsvTracesAreRefusedNamingLineAndColumn(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("t.csv");
    Files.writeString(csv, "a,y\n1,2\n");
    refused(dir, userFunction(csv, ""), "t.csv", "'b'", "no such column", "a, y");

    Files.writeString(csv, "a,b,y\n1,2,3\n4,five,6\n");
    refused(dir, userFunction(csv, ""), "t.csv", "line 3, column b", "'five' is not a number");

    Files.writeString(csv, "a,b,y\n1,2,3\n4,5\n");
    refused(dir, userFunction(csv, ""), "t.csv", "line 3", "has 2 cells");

    Files.writeString(csv, "");
    refused(dir, userFunction(csv, ""), "t.csv", "empty file");

    Files.writeString(csv, "a,b,y\n");
    refused(dir, userFunction(csv, ""), "t.csv", "no usable sample");

    Files.writeString(csv, "a,b,y\nnan,1,2\n1,inf,2\n");
    refused(dir, userFunction(csv, ""), "t.csv", "no usable sample"); // all dropped

    Files.writeString(csv, "a,b,y\n1,2,3\n4,nan,6\n");
    refused(dir, userFunction(csv, "traces: {nonFinite: refuse}\n"), "t.csv", "NaN or infinity", "nonFinite");

    refused(dir, userFunction(csv, "").replace("errorBounds: [0.1]", "errorBounds: [0]"), "bad.yaml", "function.errorBounds");
    refused(dir, userFunction(csv, "").replace("cyclesPerInvocation: 50}", "cyclesPerInvocation: 50, outputActivation: softplus}"),
        "bad.yaml", "function.outputActivation");
  }

  @Test
  void aCorruptAvroTraceIsRefusedNamingIt(@TempDir Path dir) throws Exception {
    Path avro = dir.resolve("t.avro");
    AvroFiles.write(avro, TraceSample.class, List.of(
        new TraceSample("mine", 0L, List.of(1f, 2f), List.of(3f)), new TraceSample("mine", 1L, List.of(4f, 5f), List.of(6f))));
    byte[] b = Files.readAllBytes(avro);
    Files.write(avro, java.util.Arrays.copyOf(b, b.length - 20));
    refused(dir, userFunction(avro, "").replace("inputColumns: [a, b], outputColumns: [y], ", ""), "t.avro", "truncated");
  }

  @Test
  void samplesWithNaNAreDroppedAndCountedWhenTheConfigSaysSo(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("t.csv");
    StringBuilder sb = new StringBuilder("a,b,y\n");
    for (int i = 0; i < 400; i++) {
      float a = (i % 20) / 20f;
      float b = (i / 20) / 20f;
      sb.append(i == 7 ? "nan" : Float.toString(a)).append(',').append(i == 9 ? "-inf" : Float.toString(b)).append(',')
          .append(a * b + 1).append('\n');
    }
    Files.writeString(csv, sb.toString());
    Path cfg = dir.resolve("drop.yaml");
    Files.writeString(cfg, userFunction(csv, "traces: {nonFinite: drop}\nsearch: {budget: 1, parallelism: 1}\n"
        + "training: {epochs: 1}\nselection: {minAccuracy: 0}\n"));
    Path out = dir.resolve("run");
    TracesCommandTest.Result r = TracesCommandTest.run("search", "--config", cfg.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.stdout());
    assertTrue(r.stdout().contains("dropped 2 samples with NaN/Inf"), r.stdout());
    String marker = Files.readString(new RunFolder(out).tracesDone());
    assertTrue(marker.contains("failed=2") && marker.contains("loaded=398"), marker);
  }
}
