package org.axnas.pipelines.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axnas.core.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunConfigTest {
  static final String OBJECTIVE = "objective: {alpha: 0.9, beta: 0.05, epsilon: 0.05}\n";

  @Test
  void everyShippedRunConfigLoads() throws IOException {
    int n = 0;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("run-configs"), "*.yaml")) {
      for (Path p : ds) {
        RunConfig c = RunConfig.load(p);
        assertTrue(c.search().budget() > 0, p.toString());
        assertTrue(Files.exists(Path.of(c.hardware())), p + " names hardware " + c.hardware());
        n++;
      }
    }
    assertTrue(n >= 8, "the seven benchmarks and quick.yaml, found " + n);
  }

  @Test
  void boundsComeFromTheBenchmarkByGroup() {
    RunConfig g1 = RunConfig.parse("benchmark: blackscholes\n" + OBJECTIVE, "a.yaml");
    RunConfig g2 = RunConfig.parse("benchmark: blackscholes\ngroup: 2\n" + OBJECTIVE, "b.yaml");
    assertEquals(0.01, g1.errorBound(), 1e-12);
    assertEquals(0.015, g2.errorBound(), 1e-12);
    assertEquals(List.of(Activation.RELU, Activation.SIGMOID, Activation.TANH), g1.search().activations());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown benchmark|benchmark: mandelbrot\\n" + "objective: {alpha: 1, beta: 0, epsilon: 0}|benchmark",
      "malformed YAML|benchmark: [blackscholes\\n|malformed YAML",
      "unknown key|benchmark: sobel\\nsearh: {budget: 3}\\nobjective: {alpha: 1, beta: 0, epsilon: 0}|searh",
      "missing alpha|benchmark: sobel\\nobjective: {beta: 0.1, epsilon: 0.1}|objective.alpha",
      "negative beta|benchmark: sobel\\nobjective: {alpha: 1, beta: -0.1, epsilon: 0.1}|objective.beta",
      "all coefficients zero|benchmark: sobel\\nobjective: {alpha: 0, beta: 0, epsilon: 0}|all zero",
      "budget zero|benchmark: sobel\\nsearch: {budget: 0}\\nobjective: {alpha: 1, beta: 0, epsilon: 0}|search.budget",
      "wrong type|benchmark: sobel\\ntraining: {epochs: many}\\nobjective: {alpha: 1, beta: 0, epsilon: 0}|training.epochs",
      "bound not positive|benchmark: sobel\\nerrorBound: 0\\nobjective: {alpha: 1, beta: 0, epsilon: 0}|errorBound",
      "unknown activation|benchmark: sobel\\nsearch: {activations: [relu, swish]}\\nobjective: {alpha: 1, beta: 0, epsilon: 0}|swish",
      "negative size|benchmark: sobel\\nsearch: {maxNeurons: -4}\\nobjective: {alpha: 1, beta: 0, epsilon: 0}|search.maxNeurons",
      "no test part|benchmark: sobel\\ntraces: {train: 0.9, validation: 0.1}\\nobjective: {alpha: 1, beta: 0, epsilon: 0}|traces.validation",
      "empty file| |empty",
  })
  void badConfigsAreRefusedNamingFileAndField(String what, String yaml, String mentioned) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> RunConfig.parse(yaml == null ? "" : yaml.replace("\\n", "\n"), "my.yaml"));
    assertTrue(e.getMessage().startsWith("my.yaml"), e.getMessage());
    assertTrue(e.getMessage().contains(mentioned), what + ": " + e.getMessage());
  }

  @Test
  void aUserFunctionNeedsColumnsBoundsAndACpuCost() {
    String base = "benchmark: myfn\n" + OBJECTIVE + "function:\n  traces: data.csv\n";
    ConfigException cols = assertThrows(ConfigException.class, () -> RunConfig.parse(base + "  errorBounds: [0.1]\n  cyclesPerInvocation: 100\n", "f.yaml"));
    assertTrue(cols.getMessage().contains("inputColumns"), cols.getMessage());
    String withCols = base + "  inputColumns: [a, b]\n  outputColumns: [c]\n";
    ConfigException cost = assertThrows(ConfigException.class, () -> RunConfig.parse(withCols + "  errorBounds: [0.1]\n", "f.yaml"));
    assertTrue(cost.getMessage().contains("cyclesPerInvocation"), cost.getMessage());
    RunConfig ok = RunConfig.parse(withCols + "  errorBounds: [0.1, 0.2]\n  opsPerInvocation: {FMUL: 10, FADD: 5}\n", "f.yaml");
    assertTrue(ok.isUserFunction());
    assertEquals(0.1, ok.errorBound(), 1e-12);
    assertEquals(10.0, ok.function().opsPerInvocation().get(org.axnas.core.OpClass.FMUL));
  }

  /** The objective's weights are evaluation's type; a resume's config diff still names each weight. */
  @Test
  void theConfigDiffNamesAChangedObjectiveWeight() {
    RunConfig was = RunConfig.parse("benchmark: sobel\nobjective: {alpha: 0.8, beta: 0.1, epsilon: 0.1}\n", "a.yaml");
    RunConfig now = RunConfig.parse("benchmark: sobel\nobjective: {alpha: 0.9, beta: 0.1, epsilon: 0.1}\n", "b.yaml");
    assertEquals(List.of("objective.alpha: 0.8 -> 0.9"), ConfigDiff.differences(was, now));
    assertEquals(0.9, now.objective().alpha());
  }
}
