package org.axnas.pipelines.search;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axnas.core.Network;
import org.axnas.evaluation.CandidateEvaluator;
import org.axnas.evaluation.ModelCache;
import org.axnas.evaluation.ModelProvenance;
import org.axnas.evaluation.ScoringSpec;
import org.axnas.pipelines.config.ConfigDiff;
import org.axnas.pipelines.config.ConfigException;
import org.axnas.pipelines.config.ConfigPaths;
import org.axnas.pipelines.config.RunConfig;
import org.axnas.pipelines.run.AvroFiles;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.schemas.Candidate;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.EvaluationStatus;
import org.axnas.schemas.ParetoEntry;
import org.axnas.schemas.RunManifest;
import org.axnas.schemas.TrainingSpec;
import org.axnas.smac.ConfigurationSpace;
import org.axnas.smac.MlpSpace;
import org.axnas.smac.Observation;

/**
 * {@code search.warmStart}: the evaluations of earlier runs of the same benchmark, traces and
 * training, as observations SMAC learns from before its first proposal. Each earlier network is
 * re-scored by this run from its trained model, never trained again: under this run's error bound
 * (the same accuracy when the bound is the same, the other group's otherwise), on this run's
 * hardware and f_perf. A failed evaluation stays a failure. Networks outside this run's search
 * space are left out.
 *
 * <p>The observations are recorded in the manifest (the runs, their number and a SHA-256 of
 * them); {@code --resume} recomputes them and refuses when they changed, so the replay stays exact.
 */
final class WarmStart {
  private final RunConfig config;
  private final ScoringSpec spec;
  private final TrainingSpec training;
  private final Path cache;

  /**
   * @param spec this run's scoring (its model folder is looked in first: a shared {@code --cache})
   */
  WarmStart(RunConfig config, ScoringSpec spec, TrainingSpec training) {
    this.config = config;
    this.spec = spec;
    this.training = training;
    this.cache = Path.of(spec.modelDir());
  }

  /**
   * What a warm start gives a run: SMAC's observations, and the earlier networks as this run scored
   * them ({@code networks}: the successful ones inside this run's space, each numbered by a negative
   * trial id, -1, -2, ... in the order of the observations, so that it never meets one of this
   * run's trials), which join this run's Pareto set: a network group 1 trained is as much a result
   * of group 2 as one group 2 trained, and costs it no training.
   */
  record Prepared(List<Observation> observations, List<Evaluation> networks, Map<Integer, Origin> origins) {
    static final Prepared NONE = new Prepared(List.of(), List.of(), Map.of());

    /** The front with each member that came from a warm start named by its run and trial there. */
    List<ParetoEntry> tag(List<ParetoEntry> front) {
      List<ParetoEntry> out = new ArrayList<>();
      for (ParetoEntry p : front) {
        Origin o = origins.get(p.getTrialId());
        out.add(o == null ? p : ParetoEntry.newBuilder(p).setWarmStartRun(o.run()).setWarmStartTrialId(o.trialId()).build());
      }
      return out;
    }
  }

  /** Where a warm-start network was trained: the earlier run and its trial id there. */
  record Origin(String run, int trialId) {}

