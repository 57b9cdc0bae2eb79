package org.axnas.pipelines;

import org.axnas.pipelines.run.JsonOutput;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.axnas.pipelines.run.AvroFiles;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.ParetoEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search driver killed with SIGKILL (no shutdown hook, no finally block runs) at four moments:
 * while collecting traces, between rounds, in the middle of a round and after the last round, as
 * the Pareto set is computed. After each kill every file a later step reads is whole (all writes are atomic);
 * each time {@code --resume} picks the run up; at the end the history is byte for byte the one of
 * an uninterrupted run with the same seed: nothing lost, nothing evaluated twice.
 * While a search runs, a second one on the same folder is refused (the lock).
 */
class FaultKilledDriverTest {

  @Test
  void aSearchKilledAtAnyMomentResumesToTheUninterruptedHistory(@TempDir Path dir) throws Exception {
    Path cfg = Faults.config(dir, "kill", "kmeans", "");
    Path whole = dir.resolve("whole");
    assertEquals(0, TracesCommandTest.run("search", "--config", cfg.toString(), "--out", whole.toString()).code());

    Path out = dir.resolve("killed");
    RunFolder folder = new RunFolder(out);

    // 1. during trace collection: the manifest is there, the traces not finished
    Path log1 = dir.resolve("child-1.log");
    Process child = Faults.startSearch(cfg, out, log1);
    Faults.awaitWhileRunning(child, log1, "a manifest", () -> Files.exists(folder.manifest()));
    Faults.kill(child);
    Faults.assertEveryVisibleFileWhole(out);
    assertFalse(Files.exists(folder.tracesDone()), "killed while collecting traces:\n" + Files.readString(log1));

    // 2. between rounds: round 1 just written
    Path log2 = dir.resolve("child-2.log");
    child = Faults.startSearch(cfg, out, log2, "--resume");
    Faults.awaitWhileRunning(child, log2, "round 1", () -> Files.exists(folder.roundFile(1)));
    Faults.kill(child);
    Faults.assertEveryVisibleFileWhole(out);
    assertEquals(List.of(1), folder.finishedRounds(), "killed right after round 1");
    byte[] round1 = Files.readAllBytes(folder.roundFile(1));

    // 3. in the middle of round 2: its staging folder is there, one of its two candidates is
    //    trained (its model is in the cache), its round file is not written (one worker thread, so
    //    the second candidate trains after the first)
    Path log3 = dir.resolve("child-3.log");
    Set<String> before = modelKeys(folder);
    child = Faults.startSearch(cfg, out, log3, "--resume", "--targetParallelism=1");
    Faults.awaitWhileRunning(child, log3, "a model of round 2",
        () -> Files.isDirectory(folder.staging(2)) && modelKeys(folder).size() > before.size());
    Faults.kill(child);
    Faults.assertEveryVisibleFileWhole(out);
    assertEquals(List.of(1), folder.finishedRounds(), "killed in the middle of round 2:\n" + Files.readString(log3));
    Set<String> modelsAtKill = modelKeys(folder);

    // 4. after the last round, as the Pareto set is computed (in the driver, in milliseconds: the
    //    kill lands before or while it is written); while the search runs, a second search on
    //    the folder is refused (the lock) and changes nothing
    Path log4 = dir.resolve("child-4.log");
    child = Faults.startSearch(cfg, out, log4, "--resume");
    Faults.awaitWhileRunning(child, log4, "the resume to take the folder", () -> logSays(log4, "resuming after round 1"));
    TracesCommandTest.Result second = TracesCommandTest.run("search", "--config", cfg.toString(), "--out", out.toString(),
        "--resume", "--json");
    assertEquals(2, second.code(), second.stdout());
    assertTrue(second.json().get("error").asText().contains("locked by another running search"), second.stdout());
    Faults.awaitWhileRunning(child, log4, "the last round", () -> Files.exists(folder.roundFile(3)), 1);
    Faults.kill(child);
    Faults.assertEveryVisibleFileWhole(out);
    assertEquals(List.of(1, 2, 3), folder.finishedRounds());
    assertTrue(Files.readString(log4).contains("resuming after round 1: 2 evaluations kept"), Files.readString(log4));

    // the last resume, in this JVM, finishes the run
    TracesCommandTest.Result last = TracesCommandTest.run("search", "--config", cfg.toString(), "--out", out.toString(),
        "--resume", "--json");
    assertEquals(0, last.code(), last.stdout());
    assertArrayEquals(round1, Files.readAllBytes(folder.roundFile(1)), "a finished round is never redone");
    Faults.assertSameHistory(whole, out);
    List<Evaluation> history = folder.readHistory();
    assertEquals(6, history.size());
    assertEquals(6, history.stream().map(Evaluation::getTrialId).distinct().count(), "no trial twice");
    assertEquals(6, history.stream().map(Evaluation::getNetwork).distinct().count(), "no network twice");
    assertEquals(stripModelPaths(AvroFiles.read(new RunFolder(whole).paretoAvro(), ParetoEntry.class)),
        stripModelPaths(AvroFiles.read(folder.paretoAvro(), ParetoEntry.class)));
    assertTrue(Faults.snapshot(folder.staging()).isEmpty(), "no partial output left behind");

    // the candidate of round 2 trained before the kill was kept (evaluation cache) and not trained again
    JsonNode timings = JsonOutput.mapper().readTree(folder.roundTimings(2).toFile());
    int reused = 0;
    for (JsonNode c : timings.get("candidates")) {
      int trial = c.get("trialId").asInt();
      String key = history.stream().filter(e -> e.getTrialId() == trial).findFirst().orElseThrow().getModelKey();
      if (modelsAtKill.contains(key) && !before.contains(key)) {
        assertTrue(c.get("cached").asBoolean(), "trained before the kill, yet trained again: " + c);
        reused++;
      }
    }
    assertTrue(reused >= 1, "no model of round 2 was there at the kill: " + timings);
  }

  private static boolean logSays(Path log, String text) {
    try {
      return Files.readString(log).contains(text);
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Keys of the complete entries of the evaluation cache (the training record is written last). */
  private static Set<String> modelKeys(RunFolder folder) {
    Set<String> keys = new HashSet<>();
    try (Stream<Path> s = Files.isDirectory(folder.models()) ? Files.list(folder.models()) : Stream.empty()) {
      s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".training.json") && !n.startsWith("."))
          .forEach(n -> keys.add(n.substring(0, n.length() - ".training.json".length())));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return keys;
  }

  static List<ParetoEntry> stripModelPaths(List<ParetoEntry> front) {
    return front.stream().map(p -> ParetoEntry.newBuilder(p).setModelPath(null).build()).toList();
  }
}
