package org.axnas.pipelines.search;

import org.axnas.pipelines.run.Versions;
import org.axnas.pipelines.config.BadInput;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptions;
import org.axnas.pipelines.flink.BeamOptions;
import org.axnas.pipelines.run.JsonOutput;
import org.axnas.pipelines.config.ConfigDiff;
import org.axnas.pipelines.config.ConfigException;
import org.axnas.pipelines.config.RunConfig;
import org.axnas.pipelines.run.AtomicFiles;
import org.axnas.pipelines.run.AvroFiles;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.schemas.Candidate;
import org.axnas.schemas.DeadLetter;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.EvaluationStatus;
import org.axnas.schemas.ParetoEntry;
import org.axnas.schemas.RunManifest;
import org.axnas.evaluation.ParetoSet;

/**
 * The round driver: traces and split once, then per round ask the proposal source for k
 * candidates, evaluate them in one Beam pipeline, and append the evaluations to the run history
 * (one Avro file per round, written atomically). After the last round the Pareto set is
 * aggregated and one network selected. One Beam pipeline per round keeps it the same on every
 * runner and resumable from the last finished round.
 */
public final class SearchDriver {
  /** What to run. */
  public record Request(
      Path config, Path out, boolean resume, Long seed, List<String> beamArgs, boolean enumerate, PrintStream progress,
      int stopAfterRounds, Path cache) {}

  /** What a finished search gives. */
  public record Outcome(Path runDir, List<Evaluation> history, List<ParetoEntry> pareto, SelectionReport selected) {
    public long failed() {
      return history.stream().filter(e -> e.getStatus() != EvaluationStatus.OK).count();
    }
  }

  private final Request request;
  private final PrintStream log;
  private final StepRunner steps; // null: one pipeline per step

  public SearchDriver(Request request) {
    this(request, null);
  }

  /** A search whose Beam steps run through {@code steps} (a sweep shares one pipeline per round). */
  public SearchDriver(Request request, StepRunner steps) {
    this.request = request;
    this.log = request.progress();
    this.steps = steps;
  }

