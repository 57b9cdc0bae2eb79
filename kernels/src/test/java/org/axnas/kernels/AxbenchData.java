package org.axnas.kernels;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared AxBench input files (never copied into the repository). Tests that need one skip,
 * saying so, when it is absent.
 */
final class AxbenchData {
  private AxbenchData() {}

  static Path dir() {
    return Path.of(System.getProperty("axbench.data", "../shared/axbench-data"));
  }

  /** The file at {@code relative} under axbench-data; skips the test when it is missing. */
  static Path require(String relative) {
    Path file = dir().resolve(relative);
    assumeTrue(Files.isRegularFile(file),
        "AxBench data file " + file.toAbsolutePath() + " not found (set -Daxbench.data=...): skipped");
    return file;
  }
}
