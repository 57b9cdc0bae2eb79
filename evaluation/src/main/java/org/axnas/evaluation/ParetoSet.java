package org.axnas.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axnas.hwsim.HardwareConfig;
import org.axnas.kernels.ErrorMetric;
import org.axnas.runtime.Precision;
import org.axnas.runtime.Pareto;
import org.axnas.runtime.Scored;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.EvaluationStatus;
import org.axnas.schemas.ParetoEntry;
import org.axnas.trainer.Dataset;
import org.axnas.trainer.TrainedModel;
import org.axnas.traces.TraceStore;

/**
 * The offline stage's result, computed in one place: the non-dominated successful evaluations of
 * a history on (accuracy, speedup, energy reduction), as {@link ParetoEntry} rows in the front's
 * order (accuracy, highest first, then trial id), and each member's accuracy on the test split,
 * which the search never saw. Plain Java: a history is at most thousands of rows.
 */
public final class ParetoSet {
  private ParetoSet() {}

  /**
   * The front of a history; {@code modelDir} (the evaluation cache, or null) names each member's
   * model file.
   */
  public static List<ParetoEntry> of(List<Evaluation> history, String modelDir) {
    Map<Integer, Evaluation> byTrial = new HashMap<>();
    List<Scored> scored = new ArrayList<>();
    for (Evaluation e : history) {
      if (e.getStatus() != EvaluationStatus.OK) {
        continue;
      }
      byTrial.put(e.getTrialId(), e);
      scored.add(new Scored(e.getTrialId(), e.getNetwork(), e.getAccuracy(), e.getSpeedup(), e.getEnergyReduction(), e.getFPerf()));
    }
    List<ParetoEntry> out = new ArrayList<>();
    for (Scored s : Pareto.front(scored)) {
      String key = byTrial.get(s.trialId()).getModelKey();
      out.add(ParetoEntry.newBuilder()
          .setTrialId(s.trialId())
          .setNetwork(s.network())
          .setAccuracy(s.accuracy())
          .setSpeedup(s.speedup())
          .setEnergyReduction(s.energyReduction())
          .setFPerf(s.fPerf())
          .setModelKey(key)
          .setModelPath(modelDir == null || key == null ? null : modelDir + "/" + key + ".json")
          .setFloatAccuracy(byTrial.get(s.trialId()).getFloatAccuracy())
          .setPrecision(byTrial.get(s.trialId()).getPrecision())
          .build());
    }
    return out;
  }

  /**
   * Each network's most-trained evaluation: in a multi-fidelity history a promoted network has one
   * per rung, and only the last one's model is the network as the search left it. A
   * single-fidelity history is returned as it is.
   */
  public static List<Evaluation> mostTrained(List<Evaluation> history) {
    if (history.stream().allMatch(e -> e.getFidelity() == 0)) {
      return history;
    }
    Map<String, Evaluation> last = new HashMap<>();
    for (Evaluation e : history) {
      last.merge(e.getNetwork(), e, (a, b) -> b.getFidelity() > a.getFidelity() ? b : a);
    }
    List<Evaluation> out = new ArrayList<>();
    for (Evaluation e : history) {
      if (last.get(e.getNetwork()) == e) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * The front with each member's test-split accuracy (paper eq. 5, as the search scored
   * validation), in the arithmetic of the spec's hardware: then also the float one and the
   * quantisation the member was computed in (which {@code pareto.json} carries, so that the
   * runtime's {@code FinishedRun.model} computes as was scored).
   */
  public static List<ParetoEntry> withTestAccuracy(List<ParetoEntry> front, ScoringSpec spec) {
    Precision precision = HardwareConfig.parse(spec.hardwareYaml(), spec.hardwareName()).precision();
    List<ParetoEntry> out = new ArrayList<>();
    for (ParetoEntry p : front) {
      ParetoEntry.Builder b = ParetoEntry.newBuilder(p);
      if (p.getModelPath() != null && Files.exists(Path.of(p.getModelPath()))) {
        CandidateEvaluator.HardwareScore s = testScore(readModel(Path.of(p.getModelPath())), spec.tracesDir(),
            spec.errorMetric(), spec.errorBound(), precision);
        b.setTestAccuracy(s.score().accuracy()).setPrecision(precision.notation());
        if (s.floatScore() != null) {
          b.setFloatTestAccuracy(s.floatScore().accuracy()).setQuantisation(s.quantisation().toJson());
        }
      }
      out.add(b.build());
    }
    return out;
  }

  /**
   * A model's accuracy on a run's test split in {@code precision} (calibrated on the run's train
   * split), the float one beside it: the one definition of test accuracy (the report uses it for
   * networks outside the front).
   */
  public static CandidateEvaluator.HardwareScore testScore(TrainedModel model, String tracesDir, ErrorMetric metric,
      double errorBound, Precision precision) {
    Dataset test = TraceStore.load(tracesDir, "test");
    Dataset train = precision.isTrainerFloat() ? null : TraceStore.load(tracesDir, "train");
    return CandidateEvaluator.score(model, test, metric, errorBound, precision, train);
  }

  private static TrainedModel readModel(Path file) {
    try {
      return TrainedModel.fromJson(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model " + file, e);
    }
  }
}
