package org.axnas.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad paths are bad input: exit 2 with the path and the flag named, before any work, nothing written. */
class FaultBadPathTest {

  private static void refused(Path dir, String mentioned, String... args) throws Exception {
    Map<String, byte[]> before = Faults.snapshot(dir);
    TracesCommandTest.Result r = TracesCommandTest.run(args);
    assertEquals(2, r.code(), r.stdout());
    String error = r.json().get("error").asText();
    assertTrue(error.contains(mentioned), error);
    Faults.assertUnchanged(before, dir, String.join(" ", args));
  }

  @Test
  void searchOutThatIsAFile(@TempDir Path dir) throws Exception {
    Path config = SearchTest.config(dir, "kmeans", "");
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    refused(dir, "is a file, not a folder", "search", "--config", config.toString(), "--out", file.toString(), "--json");
    refused(dir, "--out", "search", "--config", config.toString(), "--out", file.resolve("run").toString(), "--json");
  }

  @Test
  void searchCacheThatIsAFile(@TempDir Path dir) throws Exception {
    Path config = SearchTest.config(dir, "kmeans", "");
    Path file = Files.writeString(dir.resolve("cache"), "x");
    refused(dir, "--cache", "search", "--config", config.toString(), "--out", dir.resolve("run").toString(),
        "--cache", file.toString(), "--json");
  }

  @Test
  void tracesOutThatIsAFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("out"), "x");
    refused(dir, "is a file, not a folder", "traces", "--benchmark", "sobel", "--samples", "1000", "--out",
        file.toString(), "--json");
  }

  @Test
  void tracesInputThatIsAFolder(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("images"));
    refused(dir, "is a folder; give a file", "traces", "--benchmark", "sobel", "--input",
        dir.resolve("images").toString(), "--out", dir.resolve("t").toString(), "--json");
  }
}