  public Outcome run() {
    RunFolder folder = new RunFolder(request.out());
    RunConfig config = request.config() != null ? RunConfig.load(request.config()) : recordedConfig(folder);
    if (request.seed() != null) {
      config = withSeed(config, request.seed());
    }
    PipelineOptions options = BeamOptions.parse(request.beamArgs());
    String kind = request.enumerate() ? "enumerate" : "search";
    checkFolder(folder, config, kind);
    boolean fresh = !folder.exists();
    boolean hadFolder = Files.isDirectory(folder.dir());
    RunInputs inputs = RunInputs.read(config); // bad input fails here, before anything is written
    MemoryCheck.check(config, inputs, options, Runtime.getRuntime().maxMemory());
    ObjectiveNormalisation.checkReachableBeforeTraces(config, inputs);
    try {
      try (AutoCloseable lock = folder.lock()) {
        return runLocked(config, inputs, options, folder, kind);
      }
    } catch (IllegalArgumentException e) {
      if (fresh) {
        // refused while preparing (e.g. traces with NaN, an unreachable energy threshold): leave no
        // half-made run, its lock and folder included once the lock is released
        folder.removeRefusedRun(hadFolder);
      }
      throw e;
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The largest budget whose initial design is still {@code size} configurations. */
  private static int maxBudgetKeeping(RunConfig recorded, int size) {
    int b = recorded.search().budget();
    while (b < 1_000_000 && ProposalSources.initialDesignSize(withBudget(recorded, b + 1)) == size) {
      b++;
    }
    return b;
  }

  private static RunConfig withBudget(RunConfig c, int budget) {
    RunConfig.Search s = c.search();
    return new RunConfig(c.file(), c.yaml(), c.benchmark(), c.function(), c.seed(), c.traces(), c.group(),
        c.errorBound(), new RunConfig.Search(budget, s.parallelism(), s.maxLayers(), s.maxNeurons(), s.activations(),
            s.initialDesign(), s.randomProbability(), s.wallClockMinutes(), s.fidelity(), s.proposals(), s.warmStart(),
            s.initial()),
        c.training(), c.objective(), c.hardware(), c.regionFraction(),
        c.selection());
  }

  /** {@code --resume} without {@code --config}: the config the run was made with, from its manifest. */
  private RunConfig recordedConfig(RunFolder folder) {
    if (!request.resume()) {
      throw new ConfigException("command line", "--config", "required (it may be left out only with --resume)");
    }
    if (!Files.exists(folder.manifest())) {
      throw new ConfigException(folder.dir().toString(), "--config",
          "no run with a manifest here to take the config from; give --config");
    }
    RunManifest m = folder.readManifest();
    return RunConfig.parse(m.getConfigYaml(), m.getConfigPath());
  }

  private void checkFolder(RunFolder folder, RunConfig config, String kind) {
    if (!folder.exists()) {
      if (request.resume()) {
        throw new ConfigException(folder.dir().toString(), "--resume", "there is no run to resume in this folder");
      }
      return;
    }
    if (!folder.looksLikeRun()) {
      throw new ConfigException(folder.dir().toString(), "--out", "holds files that are not an axnas run (no "
          + "manifest.avro, config.yaml, traces/ or history/); choose a new or empty folder (nothing was written)");
    }
    if (!request.resume()) {
      throw new ConfigException(folder.dir().toString(), null,
          "already holds a run; continue it with --resume or choose another --out (nothing was overwritten)");
    }
    if (!Files.exists(folder.manifest())) {
      return; // killed before the manifest was written: nothing to keep but the traces, checked below
    }
    RunManifest m = folder.readManifest();
    if (m.getSeed() != config.seed() || !m.getKind().equals(kind)) {
      throw new ConfigException(folder.manifest().toString(), "seed",
          "the run was made by another seed or command (" + m.getKind() + ", seed " + m.getSeed()
              + "); resume with the same seed and command, or choose another --out");
    }
    RunConfig recorded = RunConfig.parse(m.getConfigYaml(), m.getConfigPath());
    List<String> changed = new ArrayList<>(ConfigDiff.differences(recorded, config));
    boolean budgetRaised = recorded.search().budget() < config.search().budget();
    changed.removeIf(d -> budgetRaised && d.startsWith("search.budget:"));
    if (!changed.isEmpty()) {
      throw new ConfigException(folder.manifest().toString(), "config",
          "the run was made with other settings: " + String.join("; ", changed) + ". Resume with the run's own "
              + "config (leave out --config to use it) or choose another --out; only search.budget may be raised");
    }
    if (budgetRaised && recorded.search().multiFidelity() && !kind.equals("enumerate")) {
      throw new ConfigException(folder.manifest().toString(), "search.budget", "cannot be raised in a multi-fidelity "
          + "run: the last bracket was cut to the budget, so the finished rounds would not replay; start a new run");
    }
    if (budgetRaised && !kind.equals("enumerate")) {
      int before = ProposalSources.initialDesignSize(recorded);
      int after = ProposalSources.initialDesignSize(config);
      if (before != after) {
        throw new ConfigException(folder.manifest().toString(), "search.budget", String.format(java.util.Locale.ROOT,
            "raising it from %d to %d would change SMAC's initial design from %d to %d configurations (it is capped at "
                + "a quarter of the budget), so the finished rounds would not replay; set search.initialDesign: %d "
                + "to keep it, or raise the budget to at most %d", recorded.search().budget(), config.search().budget(),
            before, after, before, maxBudgetKeeping(recorded, before)));
      }
    }
    if (budgetRaised) {
      log.printf("search.budget raised from %d to %d%n", recorded.search().budget(), config.search().budget());
      AtomicFiles.writeString(folder.configCopy(), config.yaml());
      AvroFiles.write(folder.manifest(), RunManifest.class, List.of(RunManifest.newBuilder(m)
          .setConfigYaml(config.yaml()).setConfigSha256(config.sha256()).setConfigPath(config.file()).build()));
    }
  }

  private Outcome runLocked(RunConfig config, RunInputs inputs, PipelineOptions options, RunFolder folder, String kind)
      throws IOException {
    long start = System.nanoTime();
    if (!Files.exists(folder.manifest())) {
      AtomicFiles.writeString(folder.configCopy(), config.yaml());
      AvroFiles.write(folder.manifest(), RunManifest.class, List.of(manifest(config, kind)));
    }
    StepRunner steps = this.steps != null ? this.steps
        : StepRunner.onePipelineEach(options, "axnas-" + kind + "-" + folder.dir().getFileName());
    options.setJobName("axnas-" + kind + "-" + folder.dir().getFileName() + "-traces"); // the Flink job's name
    deleteTree(folder.staging()); // a killed round's partial outputs; the round is redone whole
    SearchPlan plan = SearchPlan.prepare(config, inputs, folder, request.cache(), options, log);
    WarmStart.Prepared warm = request.enumerate() ? WarmStart.Prepared.NONE : WarmStart.prepare(config, plan, folder, log);
    ProposalSource source = request.enumerate() ? plan.proposals().enumeration() : plan.proposals().smac(warm.observations());

    int budget = plan.proposals().budget(request.enumerate());
    int k = config.search().parallelism();
    // multi-fidelity: a round is one rung (its own size), and the budget counts new configurations
    MultiFidelityProposals rungs = source instanceof MultiFidelityProposals m ? m : null;
    List<Integer> rounds = folder.finishedRounds();
    List<Evaluation> history = replay(folder, rounds, source, k, budget);
    if (!rounds.isEmpty()) {
      log.printf("resuming after round %d: %d evaluations kept%n", rounds.get(rounds.size() - 1), history.size());
    }

    int totalRounds = rungs != null ? rungs.plannedRounds(budget)
        : rounds.size() + (int) Math.ceil((budget - history.size()) / (double) k);
    double limitSeconds = config.search().wallClockMinutes() * 60;
    int round = rounds.isEmpty() ? 1 : rounds.get(rounds.size() - 1) + 1;
    Progress progress = new Progress(log, totalRounds, budget, warm.networks());
    while (rungs != null || history.size() < budget) {
      if (limitSeconds > 0 && (System.nanoTime() - start) / 1e9 > limitSeconds) {
        log.printf("wall-clock limit of %.1f min reached after %d evaluations%n", config.search().wallClockMinutes(), history.size());
        break;
      }
      List<Proposal> proposals = source.propose(rungs != null ? k : Math.min(k, budget - history.size()));
      if (proposals.isEmpty()) {
        if (rungs == null) {
          log.println("the search space is exhausted");
        }
        break;
      }
      long roundStart = System.nanoTime();
      RoundResult rr = runRound(plan, steps, folder, round, proposals);
      Map<Integer, Proposal> byId = new HashMap<>();
      proposals.forEach(p -> byId.put(p.trialId(), p));
      for (Evaluation e : rr.evaluations()) {
        source.tell(byId.get(e.getTrialId()), e);
        history.add(e);
      }
      double seconds = (System.nanoTime() - roundStart) / 1e9;
      if (rungs != null) {
        progress.rung(round, history, seconds, rr.trainingSeconds(), rungs.where(), rungs.configurations(),
            config.search().fidelity().resource());
      } else {
        progress.round(round, history, seconds, rr.trainingSeconds());
      }
      round++;
      if (request.stopAfterRounds() > 0 && round - rounds.size() > request.stopAfterRounds()) {
        log.printf("stopped after %d rounds as asked; continue with --resume%n", request.stopAfterRounds());
        return new Outcome(folder.dir(), history, List.of(), SelectionReport.none(config.selection().mode(), "stopped before the end"));
      }
    }

    // in memory, in plain Java: the history is all here and at most thousands of rows
    List<Evaluation> members = new ArrayList<>(ParetoSet.mostTrained(history));
    members.addAll(warm.networks());
    List<ParetoEntry> pareto = warm.tag(ParetoSet.withTestAccuracy(ParetoSet.of(members, plan.modelDir()), plan.scoring()));
    AvroFiles.write(folder.paretoAvro(), ParetoEntry.class, pareto);
    AtomicFiles.writeString(folder.paretoJson(), JsonOutput.write(ParetoFiles.toJson(pareto)));
    deleteTree(folder.staging()); // every round is in the history now
    SelectionReport selected = SelectionReport.select(folder, pareto, config.selection().mode(),
        config.selection().minAccuracy(), config.selection().minEnergyReduction(), config.selection().theta(),
        config.regionFraction());
    log.printf("%s finished: %d evaluations (%d failed), %d on the Pareto front, %.1f s%n", kind, history.size(),
        history.stream().filter(e -> e.getStatus() != EvaluationStatus.OK).count(), pareto.size(), (System.nanoTime() - start) / 1e9);
    return new Outcome(folder.dir(), history, pareto, selected);
  }

  /**
   * Replays the finished rounds: the source is asked for as many candidates as the live loop
   * asked for, proposes again what it proposed then, and is told the same results, so it
   * continues exactly as an uninterrupted run would. A missing, truncated, corrupt or foreign
   * round file is refused, naming it, before anything is written.
   */
  private static List<Evaluation> replay(RunFolder folder, List<Integer> rounds, ProposalSource source, int k, int budget) {
    List<Evaluation> history = new ArrayList<>();
    for (int i = 0; i < rounds.size(); i++) {
      int r = rounds.get(i);
      Path file = folder.roundFile(r);
      String redo = "restore it from a backup, or remove it and every later round file (history/round-NNNN.avro) so that "
          + "--resume redoes those rounds (their trained models are reused)";
      if (r != i + 1) {
        throw new ConfigException(folder.roundFile(i + 1).toString(), null, "is missing while " + file.getFileName()
            + " is there; restore it, or remove every round file after round " + i + " so that --resume redoes them");
      }
      List<Evaluation> done = AvroFiles.read(file, Evaluation.class, redo);
      boolean rungs = source instanceof MultiFidelityProposals;
      if (!rungs && history.size() >= budget) {
        throw new ConfigException(file.toString(), null, "lies beyond the budget of " + budget + " evaluations; " + redo);
      }
      List<Proposal> again = source.propose(rungs ? k : Math.min(k, budget - history.size()));
      if (again.isEmpty()) {
        throw new ConfigException(file.toString(), null, "lies beyond the budget of " + budget + " configurations; " + redo);
      }
      if (done.size() != again.size()) {
        throw new ConfigException(file.toString(), null, "holds " + done.size() + " evaluations where the round evaluated "
            + again.size() + " (truncated, or written by another run); " + redo);
      }
      for (int j = 0; j < done.size(); j++) {
        Evaluation e = done.get(j);
        Proposal p = again.get(j);
        if (p.trialId() != e.getTrialId() || !p.network().notation().equals(e.getNetwork())) {
          throw new ConfigException(file.toString(), "network",
              "the history does not match what this config and seed propose (trial " + e.getTrialId() + ": "
                  + e.getNetwork() + " vs " + p.network().notation() + "); " + redo);
        }
        source.tell(p, e);
        history.add(e);
      }
    }
    return history;
  }

  /** Evaluations of one round, in trial order, and the training time they took. */
  record RoundResult(List<Evaluation> evaluations, double trainingSeconds) {}

  private RoundResult runRound(SearchPlan plan, StepRunner steps, RunFolder folder, int round, List<Proposal> proposals)
      throws IOException {
    List<Candidate> candidates = new ArrayList<>();
    for (Proposal p : proposals) {
      candidates.add(plan.candidates().candidate(p, round));
    }
    long start = System.nanoTime();
    Path staging = folder.staging(round);
    deleteTree(staging);
    Files.createDirectories(staging); // there while the round runs: a round in progress, redone whole if killed
    try {
      steps.run(String.format("round-%04d", round), SearchSteps.evaluate(candidates, plan.scoring(), staging));
    } catch (RuntimeException e) {
      throw runnerFailure("round " + round, round - 1, e);
    }

    List<Evaluation> evaluations = readAll(staging, "evaluations", Evaluation.class);
    List<DeadLetter> failures = readAll(staging, "failures", DeadLetter.class);
    evaluations.sort(Comparator.comparingInt(Evaluation::getTrialId));
    if (evaluations.size() != proposals.size()) {
      throw new IllegalStateException("round " + round + " returned " + evaluations.size() + " evaluations for "
          + proposals.size() + " candidates; rerun with --resume to redo it");
    }
    // the history keeps what the same seed reproduces; wall times and cache hits go beside it
    List<Evaluation> history = new ArrayList<>();
    List<Map<String, Object>> timings = new ArrayList<>();
    double trainingSeconds = 0;
    for (Evaluation e : evaluations) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("trialId", e.getTrialId());
      t.put("network", e.getNetwork());
      t.put("trainingSeconds", e.getTrainingSeconds());
      t.put("evaluationSeconds", e.getEvaluationSeconds());
      t.put("cached", e.getCached());
      timings.add(t);
      trainingSeconds += e.getTrainingSeconds();
      history.add(Evaluation.newBuilder(e).setTrainingSeconds(0).setEvaluationSeconds(0).setCached(false).build());
    }
    failures.sort(Comparator.comparing(DeadLetter::getInput));
    AvroFiles.write(folder.roundFailures(round), DeadLetter.class, failures);
    Map<String, Object> roundTimings = new LinkedHashMap<>();
    roundTimings.put("round", round);
    roundTimings.put("seconds", (System.nanoTime() - start) / 1e9);
    roundTimings.put("candidates", timings);
    AtomicFiles.writeString(folder.roundTimings(round), JsonOutput.write(roundTimings));
    AvroFiles.write(folder.roundFile(round), Evaluation.class, history); // last: its presence marks the round done
    deleteTree(staging);
    return new RoundResult(history, trainingSeconds);
  }

  static <T extends org.apache.avro.specific.SpecificRecord> List<T> readAll(Path dir, String prefix, Class<T> type) throws IOException {
    List<T> all = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return all;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith(prefix + "-")).sorted().toList()) {
        all.addAll(AvroFiles.read(f, type));
      }
    }
    return all;
  }

  /**
   * A step that failed on the runner (a worker lost, a cluster out of slots) leaves the finished
   * rounds as they are; the message says so and how to go on. Bad input (e.g. a trace file a
   * worker found corrupt) stays bad input, exit code 2.
   */
  static RuntimeException runnerFailure(String step, int finishedRounds, RuntimeException e) {
    if (BadInput.is(e)) {
      return e;
    }
    return new IllegalStateException(step + " failed on the runner (" + rootCause(e) + "); the " + finishedRounds
        + " finished rounds are kept: rerun with --resume to redo " + (step.startsWith("round") ? "this round" : "it"), e);
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  static void deleteTree(Path dir) {
    RunFolder.deleteTree(dir);
  }


  private static RunManifest manifest(RunConfig config, String kind) {
    return RunManifest.newBuilder()
        .setKind(kind)
        .setBenchmark(config.benchmark())
        .setConfigPath(config.file())
        .setConfigYaml(config.yaml())
        .setConfigSha256(config.sha256())
        .setSeed(config.seed())
        .setAxnasVersion(Versions.AXNAS)
        .setBeamVersion(Versions.beam())
        .setJavaVersion(Versions.java())
        .build();
  }

  private static RunConfig withSeed(RunConfig c, long seed) {
    return new RunConfig(c.file(), c.yaml(), c.benchmark(), c.function(), seed, c.traces(), c.group(), c.errorBound(),
        c.search(), c.training(), c.objective(), c.hardware(), c.regionFraction(), c.selection());
  }
}