  /** The warm start of the run in {@code folder}: computed, recorded in (or checked against) its manifest. */
  static Prepared prepare(RunConfig config, SearchPlan plan, RunFolder folder, PrintStream log) {
    if (config.search().warmStart().isEmpty()) {
      return Prepared.NONE;
    }
    if (config.search().multiFidelity()) {
      // its model learns from one training budget at a time; earlier full trainings fit none of them
      throw new ConfigException(config.file(), "search.warmStart", "does not combine with search.fidelity yet; leave out "
          + "one of them");
    }
    WarmStart w = new WarmStart(config, plan.scoring(), CandidateTraining.of(config).spec());
    List<Path> runs = new ArrayList<>();
    List<Evaluation> rescored = new ArrayList<>();
    List<Path> from = new ArrayList<>();
    for (String given : config.search().warmStart()) {
      Path run = ConfigPaths.resolve(given, config.file(), "search.warmStart");
      if (run.equals(folder.dir().toAbsolutePath().normalize())) {
        throw w.refuse(given, "is this run's own folder; name earlier runs");
      }
      runs.add(run);
      List<Evaluation> again = w.rescore(run, given);
      rescored.addAll(again);
      again.forEach(e -> from.add(run));
    }
    ConfigurationSpace space = SmacProposals.space(config.search().maxLayers(), config.search().maxNeurons(),
        config.search().activations());
    List<Observation> observed = observations(rescored, space);
    List<Evaluation> networks = new ArrayList<>();
    Map<Integer, Origin> origins = new HashMap<>();
    for (int i = 0; i < rescored.size(); i++) {
      Evaluation e = rescored.get(i);
      if (e.getStatus() == EvaluationStatus.OK && inSpace(e, space)) {
        int id = -(networks.size() + 1);
        w.keepModel(e.getModelKey(), from.get(i));
        networks.add(Evaluation.newBuilder(e).setTrialId(id).build());
        origins.put(id, new Origin(from.get(i).toString(), e.getTrialId()));
      }
    }
    String sha = sha256(rescored);
    RunManifest m = folder.readManifest();
    List<String> names = runs.stream().map(Path::toString).toList();
    if (m.getWarmStartSha256().isEmpty()) {
      AvroFiles.write(folder.manifest(), RunManifest.class, List.of(RunManifest.newBuilder(m)
          .setWarmStartRuns(new ArrayList<>(names)).setWarmStartObservations(observed.size()).setWarmStartSha256(sha).build()));
    } else if (!m.getWarmStartSha256().equals(sha)) {
      throw new ConfigException(folder.manifest().toString(), "search.warmStart", String.format(Locale.ROOT,
          "the warm-start runs changed since this run started (%d observations then, %d now: a run went on, or was "
              + "redone); the finished rounds would not replay. Restore them as they were, or start a new run",
          m.getWarmStartObservations(), observed.size()));
    }
    log.printf("warm start: %d observations from %s (not counted in the budget)%n", observed.size(), String.join(", ", names));
    return new Prepared(observed, networks, origins);
  }

  /**
   * A warm-start network's cache entry (model and training record), copied into this run's model
   * folder when only the earlier run has it, so that this run's Pareto set stands alone.
   */
  private void keepModel(String key, Path run) {
    ModelCache own = new ModelCache(cache);
    ModelCache there = new ModelCache(new RunFolder(run).models());
    for (Path file : List.of(own.modelFile(key), own.trainingFile(key))) {
      if (!Files.isRegularFile(file)) {
        Path source = there.modelFile(key).resolveSibling(file.getFileName());
        own.write(file, there.read(source).orElseThrow(() -> new IllegalStateException(
            "cannot read the warm-start model file " + source)));
      }
    }
  }

  private static boolean inSpace(Evaluation e, ConfigurationSpace space) {
    try {
      MlpSpace.fromNetwork(space, Network.parse(e.getNetwork()));
      return true;
    } catch (IllegalArgumentException outside) {
      return false;
    }
  }

