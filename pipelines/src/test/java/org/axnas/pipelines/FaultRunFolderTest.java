package org.axnas.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.traces.TraceStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged or foreign run folder is refused with exit code 2 and a message naming the file, and
 * nothing in the folder is changed: truncated, corrupt, emptied or missing history rounds, corrupt
 * traces, profile or manifest, a manifest of another config, seed or command, a folder locked by
 * another search. Where the message gives a remedy, following it completes the run with the
 * history of an uninterrupted one.
 */
class FaultRunFolderTest {
  @TempDir static Path dir;
  private static Path cfg;
  private static Path finished;

  @BeforeAll
  static void aFinishedRun() throws Exception {
    cfg = Faults.config(dir, "run", "inversek2j", "");
    finished = dir.resolve("finished");
    assertEquals(0, TracesCommandTest.run("search", "--config", cfg.toString(), "--out", finished.toString()).code());
    assertEquals(List.of(1, 2, 3), new RunFolder(finished).finishedRounds());
  }

  /** A copy of the finished run, damaged by {@code damage}. */
  private static RunFolder damaged(String name, Consumer<RunFolder> damage) throws IOException {
    Path copy = dir.resolve(name);
    Faults.copyTree(finished, copy);
    RunFolder f = new RunFolder(copy);
    damage.accept(f);
    return f;
  }

  /** Resumes and expects a refusal naming {@code file}, with the folder unchanged. */
  private static String refused(RunFolder f, String file, String... extra) throws Exception {
    Map<String, byte[]> before = Faults.snapshot(f.dir());
    List<String> args = new java.util.ArrayList<>(List.of("search", "--config", cfg.toString(), "--out", f.dir().toString(),
        "--resume", "--json"));
    args.addAll(Arrays.asList(extra));
    TracesCommandTest.Result r = TracesCommandTest.run(args.toArray(String[]::new));
    assertEquals(2, r.code(), r.stdout());
    String error = r.json().get("error").asText();
    assertTrue(error.contains(file), "the message must name " + file + ": " + error);
    Faults.assertUnchanged(before, f.dir(), file);
    return error;
  }

