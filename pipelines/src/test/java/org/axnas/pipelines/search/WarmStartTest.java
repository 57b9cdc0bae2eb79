package org.axnas.pipelines.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.axnas.core.Network;
import org.axnas.evaluation.HardwareFigures;
import org.axnas.hwsim.SimulationResult;
import org.axnas.pipelines.config.ConfigException;
import org.axnas.pipelines.config.RunConfig;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.runtime.FinishedRun;
import org.axnas.runtime.ParetoMember;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.EvaluationStatus;
import org.axnas.schemas.ParetoEntry;
import org.axnas.schemas.RunManifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * search.warmStart, search.initial and search.proposals on small real searches (inversek2j, 2,500
 * samples, 8 epochs, networks of at most 16 neurons), all sharing one earlier run of group 1.
 */
class WarmStartTest {
  @TempDir
  static Path dir;
  private static Path earlier;

  static Path config(String name, String extra) throws IOException {
    Path f = dir.resolve(name + ".yaml");
    Files.writeString(f, "benchmark: inversek2j\n"
        + "seed: 7\n"
        + "traces: {samples: 2500}\n"
        + "training: {epochs: 8, batchSize: 64, learningRate: 0.01, optimizer: adam}\n"
        + "objective: {alpha: 0.8, beta: 0.1, epsilon: 0.1}\n"
        + "selection: {mode: energy, minAccuracy: 0.0}\n"
        + extra);
    return f;
  }

  static String search(int budget, String more) {
    return "search: {budget: " + budget + ", parallelism: 2, maxLayers: 2, maxNeurons: 16, initialDesign: 2" + more + "}\n";
  }

  static SearchDriver.Outcome run(Path config, Path out, boolean resume, int stopAfterRounds, ByteArrayOutputStream log) {
    return new SearchDriver(new SearchDriver.Request(config, out, resume, null, List.of(), false,
        new PrintStream(log, true, StandardCharsets.UTF_8), stopAfterRounds, null)).run();
  }

  static SearchDriver.Outcome run(Path config, Path out) {
    return run(config, out, false, 0, new ByteArrayOutputStream());
  }

  @BeforeAll
  static void earlierRun() throws IOException {
    earlier = dir.resolve("earlier-g1");
    run(config("earlier", search(6, "")), earlier);
  }

  @Test
  void warmStartAndResumeGiveOneHistory() throws IOException {
    Path cfg = config("warm", search(6, ", warmStart: [earlier-g1]"));
    Path whole = dir.resolve("warm-whole");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    SearchDriver.Outcome o = run(cfg, whole, false, 0, log);
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("warm start: 6 observations"), log.toString());
    assertEquals(6, o.history().size(), "the warm start does not count against the budget");
    Set<String> before = Set.copyOf(networks(new RunFolder(earlier).readHistory()));
    for (Evaluation e : o.history()) {
      assertTrue(!before.contains(e.getNetwork()), "evaluated again: " + e.getNetwork());
    }
    RunManifest m = new RunFolder(whole).readManifest();
    assertEquals(List.of(earlier.toAbsolutePath().normalize().toString()), m.getWarmStartRuns());
    assertEquals(6, m.getWarmStartObservations());
    assertEquals(64, m.getWarmStartSha256().length());
    assertNotEquals(networks(run(config("cold", search(6, "")), dir.resolve("cold")).history()), networks(o.history()),
        "the warm start changes what is proposed");

    // killed after one round (the driver's stopAfterRounds), then resumed: the same history
    Path split = dir.resolve("warm-split");
    run(cfg, split, false, 1, new ByteArrayOutputStream());
    assertEquals(1, new RunFolder(split).finishedRounds().size());
    run(cfg, split, true, 0, new ByteArrayOutputStream());
    assertEquals(historyFiles(whole), historyFiles(split));
    assertEquals(m, new RunFolder(split).readManifest());

