package org.axnas.pipelines;

import org.axnas.pipelines.run.JsonOutput;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.axnas.pipelines.run.RunFolder;

/** What the fault tests share: small configs, folder snapshots, a search in a child JVM. */
final class Faults {
  private Faults() {}

  /** A small search: 2,500 samples, 8 epochs, 3 rounds of 2 candidates. */
  static Path config(Path dir, String name, String benchmark, String extra) throws IOException {
    Path f = dir.resolve(name + ".yaml");
    Files.writeString(f, "benchmark: " + benchmark + "\n"
        + "seed: 7\n"
        + "traces: {samples: 2500}\n"
        + "search: {budget: 6, parallelism: 2, maxLayers: 2, maxNeurons: 16}\n"
        + "training: {epochs: 8, batchSize: 64, learningRate: 0.01}\n"
        + "objective: {alpha: 0.8, beta: 0.1, epsilon: 0.1}\n"
        + "selection: {mode: energy, minAccuracy: 0.0}\n"
        + extra);
    return f;
  }

  /** Every file under a folder (but the lock file) by relative path, with its bytes. */
  static Map<String, byte[]> snapshot(Path dir) {
    Map<String, byte[]> files = new TreeMap<>();
    if (!Files.exists(dir)) {
      return files;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(".lock")).toList()) {
        files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  static void assertUnchanged(Map<String, byte[]> before, Path dir, String what) {
    Map<String, byte[]> after = snapshot(dir);
    assertEquals(before.keySet(), after.keySet(), what + ": files added or removed");
    before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), what + ": " + name + " changed"));
  }

  /**
   * Every file a reader may see is whole: each Avro file reads to its last sync marker, each JSON
   * file parses, the traces' marker is a whole line. Only hidden files and folders (temporary
   * files before their rename, Beam's temporary shards, the lock) may be partial.
   */
  static void assertEveryVisibleFileWhole(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        Path rel = dir.relativize(p);
        boolean hidden = false;
        for (Path part : rel) {
          hidden |= part.toString().startsWith(".");
        }
        String name = p.getFileName().toString();
        if (hidden) {
          continue;
        }
        if (name.endsWith(".avro")) {
          try (org.apache.avro.file.DataFileReader<Object> r = new org.apache.avro.file.DataFileReader<>(p.toFile(),
              new org.apache.avro.generic.GenericDatumReader<>())) {
            while (r.hasNext()) {
              r.next();
            }
            org.axnas.pipelines.run.AvroFiles.requireWhole(r, Files.size(p));
          } catch (IOException | RuntimeException e) {
            throw new AssertionError("a partial file is visible: " + rel + " (" + e + ")", e);
          }
        } else if (name.endsWith(".json")) {
          JsonOutput.mapper().readTree(p.toFile());
        } else if (name.equals("_SUCCESS")) {
          assertEquals(true, Files.readString(p).endsWith("\n"), rel + " is cut short");
        }
      }
    }
  }

  /** The same rounds, byte for byte. */
  static void assertSameHistory(Path expected, Path actual) throws IOException {
    RunFolder a = new RunFolder(expected);
    RunFolder b = new RunFolder(actual);
    assertEquals(a.finishedRounds(), b.finishedRounds(), "rounds of " + actual);
    for (int round : a.finishedRounds()) {
      assertArrayEquals(Files.readAllBytes(a.roundFile(round)), Files.readAllBytes(b.roundFile(round)), "round " + round);
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  /**
   * {@code axnas search} in its own JVM, as a user runs it (the test classpath instead of the fat
   * jar), writing its output to {@code log}.
   */
  static Process startSearch(Path config, Path out, Path log, String... extra) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0",
        "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        Axnas.class.getName(), "search", "--config", config.toString(), "--out", out.toString()));
    cmd.addAll(List.of(extra));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("OMP_NUM_THREADS", "1");
    return pb.start();
  }

  /**
   * Polls (every 5 ms by default, at most two minutes) until {@code condition} holds while {@code child}
   * runs; fails with the child's log when it ends first.
   */
  static void awaitWhileRunning(Process child, Path log, String what, BooleanSupplier condition) throws Exception {
    awaitWhileRunning(child, log, what, condition, 5);
  }

  static void awaitWhileRunning(Process child, Path log, String what, BooleanSupplier condition, long pollMillis)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!condition.getAsBoolean()) {
      if (!child.isAlive()) {
        fail("the search ended (exit " + child.exitValue() + ") before " + what + ":\n" + Files.readString(log));
      }
      if (System.nanoTime() > deadline) {
        child.destroyForcibly().waitFor();
        fail("no " + what + " within two minutes:\n" + Files.readString(log));
      }
      Thread.sleep(pollMillis);
    }
  }

  /** SIGKILL: no shutdown hook, no finally block, no flush runs in the child. */
  static void kill(Process child) throws InterruptedException {
    child.destroyForcibly();
    assertEquals(true, child.waitFor(30, TimeUnit.SECONDS), "the killed search did not die");
  }
}
