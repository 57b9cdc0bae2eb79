package org.axnas.pipelines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axnas.core.Network;
import org.axnas.pipelines.run.AvroFiles;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.schemas.DeadLetter;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.EvaluationStatus;
import org.axnas.schemas.ParetoEntry;
import org.axnas.runtime.Scored;
import org.axnas.runtime.PlainEvaluator;
import org.axnas.trainer.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end searches on the DirectRunner with small budgets. */
class SearchTest {

  static Path config(Path dir, String benchmark, String extra) throws Exception {
    return Faults.config(dir, benchmark, benchmark, extra);
  }

  static TracesCommandTest.Result run(String... args) {
    return TracesCommandTest.run(args);
  }

  @Test
  void searchesTwoBenchmarksEndToEnd(@TempDir Path dir) throws Exception {
    for (String benchmark : List.of("inversek2j", "kmeans")) {
      Path out = dir.resolve("run-" + benchmark);
      TracesCommandTest.Result r = run("search", "--config", config(dir, benchmark, "").toString(), "--out", out.toString(), "--json");
      assertEquals(0, r.code(), r.stdout());
      JsonNode doc = r.json();
      RunFolder folder = new RunFolder(out);
      List<Evaluation> history = folder.readHistory();

      // the history holds every evaluation, once, with distinct networks
      assertEquals(6, history.size());
      assertEquals(6, doc.get("evaluations").asInt());
      Set<String> networks = new HashSet<>();
      for (Evaluation e : history) {
        assertTrue(networks.add(e.getNetwork()), "evaluated twice: " + e.getNetwork());
        Network n = Network.parse(e.getNetwork());
        assertTrue(n.depth() >= 1 && n.depth() <= 2);
        if (e.getStatus() == EvaluationStatus.OK) {
          assertTrue(e.getAccuracy() >= 0 && e.getAccuracy() <= 1);
          assertTrue(e.getSpeedup() > 0 && e.getEnergyReduction() > 0);
        }
      }

      // the Pareto set is exactly the non-dominated evaluations (brute force)
      List<ParetoEntry> pareto = AvroFiles.read(folder.paretoAvro(), ParetoEntry.class);
      List<Scored> ok = new ArrayList<>();
      for (Evaluation e : history) {
        if (e.getStatus() == EvaluationStatus.OK) {
          ok.add(new Scored(e.getTrialId(), e.getNetwork(), e.getAccuracy(), e.getSpeedup(), e.getEnergyReduction(), e.getFPerf()));
        }
      }
      Set<Integer> expectedFront = new HashSet<>();
      for (Scored s : ok) {
        boolean dominated = ok.stream().anyMatch(o -> o.dominates(s));
        boolean dup = ok.stream().anyMatch(o -> o.trialId() < s.trialId() && o.sameObjectives(s));
        if (!dominated && !dup) {
          expectedFront.add(s.trialId());
        }
      }
      Set<Integer> front = new HashSet<>();
      pareto.forEach(p -> front.add(p.getTrialId()));
      assertEquals(expectedFront, front);
      assertEquals(pareto.size(), doc.get("pareto").size());

      // energy mode with no threshold: the highest energy reduction of the front
      double bestEnergy = pareto.stream().mapToDouble(ParetoEntry::getEnergyReduction).max().orElseThrow();
      assertEquals(bestEnergy, doc.get("selected").get("energyReduction").asDouble(), 1e-12);
      String selected = doc.get("selected").get("network").asText();
      assertTrue(pareto.stream().anyMatch(p -> p.getNetwork().equals(selected)));

      // the exported model loads in both formats and agrees with itself
      Path json = Path.of(doc.get("selected").get("modelJson").asText());
      Path dl4j = Path.of(doc.get("selected").get("modelDl4j").asText());
      TrainedModel m = TrainedModel.readJson(json);
      PlainEvaluator plain = PlainEvaluator.fromJson(Files.readString(json));
      float[] x = new float[m.network().inputs()];
      java.util.Arrays.fill(x, 0.3f);
      // the run's hardware (eyeriss.yaml) computes in 16-bit fixed point: the export says so, and
      // in float the same file is the trainer's model
      assertEquals("fixed16/pwl256", plain.precision().notation());
      assertArrayEquals(m.predict(x), plain.withQuantisation(null).evaluate(x), 1e-5f);
      assertArrayEquals(m.predict(x), TrainedModel.readDl4j(dl4j).predict(x), 1e-5f);

      // every mode over the saved front picks what its definition says
      checkModes(out, pareto);
    }
  }

