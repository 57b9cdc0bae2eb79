package org.axnas.pipelines.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axnas.pipelines.config.ConfigException;

/** Finds the run folders under a directory (each holds a manifest.avro) and reads the finished ones. */
public final class RunScan {
  /** The finished runs, and a line for every run folder left out and why. */
  public record Result(List<FinishedRun> runs, List<String> skipped) {}

  private RunScan() {}

  public static Result scan(Path root) {
    if (!Files.isDirectory(root)) {
      throw new ConfigException(root.toString(), "--runs", "no such directory");
    }
    List<Path> dirs;
    try (Stream<Path> s = Files.walk(root)) {
      dirs = s.filter(p -> p.getFileName().toString().equals("manifest.avro"))
          .map(Path::getParent)
          .filter(d -> !d.toString().contains("/staging/"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    List<FinishedRun> runs = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Path d : dirs) {
      if (!FinishedRun.isFinished(d)) {
        skipped.add(d + ": not finished (no pareto.avro); finish it with --resume");
        continue;
      }
      try {
        runs.add(FinishedRun.read(d));
      } catch (IllegalArgumentException | UncheckedIOException e) {
        skipped.add(d + ": unreadable: " + e.getMessage());
      }
    }
    return new Result(runs, skipped);
  }
}
