package org.axnas.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axnas.pipelines.run.AvroFiles;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.EvaluationStatus;
import org.axnas.schemas.ParetoEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code search.fidelity}: Hyperband brackets as rounds. With min 2, max 8, eta 2 and 6 new
 * configurations the schedule is, by hand: bracket 0 = 4 at 2 epochs, the best 2 at 4, the best
 * at 8; bracket 1 (cut to the 2 configurations left of its 3) = 2 at 4, the best at 8. Five
 * rounds, ten evaluations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiFidelitySearchTest {
  @TempDir static Path dir; // one folder for the class: the uninterrupted run is every test's reference
  private Path config;
  private Path whole;
  private List<Evaluation> history;

  @BeforeAll
  void searchOnce() throws Exception {
    config = Faults.config(dir, "mf", "kmeans", "");
    Files.writeString(config, Files.readString(config).replace("search: {budget: 6, parallelism: 2, maxLayers: 2, maxNeurons: 16}",
        "search: {budget: 6, parallelism: 2, maxLayers: 2, maxNeurons: 16, fidelity: {resource: epochs, min: 2, max: 8, eta: 2}}"));
    whole = dir.resolve("whole");
    TracesCommandTest.Result r = TracesCommandTest.run("search", "--config", config.toString(), "--out", whole.toString(), "--json");
    assertEquals(0, r.code(), r.stdout());
    history = new RunFolder(whole).readHistory();
  }

  @Test
  void theRoundsAreTheRungsOfTheHandComputedSchedule() {
    RunFolder folder = new RunFolder(whole);
    assertEquals(List.of(1, 2, 3, 4, 5), folder.finishedRounds());
    assertEquals(10, history.size());
    Map<Integer, List<Evaluation>> byRound = history.stream().collect(Collectors.groupingBy(Evaluation::getRound));
    int[][] expected = {{4, 0, 0, 2}, {2, 0, 1, 4}, {1, 0, 2, 8}, {2, 1, 0, 4}, {1, 1, 1, 8}}; // size, bracket, rung, epochs
    for (int r = 1; r <= 5; r++) {
      List<Evaluation> round = byRound.get(r);
      assertEquals(expected[r - 1][0], round.size(), "round " + r);
      for (Evaluation e : round) {
        assertEquals(expected[r - 1][1], e.getBracket(), "round " + r);
        assertEquals(expected[r - 1][2], e.getRung(), "round " + r);
        assertEquals(expected[r - 1][3], e.getFidelity(), "round " + r);
      }
    }
    assertEquals(10, history.stream().map(Evaluation::getTrialId).distinct().count(), "a row per evaluation");
  }

  @Test
  void theBestOfEachRungGoOnAndContinueTheirOwnModels() {
    Map<Integer, Evaluation> byTrial = history.stream().collect(Collectors.toMap(Evaluation::getTrialId, Function.identity()));
    for (Evaluation e : history) {
      if (e.getRung() == 0) {
        assertEquals(-1, e.getParentTrialId());
        continue;
      }
      Evaluation parent = byTrial.get(e.getParentTrialId());
      assertEquals(parent.getNetwork(), e.getNetwork(), "a promotion continues the same network");
      assertEquals(e.getRung() - 1, parent.getRung());
      assertEquals(EvaluationStatus.OK, parent.getStatus());
      assertTrue(e.getEpochsRun() <= e.getFidelity() - parent.getFidelity(),
          "trains only the added budget: " + e.getEpochsRun() + " of " + e.getFidelity() + " after " + parent.getFidelity());
      // the promoted ones are the best by f_perf of their rung
      List<Evaluation> rung = history.stream().filter(x -> x.getRound() == parent.getRound()).toList();
      long promotedFromRung = history.stream().filter(x -> x.getRound() == e.getRound()).count();
      List<Integer> best = rung.stream().filter(x -> x.getStatus() == EvaluationStatus.OK)
          .sorted(Comparator.comparingDouble((Evaluation x) -> -x.getFPerf()).thenComparingInt(Evaluation::getTrialId))
          .limit(promotedFromRung).map(Evaluation::getTrialId).toList();
      assertTrue(best.contains(parent.getTrialId()), "trial " + parent.getTrialId() + " is not among the best " + best);
    }
  }

  @Test
  void theParetoSetHoldsEachNetworkOnceAsTheSearchLeftIt() {
    List<ParetoEntry> front = AvroFiles.read(new RunFolder(whole).paretoAvro(), ParetoEntry.class);
    assertEquals(front.size(), front.stream().map(ParetoEntry::getNetwork).distinct().count());
    for (ParetoEntry p : front) {
      int top = history.stream().filter(e -> e.getNetwork().equals(p.getNetwork())).mapToInt(Evaluation::getFidelity).max().orElseThrow();
      Evaluation chosen = history.stream().filter(e -> e.getTrialId() == p.getTrialId()).findFirst().orElseThrow();
      assertEquals(top, chosen.getFidelity(), p.getNetwork() + ": the most-trained evaluation");
    }
  }

  @Test
  void theHistoryCommandShowsEachEvaluationsRung() throws Exception {
    TracesCommandTest.Result text = TracesCommandTest.run("history", whole.toString());
    assertEquals(0, text.code(), text.stdout());
    Evaluation top = history.stream().filter(e -> e.getRound() == 3).findFirst().orElseThrow();
    assertTrue(text.stdout().lines().anyMatch(l -> l.contains("b0 r2 8") && l.contains("<" + top.getParentTrialId())
        && l.contains(top.getNetwork())), text.stdout());
    TracesCommandTest.Result json = TracesCommandTest.run("history", whole.toString(), "--json");
    assertEquals(0, json.code(), json.stdout());
    com.fasterxml.jackson.databind.JsonNode row = json.json().get("rows").get(top.getTrialId());
    assertEquals(8, row.get("fidelity").asInt());
    assertEquals(2, row.get("rung").asInt());
    assertEquals(top.getParentTrialId(), row.get("parentTrial").asInt());
  }

  @Test
  void stoppedInTheMiddleOfABracketAndResumedItGivesTheSameHistory() throws Exception {
    Path out = dir.resolve("stopped");
    TracesCommandTest.Result r = TracesCommandTest.run("search", "--config", config.toString(), "--out", out.toString(),
        "--stop-after-rounds", "2");
    assertEquals(0, r.code(), r.stdout());
    assertEquals(List.of(1, 2), new RunFolder(out).finishedRounds(), "stopped after rung 2 of 3 of the first bracket");
    r = TracesCommandTest.run("search", "--out", out.toString(), "--resume");
    assertEquals(0, r.code(), r.stdout());
    Faults.assertSameHistory(whole, out);
  }

  @Test
  void rungsThatGrowInSamplesTrainOnNestedSubsetsOfTheTrainSplit() throws Exception {
    // the default resource: the seeded split puts 1,759 of the 2,500 samples in train; eta 3, min
    // 1759 / 9 = 195: rungs of 195, 586 and 1,759 samples; 4 configurations fill the first rung,
    // max(1, 4 / 3) = 1 goes on
    Path samples = dir.resolve("samples.yaml");
    Files.writeString(samples, Files.readString(config).replace("resource: epochs, min: 2, max: 8, eta: 2", "eta: 3")
        .replace("budget: 6,", "budget: 4,"));
    Path out = dir.resolve("samples");
    TracesCommandTest.Result r = TracesCommandTest.run("search", "--config", samples.toString(), "--out", out.toString(),
        "--json");
    assertEquals(0, r.code(), r.stdout());
    List<Evaluation> h = new RunFolder(out).readHistory();
    assertEquals(List.of(195, 195, 195, 195, 586, 1759), h.stream().map(Evaluation::getFidelity).toList());
    Evaluation top = h.get(5);
    assertEquals(h.get(4).getTrialId(), top.getParentTrialId());
    assertEquals(h.get(4).getNetwork(), top.getNetwork());
    // a rung's model is another cache entry than the full training of the same network
    assertEquals(6, h.stream().map(Evaluation::getModelKey).distinct().count());

    Files.writeString(samples, Files.readString(samples).replace("fidelity: {eta: 3}", "fidelity: {max: 5000, eta: 3}"));
    r = TracesCommandTest.run("search", "--config", samples.toString(), "--out", dir.resolve("b3").toString(), "--json");
    assertEquals(2, r.code(), r.stdout());
    assertTrue(r.json().get("error").asText().contains("search.fidelity.max"), r.stdout());
  }

  @Test
  void badFidelitySettingsAreBadInputNamingTheKey() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, Files.readString(config).replace("min: 2, max: 8, eta: 2}", "min: 5, max: 8, eta: 2}"));
    TracesCommandTest.Result r = TracesCommandTest.run("search", "--config", bad.toString(), "--out", dir.resolve("b1").toString(), "--json");
    assertEquals(2, r.code(), r.stdout());
    assertTrue(r.json().get("error").asText().contains("search.fidelity.min"), r.stdout());
    Files.writeString(bad, Files.readString(config).replace("resource: epochs", "resource: memory"));
    r = TracesCommandTest.run("search", "--config", bad.toString(), "--out", dir.resolve("b2").toString(), "--json");
    assertEquals(2, r.code(), r.stdout());
    assertTrue(r.json().get("error").asText().contains("search.fidelity.resource"), r.stdout());
  }

  @Test
  void ehviCombinesWithFidelityAndAnUnknownRuleIsBadInputListingTheRules() throws Exception {
    Path ehvi = dir.resolve("ehvi.yaml");
    Files.writeString(ehvi, Files.readString(config).replace("budget: 6,", "budget: 6, proposals: ehvi,"));
    Path out = dir.resolve("ehvi");
    TracesCommandTest.Result r = TracesCommandTest.run("search", "--config", ehvi.toString(), "--out", out.toString(),
        "--json");
    assertEquals(0, r.code(), r.stdout());
    RunFolder folder = new RunFolder(out);
    assertEquals(List.of(1, 2, 3, 4, 5), folder.finishedRounds(), "the same brackets as with f_perf");
    assertEquals(history.stream().map(Evaluation::getFidelity).toList(),
        folder.readHistory().stream().map(Evaluation::getFidelity).toList());

    Files.writeString(ehvi, Files.readString(config).replace("budget: 6,", "budget: 6, proposals: hypervolume,"));
    r = TracesCommandTest.run("search", "--config", ehvi.toString(), "--out", dir.resolve("b4").toString(), "--json");
    assertEquals(2, r.code(), r.stdout());
    String error = r.json().get("error").asText();
    assertTrue(error.contains("search.proposals") && error.contains("fperf, parego, ehvi"), r.stdout());
  }

  @Test
  void theBudgetOfAMultiFidelityRunCannotBeRaisedOnResume() throws Exception {
    Path out = dir.resolve("raised");
    Faults.copyTree(whole, out);
    Path more = dir.resolve("more.yaml");
    Files.writeString(more, Files.readString(config).replace("budget: 6,", "budget: 9,"));
    TracesCommandTest.Result r = TracesCommandTest.run("search", "--config", more.toString(), "--out", out.toString(),
        "--resume", "--json");
    assertEquals(2, r.code(), r.stdout());
    assertTrue(r.json().get("error").asText().contains("multi-fidelity"), r.stdout());
  }
}