  private void checkModes(Path out, List<ParetoEntry> pareto) throws Exception {
    byte[] searchChoice = Files.readAllBytes(out.resolve("selected/selection.json"));
    double maxAcc = pareto.stream().mapToDouble(ParetoEntry::getAccuracy).max().orElseThrow();
    TracesCommandTest.Result q = run("select", "--pareto", out.toString(), "--mode", "quality", "--json");
    assertEquals(0, q.code(), q.stdout());
    assertEquals(maxAcc, q.json().get("accuracy").asDouble(), 1e-12);
    assertTrue(q.json().get("application") == null, "no whole-program figures when the function is the program");

    // the function as 40% of the program: Amdahl's law on the chosen network's region figures
    TracesCommandTest.Result part = run("select", "--pareto", out.toString(), "--mode", "quality",
        "--region-fraction", "0.4", "--json");
    assertEquals(0, part.code(), part.stdout());
    double speedup = part.json().get("speedup").asDouble();
    double energy = part.json().get("energyReduction").asDouble();
    assertEquals(0.4, part.json().get("application").get("regionFraction").asDouble(), 0);
    assertEquals(1 / (0.6 + 0.4 / speedup), part.json().get("application").get("speedup").asDouble(), 1e-12);
    assertEquals(1 / (0.6 + 0.4 / energy), part.json().get("application").get("energyReduction").asDouble(), 1e-12);
    assertEquals(2, run("select", "--pareto", out.toString(), "--mode", "quality", "--region-fraction", "1.5").code());

    double threshold = pareto.stream().mapToDouble(ParetoEntry::getAccuracy).min().orElseThrow();
    double lowestEnergy = pareto.stream().filter(p -> p.getAccuracy() >= threshold)
        .mapToDouble(ParetoEntry::getEnergyReduction).max().orElseThrow();
    TracesCommandTest.Result e = run("select", "--pareto", out.toString(), "--mode", "energy",
        "--min-accuracy", Double.toString(threshold), "--json");
    assertEquals(0, e.code(), e.stdout());
    assertEquals(lowestEnergy, e.json().get("energyReduction").asDouble(), 1e-12);

    double eNorm = pareto.stream().mapToDouble(ParetoEntry::getEnergyReduction).max().orElseThrow();
    ParetoEntry best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (ParetoEntry p : pareto) {
      double s = 0.7 * (p.getAccuracy() - 0) + 0.3 * p.getEnergyReduction() / eNorm;
      if (s > bestScore) {
        bestScore = s;
        best = p;
      }
    }
    TracesCommandTest.Result i = run("select", "--pareto", out.toString(), "--mode", "integrated", "--theta", "0.7", "--json");
    assertEquals(0, i.code(), i.stdout());
    assertEquals(best.getNetwork(), i.json().get("network").asText());

    TracesCommandTest.Result none = run("select", "--pareto", out.toString(), "--mode", "energy",
        "--min-accuracy", "1.0", "--min-energy-reduction", "1e9", "--json");
    assertEquals(2, none.code());
    assertTrue(none.json().get("error").asText().contains("no network meets"));
    assertTrue(none.json().get("closest").size() > 0);

    // no flag but the run: the run-config's selection (energy, min accuracy 0), in a folder of its own
    TracesCommandTest.Result d = run("select", "--pareto", out.toString(), "--json");
    assertEquals(0, d.code(), d.stdout());
    assertEquals("energy", d.json().get("mode").asText());
    assertEquals("the run-config's selection", d.json().get("thresholdsFrom").asText());
    assertEquals(out.resolve("selections/energy-acc0-energy0").toAbsolutePath().normalize().toString(),
        d.json().get("outDir").asText());
    assertTrue(Files.exists(out.resolve("selections/energy-acc0-energy0/model.json")));
    assertTrue(Files.exists(out.resolve("selections/quality-acc0-energy0/model.json")));
    // --out names the folder; the search's own selected/ was never touched
    Path mine = out.resolveSibling(out.getFileName() + "-mine");
    assertEquals(0, run("select", "--pareto", out.toString(), "--mode", "quality", "--out", mine.toString()).code());
    assertTrue(Files.exists(mine.resolve("model.json")) && Files.exists(mine.resolve("selection.json")));
    assertArrayEquals(searchChoice, Files.readAllBytes(out.resolve("selected/selection.json")));
    // each bad flag is named alone
    TracesCommandTest.Result bad = run("select", "--pareto", out.toString(), "--theta", "2", "--json");
    assertEquals(2, bad.code());
    assertTrue(bad.json().get("error").asText().contains("--theta"), bad.stdout());
    assertTrue(!bad.json().get("error").asText().contains("--min-accuracy"), bad.stdout());
  }