    // a warm-start run that changed since is refused on resume, naming the field
    Path stopped = dir.resolve("warm-stopped");
    run(cfg, stopped, false, 1, new ByteArrayOutputStream());
    Path last = new RunFolder(earlier).roundFile(3);
    byte[] kept = Files.readAllBytes(last);
    Files.delete(last);
    try {
      ConfigException e = assertThrows(ConfigException.class, () -> run(cfg, stopped, true, 0, new ByteArrayOutputStream()));
      assertEquals("search.warmStart", e.field());
      assertTrue(e.getMessage().contains("changed since this run started (6 observations then, 4 now"), e.getMessage());
    } finally {
      Files.write(last, kept);
    }
    run(cfg, stopped, true, 0, new ByteArrayOutputStream());
    assertEquals(historyFiles(whole), historyFiles(stopped));
  }

  @Test
  void aCrossGroupWarmStartRescoresWithoutTraining() throws Exception {
    Path cfgFile = config("group2", "group: 2\n" + search(2, ""));
    Path group2 = dir.resolve("group2");
    run(cfgFile, group2);
    Map<String, byte[]> earlierModels = files(new RunFolder(earlier).models());
    Map<String, byte[]> ownModels = files(new RunFolder(group2).models());

    RunConfig config = RunConfig.load(cfgFile);
    RunFolder folder = new RunFolder(group2);
    SearchPlan plan = SearchPlan.prepare(config, RunInputs.read(config), folder, null, PipelineOptionsFactory.create(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    List<Evaluation> rescored = new WarmStart(config, plan.scoring(), CandidateTraining.of(config).spec())
        .rescore(earlier, "earlier-g1");

    Map<Integer, Evaluation> g1 = new HashMap<>();
    new RunFolder(earlier).readHistory().forEach(e -> g1.put(e.getTrialId(), e));
    assertEquals(g1.size(), rescored.size());
    int looser = 0;
    for (Evaluation e : rescored) {
      Evaluation was = g1.get(e.getTrialId());
      assertEquals(was.getNetwork(), e.getNetwork());
      assertEquals(was.getStatus(), e.getStatus());
      if (e.getStatus() == EvaluationStatus.OK) {
        assertTrue(e.getCached(), "scored from the trained model");
        assertEquals(2, e.getGroup());
        assertEquals(config.errorBound(), e.getErrorBound(), 0);
        assertTrue(e.getAccuracy() >= was.getAccuracy(), "a looser bound (0.05 vs 0.01) never lowers the accuracy");
        looser += e.getAccuracy() > was.getAccuracy() ? 1 : 0;
        assertEquals(was.getSpeedup(), e.getSpeedup(), 0);
        assertEquals(was.getModelKey(), e.getModelKey());
      }
    }
    assertTrue(looser > 0, "some accuracy rises under group 2's bound");
    assertFiles(earlierModels, new RunFolder(earlier).models());
    assertFiles(ownModels, folder.models());
  }

  @Test
  void warmStartNetworksJoinTheParetoSetWithTheirModels() throws IOException {
    Path out = dir.resolve("warm-front");
    SearchDriver.Outcome o = run(config("warm-front", "group: 2\n" + search(2, ", warmStart: [earlier-g1]")), out);
    assertEquals(2, o.history().size());
    List<ParetoEntry> warm = o.pareto().stream().filter(p -> p.getWarmStartRun() != null).toList();
    assertFalse(warm.isEmpty(), "6 group-1 networks against 2 of its own: one of group 1's is on group 2's front");
    Map<Integer, Evaluation> g1 = new HashMap<>();
    new RunFolder(earlier).readHistory().forEach(e -> g1.put(e.getTrialId(), e));
    FinishedRun finished = FinishedRun.open(out);
    for (ParetoEntry p : warm) {
      assertTrue(p.getTrialId() < 0, "numbered apart from this run's trials: " + p.getTrialId());
      assertEquals(earlier.toAbsolutePath().normalize().toString(), p.getWarmStartRun());
      Evaluation was = g1.get(p.getWarmStartTrialId());
      assertEquals(was.getNetwork(), p.getNetwork());
      assertEquals(was.getModelKey(), p.getModelKey());
      assertEquals(was.getSpeedup(), p.getSpeedup(), 0);
      assertTrue(p.getAccuracy() >= was.getAccuracy(), "group 2's looser bound");
      assertTrue(Files.isRegularFile(new RunFolder(out).models().resolve(p.getModelKey() + ".json")),
          "the model is copied into this run, which stands alone");
      assertTrue(p.getTestAccuracy() != null);
      ParetoMember m = finished.member(p.getTrialId()).orElseThrow();
      assertEquals(p.getNetwork(), finished.model(m.scores()).network());
    }
    // every other member is one of this run's own trials, as it scored it
    Map<Integer, Evaluation> own = new HashMap<>();
    o.history().forEach(e -> own.put(e.getTrialId(), e));
    for (ParetoEntry p : o.pareto()) {
      if (p.getWarmStartRun() == null) {
        assertEquals(own.get(p.getTrialId()).getNetwork(), p.getNetwork());
        assertEquals(null, p.getWarmStartTrialId());
      }
    }
    assertTrue(Files.readString(new RunFolder(out).paretoJson()).contains("\"warmStartTrialId\""));
    // a run without a warm start: no such keys
    assertFalse(Files.readString(new RunFolder(earlier).paretoJson()).contains("warmStart"));
  }

  @Test
  void paregoProposesOtherwiseThanFperfAndReproducibly() throws IOException {
    Path fperf = dir.resolve("fperf");
    Path parego = dir.resolve("parego");
    Path again = dir.resolve("parego-again");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    run(config("fperf", search(8, "")), fperf);
    run(config("parego", search(8, ", proposals: parego")), parego, false, 0, log);
    run(config("parego", search(8, ", proposals: parego")), again);
    assertNotEquals(networks(new RunFolder(fperf).readHistory()), networks(new RunFolder(parego).readHistory()));
    assertEquals(historyFiles(parego), historyFiles(again));
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("front hypervolume"), log.toString());
  }

  @Test
  void ehviProposesOtherwiseThanFperfResumesExactlyAndKnowsTheHardware() throws IOException {
    Path cfg = config("ehvi", search(8, ", proposals: ehvi"));
    Path ehvi = dir.resolve("ehvi");
    run(cfg, ehvi);
    Path fperf = dir.resolve("fperf-for-ehvi");
    run(config("fperf-for-ehvi", search(8, "")), fperf);
    List<Evaluation> history = new RunFolder(ehvi).readHistory();
    assertEquals(8, history.size());
    assertEquals(networks(new RunFolder(fperf).readHistory()).subList(0, 2), networks(history).subList(0, 2),
        "the same initial design");
    assertNotEquals(networks(new RunFolder(fperf).readHistory()), networks(history));

    // killed after two rounds (the first model-based one included), then resumed: the same history
    Path split = dir.resolve("ehvi-split");
    run(cfg, split, false, 2, new ByteArrayOutputStream());
    assertEquals(2, new RunFolder(split).finishedRounds().size());
    run(cfg, split, true, 0, new ByteArrayOutputStream());
    assertEquals(historyFiles(ehvi), historyFiles(split));

    // the speedup and energy reduction EHVI looked up before training are the evaluation's own
    RunConfig config = RunConfig.load(cfg);
    SearchPlan plan = SearchPlan.prepare(config, RunInputs.read(config), new RunFolder(ehvi), null,
        PipelineOptionsFactory.create(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    HardwareFigures figures = new HardwareFigures(plan.scoring(), RunInputs.read(config).hardware());
    int ok = 0;
    for (Evaluation e : history) {
      if (e.getStatus() == EvaluationStatus.OK) {
        SimulationResult sim = figures.simulate(Network.parse(e.getNetwork()));
        assertEquals(e.getSpeedup(), sim.speedup(), 0, e.getNetwork());
        assertEquals(e.getEnergyReduction(), sim.energyReduction(), 0, e.getNetwork());
        ok++;
      }
    }
    assertTrue(ok > 0);
  }

  @Test
  void initialNetworksAreEvaluatedFirst() throws IOException {
    Path out = dir.resolve("initial");
    run(config("initial", search(4, ", initial: [2-8:sigmoid-2, 2-3:tanh-5:relu-2]")), out);
    List<Evaluation> h = new RunFolder(out).readHistory();
    assertEquals("2-8:sigmoid-2", h.get(0).getNetwork());
    assertEquals("2-3:tanh-5:relu-2", h.get(1).getNetwork());
  }

  @Test
  void badWarmStartRunsAreRefusedNamingTheField() throws IOException {
    Path missing = config("missing", search(2, ", warmStart: [no-such-run]"));
    ConfigException e = assertThrows(ConfigException.class, () -> run(missing, dir.resolve("bad-missing")));
    assertEquals("search.warmStart", e.field());
    Files.createDirectories(dir.resolve("not-a-run"));
    Path notARun = config("not-a-run", search(2, ", warmStart: [not-a-run]"));
    e = assertThrows(ConfigException.class, () -> run(notARun, dir.resolve("bad-not-a-run")));
    assertEquals("search.warmStart", e.field());
    assertTrue(e.getMessage().contains("is not an axnas run"), e.getMessage());
    Path otherTraining = Files.writeString(dir.resolve("other.yaml"), Files.readString(config("x", search(2,
        ", warmStart: [earlier-g1]"))).replace("epochs: 8", "epochs: 9"));
    e = assertThrows(ConfigException.class, () -> run(otherTraining, dir.resolve("bad-training")));
    assertTrue(e.getMessage().contains("training.epochs: 8 -> 9"), e.getMessage());
    Path multiFidelity = config("multi-fidelity", search(2, ", warmStart: [earlier-g1], fidelity: {min: 2, max: 8, eta: 2}"));
    e = assertThrows(ConfigException.class, () -> run(multiFidelity, dir.resolve("bad-fidelity")));
    assertEquals("search.warmStart", e.field());
    assertTrue(e.getMessage().contains("does not combine with search.fidelity"), e.getMessage());
  }

  private static List<String> networks(List<Evaluation> history) {
    return history.stream().map(Evaluation::getNetwork).toList();
  }

  /** The round files of a run, as text of their bytes: equal lists when the histories are byte-identical. */
  private static List<String> historyFiles(Path run) throws IOException {
    List<String> out = new ArrayList<>();
    for (int r : new RunFolder(run).finishedRounds()) {
      out.add("round " + r + ": " + java.util.HexFormat.of().formatHex(Files.readAllBytes(new RunFolder(run).roundFile(r))));
    }
    return out;
  }

  private static Map<String, byte[]> files(Path folder) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.list(folder)) {
      for (Path p : s.sorted().toList()) {
        out.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }

  private static void assertFiles(Map<String, byte[]> expected, Path folder) throws IOException {
    Map<String, byte[]> now = files(folder);
    assertEquals(expected.keySet(), now.keySet(), folder + ": a model was added (trained) or removed");
    expected.forEach((k, v) -> assertArrayEquals(v, now.get(k), k));
  }
}
