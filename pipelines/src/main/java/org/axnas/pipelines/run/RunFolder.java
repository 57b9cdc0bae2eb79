package org.axnas.pipelines.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axnas.pipelines.config.ConfigException;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.RunManifest;

/**
 * The layout of a run folder and the rules that keep it whole.
 *
 * <pre>
 * manifest.avro             what made the run (config text and hash, seed, versions)
 * config.yaml               the config as given
 * traces/                   train/validation/test-*.avro, profile.avro, failures-*.avro, _SUCCESS
 * history/round-NNNN.avro   evaluations of each finished round (the run history)
 * history/round-NNNN.timings.json  wall times of that round (kept apart: histories are reproducible)
 * failures/round-NNNN.avro  dead letters of each round
 * models/KEY.json           trained models (the evaluation cache)
 * pareto.avro, pareto.json  the non-dominated set
 * selected/                 the selected network: model.json, model.dl4j.zip, selection.json
 * .lock                     held while a search writes the folder
 * </pre>
 */
public final class RunFolder {
  private static final Pattern ROUND = Pattern.compile("round-(\\d{4,})\\.avro");
  private final Path dir;

  public RunFolder(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  public Path dir() {
    return dir;
  }

  public Path manifest() {
    return dir.resolve("manifest.avro");
  }

  public Path configCopy() {
    return dir.resolve("config.yaml");
  }

  public Path traces() {
    return dir.resolve("traces");
  }

  public Path tracesDone() {
    return traces().resolve("_SUCCESS");
  }

  public Path history() {
    return dir.resolve("history");
  }

  public Path failures() {
    return dir.resolve("failures");
  }

  public Path models() {
    return dir.resolve("models");
  }

  public Path paretoAvro() {
    return dir.resolve("pareto.avro");
  }

  public Path paretoJson() {
    return dir.resolve("pareto.json");
  }

  public Path selected() {
    return dir.resolve("selected");
  }

  public Path staging(int round) {
    return dir.resolve("staging").resolve(String.format("round-%04d", round));
  }

  public Path roundFile(int round) {
    return history().resolve(String.format("round-%04d.avro", round));
  }

  public Path roundTimings(int round) {
    return history().resolve(String.format("round-%04d.timings.json", round));
  }

  public Path roundFailures(int round) {
    return failures().resolve(String.format("round-%04d.avro", round));
  }

  /** True when the folder holds anything but a lock file (a refused fresh run leaves only that). */
  /**
   * The folder holds what a search writes first (its manifest, config copy, traces or history), so
   * it is a run, finished or killed, and not someone else's files.
   */
  public boolean looksLikeRun() {
    return Files.exists(manifest()) || Files.exists(configCopy()) || Files.isDirectory(traces())
        || Files.isDirectory(history());
  }

  public boolean exists() {
    return Files.isDirectory(dir) && nonEmpty(dir);
  }

  public Path staging() {
    return dir.resolve("staging");
  }

  /** Round numbers of the finished rounds, ascending. */
  public List<Integer> finishedRounds() {
    List<Integer> rounds = new ArrayList<>();
    if (!Files.isDirectory(history())) {
      return rounds;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(history(), "round-*.avro")) {
      for (Path p : ds) {
        Matcher m = ROUND.matcher(p.getFileName().toString());
        if (m.matches()) {
          rounds.add(Integer.parseInt(m.group(1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    rounds.sort(null);
    return rounds;
  }

  /** Every evaluation of the finished rounds, in round then trial order. */
  public List<Evaluation> readHistory() {
    List<Evaluation> all = new ArrayList<>();
    for (int r : finishedRounds()) {
      all.addAll(AvroFiles.read(roundFile(r), Evaluation.class));
    }
    return all;
  }

  public RunManifest readManifest() {
    List<RunManifest> m = AvroFiles.read(manifest(), RunManifest.class);
    if (m.size() != 1) {
      throw new ConfigException(manifest().toString(), null, "expected one manifest record, found " + m.size());
    }
    return m.get(0);
  }

  /**
   * Takes the folder's lock, so two searches never write one folder. The OS releases it when the
   * process dies, so a killed search never leaves the folder locked.
   */
  public AutoCloseable lock() {
    try {
      Files.createDirectories(dir);
      FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        ch.close();
        throw new ConfigException(dir.toString(), null,
            "is locked by another running search; wait for it to finish or choose another --out");
      }
      FileLock held = lock;
      return () -> {
        held.release();
        ch.close();
      };
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + dir, e);
    }
  }

  static boolean nonEmpty(Path d) {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(d, p -> !p.getFileName().toString().equals(".lock"))) {
      return ds.iterator().hasNext();
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * Removes what a fresh run wrote before it was refused (bad input found while preparing, e.g.
   * traces the config says to refuse), so the same --out can be used again once the input is
   * fixed. Call it holding the lock; the lock file itself stays until the lock is released.
   */
  public void removeUnfinishedRun() {
    if (!finishedRounds().isEmpty()) {
      return; // evaluations are never thrown away
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p -> !p.getFileName().toString().equals(".lock"))) {
      for (Path p : ds) {
        deleteTree(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the refused run's files from " + dir, e);
    }
  }

  /**
   * After a refused fresh run, once its lock is released: {@link #removeUnfinishedRun} and the
   * lock file, and the folder itself unless it was there before.
   */
  public void removeRefusedRun(boolean keepFolder) {
    removeUnfinishedRun();
    if (!finishedRounds().isEmpty()) {
      return;
    }
    try {
      Files.deleteIfExists(dir.resolve(".lock"));
      if (!keepFolder && Files.isDirectory(dir) && !nonEmpty(dir)) {
        Files.delete(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the refused run's lock or folder " + dir, e);
    }
  }

  /** Deletes a file or a folder with everything in it; nothing when it does not exist. */
  public static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (var s = Files.walk(root)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + root, e);
    }
  }
}