  private static void truncate(Path file, int keep) {
    try {
      byte[] b = Files.readAllBytes(file);
      Files.write(file, Arrays.copyOf(b, Math.min(keep, b.length)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void garbage(Path file) {
    try {
      byte[] b = Files.readAllBytes(file);
      for (int i = b.length / 3; i < b.length; i += 7) {
        b[i] ^= 0x5A;
      }
      Files.write(file, b);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aTruncatedRoundIsRefusedAndRemovingItRedoesTheRound() throws Exception {
    RunFolder f = damaged("truncated-round", d -> truncate(d.roundFile(3), (int) (d.roundFile(3).toFile().length() / 2)));
    String error = refused(f, "round-0003.avro");
    assertTrue(error.contains("corrupt or truncated") && error.contains("remove it"), error);

    // the remedy: remove it (and later rounds); --resume redoes the round, reusing its trained models
    Files.delete(f.roundFile(3));
    TracesCommandTest.Result r = TracesCommandTest.run("search", "--config", cfg.toString(), "--out", f.dir().toString(), "--resume");
    assertEquals(0, r.code(), r.stdout());
    Faults.assertSameHistory(finished, f.dir());
  }

  @Test
  void aRoundFileCutAtARecordBoundaryIsRefused() throws Exception {
    // a header-only Avro file reads without error as zero records: the count gives it away
    RunFolder f = damaged("empty-round", d -> org.axnas.pipelines.run.AvroFiles.write(d.roundFile(2),
        org.axnas.schemas.Evaluation.class, List.of()));
    String error = refused(f, "round-0002.avro");
    assertTrue(error.contains("holds 0 evaluations where the round evaluated 2"), error);
  }

  @Test
  void aMissingRoundBeforeLaterOnesIsRefused() throws Exception {
    RunFolder f = damaged("missing-round", d -> d.roundFile(1).toFile().delete());
    String error = refused(f, "round-0001.avro");
    assertTrue(error.contains("is missing"), error);
  }

  @Test
  void aCorruptManifestIsRefused() throws Exception {
    refused(damaged("bad-manifest", d -> garbage(d.manifest())), "manifest.avro");
  }

  @Test
  void corruptOrTruncatedTracesAreRefused() throws Exception {
    RunFolder f = damaged("bad-train", d -> {
      Path train = TraceStore.files(d.traces(), "train").get(0);
      truncate(train, (int) (train.toFile().length() * 2 / 3));
    });
    String error = refused(f, TraceStore.files(f.traces(), "train").get(0).getFileName().toString());
    assertTrue(error.contains("_SUCCESS") && error.contains("collects them again"), error);

    RunFolder g = damaged("bad-test-split", d -> garbage(TraceStore.files(d.traces(), "test").get(0)));
    refused(g, TraceStore.files(g.traces(), "test").get(0).getFileName().toString());

    refused(damaged("bad-profile", d -> garbage(d.traces().resolve("profile.avro"))), "profile.avro");

    // a split cut at a block boundary is a valid, shorter file: the counts in _SUCCESS give it away
    RunFolder h = damaged("short-train", d -> {
      Path train = TraceStore.files(d.traces(), "train").get(0);
      List<org.axnas.schemas.TraceSample> all = TraceStore.samples(d.traces(), "train");
      org.axnas.pipelines.run.AvroFiles.write(train, org.axnas.schemas.TraceSample.class, all.subList(0, all.size() / 2));
    });
    String shortError = refused(h, "train-*.avro");
    assertTrue(shortError.contains("were written"), shortError);
  }

  @Test
  void aManifestOfAnotherConfigSeedOrCommandIsRefused() throws Exception {
    RunFolder f = damaged("foreign", d -> { });
    refused(f, "manifest.avro", "--seed", "8");

    Path other = dir.resolve("other.yaml");
    Files.writeString(other, Files.readString(cfg).replace("epochs: 8", "epochs: 9"));
    Map<String, byte[]> before = Faults.snapshot(f.dir());
    TracesCommandTest.Result r = TracesCommandTest.run("search", "--config", other.toString(), "--out", f.dir().toString(),
        "--resume", "--json");
    assertEquals(2, r.code(), r.stdout());
    assertTrue(r.json().get("error").asText().contains("manifest.avro"), r.stdout());
    assertTrue(r.json().get("error").asText().contains("training.epochs: 8 -> 9"), "names the changed key: " + r.stdout());
    TracesCommandTest.Result e = TracesCommandTest.run("enumerate", "--config", cfg.toString(), "--out", f.dir().toString(),
        "--resume", "--json");
    assertEquals(2, e.code(), e.stdout());
    assertTrue(e.json().get("error").asText().contains("another seed or command"), e.stdout());
    // and without --resume an existing run is never overwritten
    TracesCommandTest.Result fresh = TracesCommandTest.run("search", "--config", cfg.toString(), "--out", f.dir().toString(), "--json");
    assertEquals(2, fresh.code(), fresh.stdout());
    assertTrue(fresh.json().get("error").asText().contains("already holds a run"), fresh.stdout());
    Faults.assertUnchanged(before, f.dir(), "foreign config");
  }

  @Test
  void resumeComparesSettingsNotTextTakesTheRunsOwnConfigAndMayRaiseTheBudget() throws Exception {
    RunFolder f = damaged("more", d -> { });
    Path commented = dir.resolve("commented.yaml");
    Files.writeString(commented, "# a comment changes no setting\n" + Files.readString(cfg) + "# nor does this\n");
    TracesCommandTest.Result same = TracesCommandTest.run("search", "--config", commented.toString(), "--out",
        f.dir().toString(), "--resume", "--json");
    assertEquals(0, same.code(), same.stdout());
    assertEquals(6, same.json().get("evaluations").asInt());
    TracesCommandTest.Result own = TracesCommandTest.run("search", "--out", f.dir().toString(), "--resume", "--json");
    assertEquals(0, own.code(), own.stdout());

    // a budget that would change SMAC's initial design (a quarter of the budget) is refused, saying how far it may go
    Path tooMuch = dir.resolve("too-much.yaml");
    Files.writeString(tooMuch, Files.readString(cfg).replace("budget: 6", "budget: 8"));
    TracesCommandTest.Result refusedRaise = TracesCommandTest.run("search", "--config", tooMuch.toString(), "--out",
        f.dir().toString(), "--resume", "--json");
    assertEquals(2, refusedRaise.code(), refusedRaise.stdout());
    assertTrue(refusedRaise.json().get("error").asText().contains("raise the budget to at most 7"), refusedRaise.stdout());
    Path more = dir.resolve("more.yaml");
    Files.writeString(more, Files.readString(cfg).replace("budget: 6", "budget: 7"));
    TracesCommandTest.Result raised = TracesCommandTest.run("search", "--config", more.toString(), "--out",
        f.dir().toString(), "--resume", "--json");
    assertEquals(0, raised.code(), raised.stdout());
    assertEquals(7, raised.json().get("evaluations").asInt());
    assertEquals(List.of(1, 2, 3, 4), f.finishedRounds());
    // the run now records the raised budget: resuming it again changes nothing
    TracesCommandTest.Result again = TracesCommandTest.run("search", "--out", f.dir().toString(), "--resume", "--json");
    assertEquals(0, again.code(), again.stdout());
    assertEquals(7, again.json().get("evaluations").asInt());
    // without --resume, --config stays required
    assertEquals(2, TracesCommandTest.run("search", "--out", dir.resolve("nowhere").toString(), "--json").code());
  }

  @Test
  void aFolderOfOtherFilesIsNeverTakenForARun() throws Exception {
    Path foreign = Files.createDirectories(dir.resolve("photos"));
    Files.writeString(foreign.resolve("holiday.jpg"), "not a run");
    Map<String, byte[]> before = Faults.snapshot(foreign);
    for (boolean resume : new boolean[] {false, true}) {
      List<String> args = new java.util.ArrayList<>(List.of("search", "--config", cfg.toString(), "--out",
          foreign.toString(), "--json"));
      if (resume) {
        args.add("--resume");
      }
      TracesCommandTest.Result r = TracesCommandTest.run(args.toArray(String[]::new));
      assertEquals(2, r.code(), r.stdout());
      assertTrue(r.json().get("error").asText().contains("not an axnas run"), r.stdout());
    }
    Faults.assertUnchanged(before, foreign, "a folder of other files");
  }

  @Test
  void aFolderLockedByAnotherSearchIsRefused() throws Exception {
    RunFolder f = damaged("locked", d -> { });
    try (AutoCloseable held = f.lock()) { // another search in this JVM; FaultKilledDriverTest has one in another process
      String error = refused(f, f.dir().toString());
      assertTrue(error.contains("locked by another running search"), error);
    }
  }
}
