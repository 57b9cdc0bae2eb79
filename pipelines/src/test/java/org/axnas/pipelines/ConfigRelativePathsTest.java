package org.axnas.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths inside a run-config are found beside the config file: the README's bring-your-own-function
 * example runs from any working directory (the tests run in pipelines/, the config elsewhere).
 */
class ConfigRelativePathsTest {

  @Test
  void aUserFunctionsTracesAreFoundBesideItsConfig(@TempDir Path dir) throws Exception {
    Path project = Files.createDirectories(dir.resolve("project/data"));
    StringBuilder csv = new StringBuilder("x0,x1,y\n");
    for (int i = 0; i < 400; i++) {
      double a = (i % 20) / 20.0;
      double b = (i / 20) / 20.0;
      csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%.6f%n", a, b, a * a + b));
    }
    Files.writeString(project.resolve("myfilter.csv"), csv);
    Path config = dir.resolve("project/myfilter.yaml");
    Files.writeString(config, """
        benchmark: myfilter
        seed: 3
        function:
          traces: data/myfilter.csv
          inputColumns: [x0, x1]
          outputColumns: [y]
          metric: relative
          errorBounds: [0.05, 0.1]
          cyclesPerInvocation: 420
        search: {budget: 2, parallelism: 2, maxLayers: 1, maxNeurons: 8}
        training: {optimizer: adam, epochs: 5}
        objective: {alpha: 0.9, beta: 0.05, epsilon: 0.05}
        """);
    assertTrue(!Files.exists(Path.of("data/myfilter.csv")), "the working directory must not hold it");
    TracesCommandTest.Result r = TracesCommandTest.run("search", "--config", config.toString(), "--out",
        dir.resolve("run").toString(), "--json");
    assertEquals(0, r.code(), r.stdout());
    assertEquals(2, r.json().get("evaluations").asInt());
  }
}