  @Test
  void resumedSearchEqualsAnUninterruptedOne(@TempDir Path dir) throws Exception {
    Path cfg = config(dir, "blackscholes", "");
    Path whole = dir.resolve("whole");
    Path parts = dir.resolve("parts");
    assertEquals(0, run("search", "--config", cfg.toString(), "--out", whole.toString()).code());
    assertEquals(0, run("search", "--config", cfg.toString(), "--out", parts.toString(), "--stop-after-rounds", "2").code());
    assertEquals(2, new RunFolder(parts).finishedRounds().size());
    // a second search into the same folder without --resume is refused, nothing overwritten
    assertEquals(2, run("search", "--config", cfg.toString(), "--out", parts.toString()).code());
    assertEquals(0, run("search", "--config", cfg.toString(), "--out", parts.toString(), "--resume").code());
    RunFolder a = new RunFolder(whole);
    RunFolder b = new RunFolder(parts);
    assertEquals(a.finishedRounds(), b.finishedRounds());
    for (int r : a.finishedRounds()) {
      assertArrayEquals(Files.readAllBytes(a.roundFile(r)), Files.readAllBytes(b.roundFile(r)), "round " + r);
    }
    // the same front; model paths differ only by the run folder
    List<ParetoEntry> fa = AvroFiles.read(a.paretoAvro(), ParetoEntry.class);
    List<ParetoEntry> fb = AvroFiles.read(b.paretoAvro(), ParetoEntry.class);
    assertEquals(fa.stream().map(p -> ParetoEntry.newBuilder(p).setModelPath(null).build()).toList(),
        fb.stream().map(p -> ParetoEntry.newBuilder(p).setModelPath(null).build()).toList());

    // resuming with another config is refused
    Path other = config(dir.resolve("other").toFile().mkdirs() ? dir.resolve("other") : dir, "blackscholes", "group: 2\n");
    TracesCommandTest.Result mismatch = run("search", "--config", other.toString(), "--out", parts.toString(), "--resume", "--json");
    assertEquals(2, mismatch.code());
    assertTrue(mismatch.json().get("error").asText().contains("manifest"), mismatch.stdout());
  }

  @Test
  void divergingCandidatesAreRecordedAsFailedAndTheSearchFinishes(@TempDir Path dir) throws Exception {
    Path cfg = dir.resolve("diverge.yaml");
    Files.writeString(cfg, Files.readString(config(dir, "kmeans", "")).replace("learningRate: 0.01", "learningRate: 1.0e12, optimizer: adam"));
    Path out = dir.resolve("run");
    TracesCommandTest.Result r = run("search", "--config", cfg.toString(), "--out", out.toString(), "--json");
    assertEquals(0, r.code(), r.stdout());
    RunFolder folder = new RunFolder(out);
    List<Evaluation> history = folder.readHistory();
    assertEquals(6, history.size());
    long diverged = history.stream().filter(e -> e.getStatus() == EvaluationStatus.DIVERGED).count();
    assertTrue(diverged > 0, "an absurd learning rate must diverge");
    for (Evaluation e : history) {
      if (e.getStatus() != EvaluationStatus.OK) {
        assertNotNull(e.getFailureReason());
      }
    }
    List<DeadLetter> failures = new ArrayList<>();
    for (int round : folder.finishedRounds()) {
      failures.addAll(AvroFiles.read(folder.roundFailures(round), DeadLetter.class));
    }
    assertEquals(history.stream().filter(e -> e.getStatus() != EvaluationStatus.OK).count(), failures.size());
    assertEquals(diverged + history.stream().filter(e -> e.getStatus() == EvaluationStatus.FAILED || e.getStatus() == EvaluationStatus.TIMEOUT).count(),
        r.json().get("failed").asLong());
  }

