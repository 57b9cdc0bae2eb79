package org.axnas.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.axnas.core.OpClass;
import org.axnas.pipelines.run.AvroFiles;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.schemas.Candidate;
import org.axnas.schemas.DeadLetter;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.EvaluationStatus;
import org.axnas.schemas.TrainingSpec;
import org.axnas.evaluation.Objective;
import org.axnas.evaluation.ScoringSpec;
import org.axnas.transforms.EvaluateCandidates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trainings that throw, diverge or run out of time: each candidate is recorded as failed with
 * its reason, in the history and in the failure output, is never proposed again, and the search
 * finishes. (SearchTest has a search whose candidates diverge.)
 */
class FaultTrainingTest {

  private static Candidate candidate(int id, String network, TrainingSpec training) {
    return Candidate.newBuilder().setTrialId(id).setRound(1).setNetwork(network).setSeed(11 + id).setTraining(training).build();
  }

  private static TrainingSpec.Builder training() {
    return TrainingSpec.newBuilder().setEpochs(5).setBatchSize(64).setLearningRate(0.01).setOptimizer("adam")
        .setPatience(0).setBackend("FAST").setTimeLimitSeconds(0);
  }

  @Test
  void theEvaluationStageTurnsEveryTrainingFailureIntoAFailedEvaluationWithItsReason(@TempDir Path dir) throws Exception {
    assertEquals(0, TracesCommandTest.run("traces", "--benchmark", "kmeans", "--samples", "800", "--out", dir.toString()).code());
    double[] cpu = new double[OpClass.values().length];
    java.util.Arrays.fill(cpu, 4);
    ScoringSpec spec = new ScoringSpec("kmeans", "", 1, 0.05, new Objective(0.8, 0.1, 0.1, 1, 1),
        Files.readString(Path.of("run-configs/hardware/eyeriss.yaml")), "eyeriss.yaml", cpu,
        dir.resolve("kmeans/traces").toString(), "validation", dir.resolve("models").toString());
    List<Candidate> candidates = List.of(
        candidate(0, "6-4:sigmoid-1", training().build()),                          // trains
        candidate(1, "6-4:sigmoid-1", training().setBackend("TPU").build()),         // the trainer throws
        candidate(2, "3-4:sigmoid-1", training().build()),                          // does not fit the traces
        candidate(3, "6-8:relu-1", training().setLearningRate(1e12).build()),        // diverges (NaN/Inf loss)
        candidate(4, "6-8:tanh-1", training().setTimeLimitSeconds(1e-9).build()));   // out of time

    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    PCollectionTuple out = p.apply(Create.of(candidates).withCoder(AvroCoder.of(Candidate.class)))
        .apply(EvaluateCandidates.with(spec));
    PAssert.that(out.get(EvaluateCandidates.EVALUATIONS)).satisfies(all -> {
      Map<Integer, Evaluation> byId = new HashMap<>();
      all.forEach(e -> byId.put(e.getTrialId(), e));
      assertEquals(5, byId.size(), "one evaluation per candidate, failed or not");
      assertEquals(EvaluationStatus.OK, byId.get(0).getStatus());
      assertStatus(byId.get(1), EvaluationStatus.FAILED, "training threw java.lang.IllegalArgumentException");
      assertStatus(byId.get(2), EvaluationStatus.FAILED, "does not fit the traces");
      assertStatus(byId.get(3), EvaluationStatus.DIVERGED, "loss became");
      assertStatus(byId.get(4), EvaluationStatus.TIMEOUT, "time limit");
      return null;
    });
    PAssert.that(out.get(EvaluateCandidates.FAILURES)).satisfies(all -> {
      List<DeadLetter> letters = new ArrayList<>();
      all.forEach(letters::add);
      assertEquals(4, letters.size(), "a dead letter per failed candidate, none for the good one");
      for (DeadLetter d : letters) {
        assertEquals("EvaluateCandidates", d.getStage());
        assertFalse(d.getReason().isBlank());
        assertTrue(d.getInput().contains("\"trialId\""), d.getInput()); // the candidate itself, to redo it by hand
      }
      DeadLetter thrown = letters.stream().filter(d -> d.getInput().contains("TPU")).findFirst().orElseThrow();
      assertTrue(thrown.getStackTrace().contains("IllegalArgumentException"), "a throw keeps its stack trace");
      return null;
    });
    p.run().waitUntilFinish();
  }

  private static void assertStatus(Evaluation e, EvaluationStatus status, String reason) {
    assertEquals(status, e.getStatus(), e.toString());
    assertTrue(e.getFailureReason() != null && e.getFailureReason().contains(reason), e.toString());
    assertEquals(0.0, e.getFPerf(), "a failed candidate scores worst");
  }

  @Test
  void aSearchWhoseTrainingsAllRunOutOfTimeFinishesAndNeverProposesOneTwice(@TempDir Path dir) throws Exception {
    // three networks in the space (1..3 sigmoid neurons, one layer), a budget of six: the
    // optimiser must stop when the space is exhausted instead of proposing a failed one again
    Path cfg = dir.resolve("timeout.yaml");
    Files.writeString(cfg, Files.readString(Faults.config(dir, "base", "kmeans", ""))
        .replace("maxLayers: 2, maxNeurons: 16", "maxLayers: 1, maxNeurons: 3, activations: [sigmoid]")
        .replace("learningRate: 0.01", "learningRate: 0.01, timeLimitSeconds: 1.0e-9"));
    Path out = dir.resolve("run");
    TracesCommandTest.Result r = TracesCommandTest.run("search", "--config", cfg.toString(), "--out", out.toString(), "--json");
    assertEquals(0, r.code(), r.stdout());
    JsonNode doc = r.json();
    RunFolder folder = new RunFolder(out);
    List<Evaluation> history = folder.readHistory();
    assertEquals(List.of("6-1:sigmoid-1", "6-2:sigmoid-1", "6-3:sigmoid-1"),
        history.stream().map(Evaluation::getNetwork).sorted().toList(), "each network once");
    for (Evaluation e : history) {
      assertEquals(EvaluationStatus.TIMEOUT, e.getStatus());
      assertTrue(e.getFailureReason().contains("time limit of 1.0E-9 s"), e.getFailureReason());
    }
    List<DeadLetter> failures = new ArrayList<>();
    for (int round : folder.finishedRounds()) {
      failures.addAll(AvroFiles.read(folder.roundFailures(round), DeadLetter.class));
    }
    assertEquals(3, failures.size());
    failures.forEach(d -> assertTrue(d.getReason().contains("time limit"), d.getReason()));
    assertEquals(3, doc.get("evaluations").asInt());
    assertEquals(3, doc.get("failed").asInt());
    assertEquals(0, doc.get("pareto").size());
    assertTrue(doc.get("selected").has("error"), "nothing to select, and it says so: " + doc.get("selected"));
  }
}