  /**
   * The evaluations of the run in {@code run}, in trial order, re-scored by this run.
   *
   * @throws ConfigException when it is not a run of this benchmark, traces and training, or a
   *     trained model is missing
   */
  List<Evaluation> rescore(Path run, String given) {
    RunFolder earlier = new RunFolder(run);
    if (!Files.isRegularFile(earlier.manifest())) {
      throw refuse(given, "is not an axnas run (no manifest.avro)");
    }
    RunManifest m = earlier.readManifest();
    if (!m.getBenchmark().equals(config.benchmark())) {
      throw refuse(given, "is a run of " + m.getBenchmark() + ", this one of " + config.benchmark());
    }
    RunConfig was = RunConfig.parse(m.getConfigYaml(), m.getConfigPath());
    List<String> otherTraining = ConfigDiff.differences(was, config).stream().filter(d -> d.startsWith("training.")).toList();
    if (!otherTraining.isEmpty()) {
      throw refuse(given, "trained its networks otherwise (" + String.join("; ", otherTraining) + "); a warm start "
          + "reuses runs of the same training settings");
    }
    if (was.search().multiFidelity()) {
      throw refuse(given, "is a multi-fidelity run (search.fidelity), whose networks were trained with other budgets; a "
          + "warm start reuses single-fidelity runs");
    }
    List<Evaluation> history = new ArrayList<>(earlier.readHistory());
    history.sort(Comparator.comparingInt(Evaluation::getTrialId));
    CandidateEvaluator inCache = CandidateEvaluator.of(spec, versions());
    CandidateEvaluator inRun = CandidateEvaluator.of(spec.withModelDir(earlier.models().toString()), versions());
    List<Evaluation> out = new ArrayList<>();
    for (Evaluation e : history) {
      Candidate c = candidate(e, training);
      String key = inCache.modelKey(c);
      if (!key.equals(String.valueOf(e.getModelKey()))) {
        throw refuse(given, "was searched on other traces (trial " + e.getTrialId() + ", " + e.getNetwork()
            + ": its model's data fingerprint differs); a warm start reuses runs of the same traces");
      }
      if (e.getStatus() != EvaluationStatus.OK) {
        out.add(e);
        continue;
      }
      CandidateEvaluator evaluator;
      if (Files.isRegularFile(new ModelCache(cache).modelFile(key))) {
        evaluator = inCache;
      } else if (Files.isRegularFile(new ModelCache(earlier.models()).modelFile(key))) {
        evaluator = inRun;
      } else {
        throw refuse(given, "has no trained model of trial " + e.getTrialId() + " (" + e.getNetwork() + ", "
            + key + ".json) in its models/ or in " + cache + "; give the --cache it was searched with");
      }
      Evaluation again = evaluator.evaluate(c).evaluation();
      if (!again.getCached()) {
        throw new IllegalStateException("re-scoring trial " + e.getTrialId() + " of " + run + " trained it again");
      }
      out.add(again);
    }
    return out;
  }

  /** The candidate an evaluation was made of, trained with {@code training}: its model's key is the same. */
  static Candidate candidate(Evaluation e, TrainingSpec training) {
    return Candidate.newBuilder().setTrialId(e.getTrialId()).setRound(e.getRound()).setNetwork(e.getNetwork())
        .setConfig(e.getConfig()).setSeed(e.getSeed()).setTraining(training).build();
  }

  /** Re-scored evaluations as SMAC observations, the networks outside {@code space} left out. */
  static List<Observation> observations(List<Evaluation> rescored, ConfigurationSpace space) {
    List<Observation> out = new ArrayList<>();
    for (Evaluation e : rescored) {
      try {
        out.add(new Observation(MlpSpace.fromNetwork(space, Network.parse(e.getNetwork())), SmacProposals.result(e)));
      } catch (IllegalArgumentException outside) {
        // a network this run's space does not hold says nothing SMAC can use
      }
    }
    return out;
  }

  private ConfigException refuse(String given, String why) {
    return new ConfigException(config.file(), "search.warmStart", "'" + given + "' " + why);
  }

  private static Map<String, String> versions() {
    return Map.of("axnas", ModelProvenance.AXNAS_VERSION, "java", System.getProperty("java.version"));
  }

  /** What SMAC is told, one line per evaluation, hashed: equal when the observations are. */
  private static String sha256(List<Evaluation> rescored) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Evaluation e : rescored) {
        md.update(String.format(Locale.ROOT, "%s %s %s %s %s %s%n", e.getNetwork(), e.getStatus(),
            Double.toString(e.getAccuracy()), Double.toString(e.getSpeedup()), Double.toString(e.getEnergyReduction()),
            Double.toString(e.getFPerf())).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
