package org.axnas.pipelines.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axnas.pipelines.run.JsonOutput;
import org.axnas.pipelines.config.ConfigException;
import org.axnas.pipelines.config.RunConfig;
import org.axnas.pipelines.run.AvroFiles;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.EvaluationStatus;
import org.axnas.schemas.ParetoEntry;
import org.axnas.schemas.RunManifest;

/**
 * A finished search or enumeration as the report sees it: what made it (kind, benchmark, error
 * bound group, config), its run history, its Pareto set and the wall times of its rounds.
 *
 * @param seed the seed the run was made with (its manifest's: {@code --seed} overrides the config's {@code seed})
 * @param wallSeconds sum of the rounds' wall times (the timings files); trace collection and the
 *     final Pareto aggregation are not counted
 * @param trainingSeconds sum of the candidates' training times
 * @param cacheHits evaluations whose trained model came from the evaluation cache
 */
public record FinishedRun(
    Path dir,
    Method method,
    String benchmark,
    int group,
    long seed,
    RunConfig config,
    List<Evaluation> history,
    List<ParetoEntry> pareto,
    double wallSeconds,
    double trainingSeconds,
    int cacheHits) {

  public FinishedRun {
    history = List.copyOf(history);
    pareto = List.copyOf(pareto);
  }

  /** A run folder is finished when its Pareto set is written: the driver does that after the last round. */
  public static boolean isFinished(Path runDir) {
    RunFolder f = new RunFolder(runDir);
    return Files.exists(f.manifest()) && Files.exists(f.paretoAvro());
  }

  /**
   * Reads a finished run folder.
   *
   * @throws ConfigException when a file of the run is missing, corrupt or inconsistent
   */
  public static FinishedRun read(Path runDir) {
    RunFolder f = new RunFolder(runDir);
    RunManifest m = f.readManifest();
    RunConfig config = RunConfig.parse(m.getConfigYaml(), f.manifest() + " (configYaml)");
    Method method = Method.ofKind(m.getKind(), f.manifest().toString());
    List<Evaluation> history = f.readHistory();
    List<ParetoEntry> pareto = AvroFiles.read(f.paretoAvro(), ParetoEntry.class);
    double wall = 0;
    double training = 0;
    int hits = 0;
    for (int round : f.finishedRounds()) {
      Path t = f.roundTimings(round);
      if (!Files.exists(t)) {
        continue; // timings are informative only; the history stays complete without them
      }
      JsonNode doc;
      try {
        doc = JsonOutput.mapper().readTree(Files.readString(t));
      } catch (IOException e) {
        throw new ConfigException(t.toString(), null, "unreadable timings file: " + e.getMessage());
      }
      wall += doc.path("seconds").asDouble();
      for (JsonNode c : doc.path("candidates")) {
        training += c.path("trainingSeconds").asDouble();
        hits += c.path("cached").asBoolean() ? 1 : 0;
      }
    }
    return new FinishedRun(f.dir(), method, m.getBenchmark(), config.group(), m.getSeed(), config, history, pareto, wall, training, hits);
  }

  public long failed() {
    return history.stream().filter(e -> e.getStatus() != EvaluationStatus.OK).count();
  }

  public List<Evaluation> ok() {
    List<Evaluation> ok = new ArrayList<>();
    for (Evaluation e : history) {
      if (e.getStatus() == EvaluationStatus.OK) {
        ok.add(e);
      }
    }
    return ok;
  }

  /** The error bound the run scored with (its evaluations record it; the config says it too). */
  public double errorBound() {
    return config.errorBound();
  }
}
