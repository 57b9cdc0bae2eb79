package org.axnas.pipelines.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axnas.kernels.ErrorMetric;
import org.axnas.kernels.ErrorMetrics;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.schemas.ParetoEntry;
import org.axnas.evaluation.CandidateEvaluator;
import org.axnas.evaluation.ParetoSet;
import org.axnas.runtime.Precision;
import org.axnas.runtime.Quantisation;
import org.axnas.trainer.TrainedModel;

/**
 * Test-split accuracy of a network a run trained, for networks the driver did not score on test
 * itself (it does so for the Pareto set only): AxBench's network is usually dominated. The same
 * definition as the search's ({@link ParetoSet#testAccuracy}), on the run's own test split, under
 * the run's error bound.
 */
final class TestScores {
  private TestScores() {}

  /**
   * The test score of the model with this cache key in the arithmetic the run scored in (the
   * float one beside it), or empty when its file cannot be found.
   */
  static Optional<CandidateEvaluator.HardwareScore> accuracy(FinishedRun run, String modelKey) {
    Optional<Path> file = modelFile(run, modelKey);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ParetoSet.testScore(TrainedModel.readJson(file.get()), new RunFolder(run.dir()).traces().toString(),
        metric(run), run.errorBound(), precision(run)));
  }

  /**
   * The arithmetic a run scored in, from its own files: the quantisation its Pareto set records
   * (every member carries it when the hardware computes in other than the trainer's float).
   */
  static Precision precision(FinishedRun run) {
    return run.pareto().stream().filter(p -> p.getQuantisation() != null).findFirst()
        .map(p -> Quantisation.fromJson(p.getQuantisation()).precision()).orElse(Precision.FLOAT);
  }

  static ErrorMetric metric(FinishedRun run) {
    return ErrorMetrics.of(run.benchmark(), run.config().isUserFunction() ? run.config().function().metric() : null);
  }

  /**
   * Where a run keeps a model: its own {@code models/}, or the shared cache its Pareto set points
   * into (a run made with {@code --cache DIR}).
   */
  static Optional<Path> modelFile(FinishedRun run, String modelKey) {
    if (modelKey == null) {
      return Optional.empty();
    }
    Set<Path> dirs = new LinkedHashSet<>();
    dirs.add(new RunFolder(run.dir()).models());
    for (ParetoEntry p : run.pareto()) {
      if (p.getModelPath() != null) {
        Path parent = Path.of(p.getModelPath()).getParent();
        if (parent != null) {
          dirs.add(parent);
        }
      }
    }
    List<Path> candidates = new ArrayList<>();
    dirs.forEach(d -> candidates.add(d.resolve(modelKey + ".json")));
    return candidates.stream().filter(Files::isRegularFile).findFirst();
  }
}