  @Test
  void enumerationEvaluatesTheFixedTopologies(@TempDir Path dir) throws Exception {
    Path cfg = dir.resolve("enum.yaml");
    Files.writeString(cfg, Files.readString(config(dir, "kmeans", "")).replace("maxNeurons: 16", "maxNeurons: 4"));
    Path out = dir.resolve("enum");
    TracesCommandTest.Result r = run("enumerate", "--config", cfg.toString(), "--out", out.toString(), "--json");
    assertEquals(0, r.code(), r.stdout());
    List<Evaluation> history = new RunFolder(out).readHistory();
    // widths 2 and 4, one or two layers, sigmoid: 2 + 4 topologies
    Set<String> nets = new HashSet<>();
    history.forEach(e -> nets.add(e.getNetwork()));
    assertEquals(Set.of("6-2:sigmoid-1", "6-4:sigmoid-1", "6-2:sigmoid-2:sigmoid-1", "6-2:sigmoid-4:sigmoid-1",
        "6-4:sigmoid-2:sigmoid-1", "6-4:sigmoid-4:sigmoid-1"), nets);
  }

  @Test
  void badInputExitsWithTwoAndWritesNothing(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("never");
    Path unknown = dir.resolve("unknown.yaml");
    Files.writeString(unknown, "benchmark: mandelbrot\nobjective: {alpha: 1, beta: 0, epsilon: 0}\n");
    Path malformed = dir.resolve("malformed.yaml");
    Files.writeString(malformed, "benchmark: [sobel\n");
    Path noAlpha = dir.resolve("noalpha.yaml");
    Files.writeString(noAlpha, "benchmark: sobel\nobjective: {beta: 0.5, epsilon: 0.5}\n");
    Path budget0 = dir.resolve("budget0.yaml");
    Files.writeString(budget0, "benchmark: sobel\nsearch: {budget: 0}\nobjective: {alpha: 1, beta: 0, epsilon: 0}\n");
    Path missingTrace = dir.resolve("missing.yaml");
    Files.writeString(missingTrace, "benchmark: mine\nobjective: {alpha: 1, beta: 0, epsilon: 0}\n"
        + "function: {traces: " + dir.resolve("nope.csv") + ", inputColumns: [a], outputColumns: [b], errorBounds: [0.1], cyclesPerInvocation: 50}\n");
    Path nanCsv = dir.resolve("nan.csv");
    Files.writeString(nanCsv, "a,b\n1,2\nnan,3\n2,4\n");
    Path nanTrace = dir.resolve("nan.yaml");
    Files.writeString(nanTrace, "benchmark: mine\nobjective: {alpha: 1, beta: 0, epsilon: 0}\ntraces: {nonFinite: refuse}\n"
        + "function: {traces: " + nanCsv + ", inputColumns: [a], outputColumns: [b], errorBounds: [0.1], cyclesPerInvocation: 50}\n");
    for (Path cfg : List.of(unknown, malformed, noAlpha, budget0, missingTrace, nanTrace, dir.resolve("absent.yaml"))) {
      TracesCommandTest.Result r = run("search", "--config", cfg.toString(), "--out", out.toString(), "--json");
      assertEquals(2, r.code(), cfg + ": " + r.stdout());
      String error = r.json().get("error").asText();
      assertTrue(error.contains(cfg.getFileName().toString()) || error.contains("nan.csv"), error);      if (cfg == nanTrace) {
        assertTrue(error.contains("line 3, column a"), "the NaN named by line and column: " + error);
      }
    }
    assertFalse(Files.exists(out.resolve("history")));
  }
}
