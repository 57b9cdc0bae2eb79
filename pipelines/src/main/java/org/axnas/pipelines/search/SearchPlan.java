package org.axnas.pipelines.search;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.axnas.core.Activation;
import org.axnas.core.Layer;
import org.axnas.core.Network;
import org.axnas.core.OpClass;
import org.axnas.core.OpProfile;
import org.axnas.core.Splits;
import org.axnas.hwsim.HardwareConfig;
import org.axnas.hwsim.SimulationResult;
import org.axnas.hwsim.Simulator;
import org.axnas.kernels.Benchmark;
import org.axnas.kernels.Benchmarks;
import org.axnas.pipelines.TraceCollection;
import org.axnas.pipelines.config.ConfigException;
import org.axnas.pipelines.config.RunConfig;
import org.axnas.pipelines.run.AtomicFiles;
import org.axnas.pipelines.run.AvroFiles;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.pipelines.run.TraceMemory;
import org.axnas.schemas.Candidate;
import org.axnas.schemas.KernelProfile;
import org.axnas.schemas.ParetoEntry;
import org.axnas.schemas.TrainingSpec;
import org.axnas.evaluation.CandidateEvaluator;
import org.axnas.evaluation.Objective;
import org.axnas.evaluation.ScoringSpec;
import org.axnas.smac.ConfigurationSpace;
import org.axnas.smac.MlpSpace;
import org.axnas.smac.Smac;
import org.axnas.smac.TopologyEnumeration;
import org.axnas.trainer.TrainedModel;
import org.axnas.traces.KernelProfiles;
import org.axnas.traces.TraceStore;

/**
 * A search resolved from its config and run folder: traces collected (once), the CPU profile,
 * the hardware, the objective's normalisation, and how to make candidates and score them.
 */
final class SearchPlan {
  private final RunConfig config;
  private final RunFolder folder;
  private final int inputs;
  private final int outputs;
  private final Activation outputActivation;
  private final ScoringSpec scoring;
  private final ConfigurationSpace space;

  private SearchPlan(RunConfig config, RunFolder folder, int inputs, int outputs, Activation outputActivation,
      ScoringSpec scoring) {
    this.config = config;
    this.folder = folder;
    this.inputs = inputs;
    this.outputs = outputs;
    this.outputActivation = outputActivation;
    this.scoring = scoring;
    this.space = SmacProposals.space(config.search().maxLayers(), config.search().maxNeurons(), config.search().activations());
  }

  /** What is read and checked before anything is written: the hardware and a user's traces. */
  record Inputs(Path hardwarePath, String hardwareYaml, HardwareConfig hardware, Path userTraceFile, UserTraces.Read userTraces) {}

  static Inputs validate(RunConfig config) {
    try {
      Path hardwarePath = resolve(config.hardware(), config.file(), "hardware");
      String hardwareYaml = Files.readString(hardwarePath);
      HardwareConfig hardware = HardwareConfig.parse(hardwareYaml, hardwarePath.toString());
      if (config.traces().inputFile() != null) {
        resolve(config.traces().inputFile(), config.file(), "traces.input");
      }
      Path traceFile = null;
      UserTraces.Read read = null;
      if (config.isUserFunction()) {
        traceFile = resolve(config.function().traces(), config.file(), "function.traces");
        read = UserTraces.read(traceFile, config.benchmark(), config.function(), config.traces().dropNonFinite());
        int in = read.samples().get(0).getInput().size();
        int out = read.samples().get(0).getOutput().size();
        if (in == 0 || out == 0) {
          throw new ConfigException(traceFile.toString(), null, "samples need at least one input and one output value");
        }
      }
      return new Inputs(hardwarePath, hardwareYaml, hardware, traceFile, read);
    } catch (IOException e) {
      throw new ConfigException(config.file(), "hardware", "cannot read: " + e.getMessage());
    }
  }

  /**
   * Refuses up front a config whose traces would not fit in this JVM's memory, saying what to
   * change, instead of failing (or, on the DirectRunner, hanging after an OutOfMemoryError) halfway.
   */
  static void checkMemory(RunConfig config, Inputs in, PipelineOptions options, long maxHeapBytes) {
    TraceShape t = in.userTraces() != null
        ? new TraceShape(in.userTraces().samples().size(), in.userTraces().samples().get(0).getInput().size(),
            in.userTraces().samples().get(0).getOutput().size())
        : builtInTraces(config);
    boolean collectedHere = TraceMemory.collectsInThisJvm(options);
    long perSample = TraceMemory.peakBytes(1, t.values(), collectedHere);
    long fits = Math.max(0, TraceMemory.usable(maxHeapBytes) / perSample);
    TraceMemory.check(config.file(), in.userTraces() != null ? "function.traces" : "traces.samples",
        (double) t.samples() * perSample, maxHeapBytes,
        String.format(java.util.Locale.ROOT, "%d samples of %d values (%d in, %d out) %s", t.samples(), t.values(),
            t.inputs(), t.outputs(), collectedHere ? "to collect and split in this JVM" : "for the driver to read the splits"),
        in.userTraces() != null ? "use a trace file of at most " + fits + " samples"
            : "lower traces.samples to at most " + fits);
  }

  /** How many samples of how many values a run's traces hold. */
  record TraceShape(long samples, int inputs, int outputs) {
    int values() {
      return inputs + outputs;
    }
  }

  /** The traces of a built-in benchmark of {@code config}, or null for a user function's trace file. */
  static TraceShape builtInTraces(RunConfig config) {
    if (config.isUserFunction()) {
      return null;
    }
    Benchmark b = Benchmarks.byName(config.benchmark());
    return new TraceShape(config.traces().samples(), b.inputWidth(), b.outputWidth());
  }

  /**
   * @param cache the evaluation cache folder, or null for the run folder's {@code models/}; runs
   *     that share one (e.g. both error-bound groups of a benchmark) never train a network twice
   */
  static SearchPlan prepare(RunConfig config, Inputs in, RunFolder folder, Path cache, PipelineOptions options,
      PrintStream log) throws IOException {
    Path hardwarePath = in.hardwarePath();
    String hardwareYaml = in.hardwareYaml();
    HardwareConfig hardware = in.hardware();

    ensureTraces(config, in, folder, options, log);
    int inputs;
    int outputs;
    Activation outAct;
    OpProfile cpu;
    String metric;
    if (config.isUserFunction()) {
      var f = config.function();
      cpu = userProfile(f, hardware);
      metric = f.metric();
      outAct = f.outputActivation();
    } else {
      List<KernelProfile> p = AvroFiles.read(folder.traces().resolve("profile.avro"), KernelProfile.class, recollect(folder));
      cpu = KernelProfiles.toOpProfile(p.get(0));
      metric = "";
      outAct = Benchmarks.byName(config.benchmark()).outputActivation();
    }
    var train = loadSplit(folder, "train");
    loadSplit(folder, "validation"); // every split checked now, not on a worker or after the last round
    loadSplit(folder, "test");
    inputs = train.inWidth();
    outputs = train.outWidth();

    Objective objective = objective(config, hardware, inputs, outputs, outAct, cpu);
    if (config.selection().minEnergyReduction() > objective.energyRef()) {
      throw new ConfigException(config.file(), "selection.minEnergyReduction", String.format(java.util.Locale.ROOT,
          "%s is more than any network of the search space can reach on %s (at most %.3f, with one hidden neuron); "
              + "lower it", config.selection().minEnergyReduction(), hardwarePath, objective.energyRef()));
    }
    ScoringSpec spec = new ScoringSpec(config.benchmark(), metric, config.group(), config.errorBound(), objective,
        hardwareYaml, hardwarePath.toString(), cpu.toArray(), folder.traces().toString(), "validation",
        (cache == null ? folder.models() : cache.toAbsolutePath().normalize()).toString());
    spec.errorMetric();
    return new SearchPlan(config, folder, inputs, outputs, outAct, spec);
  }

  /** A split of the run's traces; a corrupt or truncated trace file is refused, naming it and the remedy. */
  private static org.axnas.trainer.Dataset loadSplit(RunFolder folder, String split) {
    org.axnas.trainer.Dataset d;
    try {
      d = TraceStore.load(folder.traces().toString(), split);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(folder.traces().toString(), null, e.getMessage() + "; " + recollect(folder));
    }
    // a file cut at a block boundary reads as a shorter whole file: the marker holds the counts written
    long written = writtenCount(folder, split);
    if (written >= 0 && written != d.size()) {
      throw new ConfigException(folder.traces().resolve(split + "-*.avro").toString(), null, "hold " + d.size() + " samples but "
          + written + " were written (" + folder.tracesDone().getFileName() + "); " + recollect(folder));
    }
    return d;
  }

  /** The sample count of a split recorded in the traces' _SUCCESS marker, or -1. */
  private static long writtenCount(RunFolder folder, String split) {
    try {
      for (String part : Files.readString(folder.tracesDone()).trim().split("\\s+")) {
        if (part.startsWith(split + "=")) {
          return Long.parseLong(part.substring(split.length() + 1));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  private static String recollect(RunFolder folder) {
    return "the traces are deterministic: remove " + folder.tracesDone() + " and --resume collects them again";
  }

  /**
   * A user's function is priced by its operation profile when given; a bare cycles figure is
   * priced as that many cycles of integer work on the configured core (its energy per cycle is
   * the integer unit's), the closest the CPU table has to "a cycle of average work".
   */
  static OpProfile userProfile(RunConfig.UserFunction f, HardwareConfig hw) {
    if (!f.opsPerInvocation().isEmpty()) {
      return OpProfile.of(f.opsPerInvocation());
    }
    double cyclesPerInt = hw.cpu().op(OpClass.INT).cycles();
    return OpProfile.of(Map.of(OpClass.INT, f.cyclesPerInvocation() / cyclesPerInt));
  }

  /**
   * P_speed and P_energy are normalised by the speedup and energy reduction of the smallest
   * network of the space (one hidden neuron, each allowed activation: the best any candidate can
   * reach), so the three terms of f_perf are all in [0, 1].
   */
  static Objective objective(RunConfig config, HardwareConfig hw, int inputs, int outputs, Activation outAct, OpProfile cpu) {
    double bestSpeedup = 0;
    double bestEnergy = 0;
    for (Activation a : config.search().activations()) {
      Network smallest = new Network(inputs, List.of(new Layer(1, a)), outputs, outAct);
      SimulationResult r = Simulator.simulate(smallest, hw, cpu);
      bestSpeedup = Math.max(bestSpeedup, r.speedup());
      bestEnergy = Math.max(bestEnergy, r.energyReduction());
    }
    return new Objective(config.objective().alpha(), config.objective().beta(), config.objective().epsilon(),
        Math.max(bestSpeedup, 1e-9), Math.max(bestEnergy, 1e-9));
  }

  private static void ensureTraces(RunConfig config, Inputs in, RunFolder folder, PipelineOptions options, PrintStream log)
      throws IOException {
    if (Files.exists(folder.tracesDone())) {
      return;
    }
    SearchDriver.deleteTree(folder.traces()); // a killed collection is redone whole: traces are deterministic
    long start = System.nanoTime();
    Splits splits = new Splits(config.traces().train(), config.traces().validation(), config.seed());
    Pipeline p = Pipeline.create(options);
    long loaded = 0;
    long droppedOnRead = 0;
    if (config.isUserFunction()) {
      Path file = in.userTraceFile();
      UserTraces.Read read = in.userTraces();
      loaded = read.samples().size();
      droppedOnRead = read.nonFinite();
      if (read.nonFinite() > 0) {
        log.printf("dropped %d samples with NaN/Inf from %s%n", read.nonFinite(), file);
      }
      TraceCollection.splitAndWrite(p, read.samples(), config.benchmark(), splits, folder.dir());
    } else {
      String input = config.traces().inputFile() == null ? null
          : resolve(config.traces().inputFile(), config.file(), "traces.input").toString();
      TraceCollection.addTo(p, config.benchmark(), new TraceCollection.Source(config.seed(), config.traces().samples(), input),
          splits, folder.dir());
    }
    PipelineResult result;
    PipelineResult.State state;
    try {
      result = p.run();
      state = result.waitUntilFinish();
    } catch (RuntimeException e) {
      throw SearchDriver.runnerFailure("the traces stage", 0, e);
    }
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the traces pipeline ended " + state + "; rerun with --resume to collect them again");
    }
    TraceCollection.Counts c = TraceCollection.counts(result, config.benchmark());
    c = new TraceCollection.Counts(c.train(), c.validation(), c.test(), c.failed() + droppedOnRead);
    if (c.failed() > 0 && !config.traces().dropNonFinite()) {
      throw new ConfigException(config.file(), "traces.nonFinite",
          c.failed() + " samples hold NaN or infinity and the config says refuse; set nonFinite: drop to drop them");
    }
    if (c.train() == 0 || c.validation() == 0) {
      throw new ConfigException(config.file(), "traces.samples",
          "the split left " + c.train() + " train and " + c.validation() + " validation samples; give more samples");
    }
    AtomicFiles.writeString(folder.tracesDone(), "train=" + c.train() + " validation=" + c.validation() + " test=" + c.test()
        + " failed=" + c.failed() + (loaded > 0 ? " loaded=" + loaded : "") + "\n");
    log.printf("traces: %d train, %d validation, %d test samples (%d dropped) in %.1f s%n",
        c.train(), c.validation(), c.test(), c.failed(), (System.nanoTime() - start) / 1e9);
  }

  /**
   * A path from a config: as given, or relative to the axnas installation; absolute, because
   * workers (Flink TaskManagers) do not share the command's working directory.
   */
  static Path resolve(String path, String configFile, String field) {
    Path p = Path.of(path);
    if (Files.exists(p)) {
      return p.toAbsolutePath().normalize();
    }
    String home = System.getProperty("axnas.home");
    if (!p.isAbsolute() && home != null && Files.exists(Path.of(home).resolve(p))) {
      return Path.of(home).resolve(p);
    }
    throw new ConfigException(configFile, field, "no such file: " + path);
  }

  ProposalSource smac() {
    Smac.Builder b = Smac.builder(space).seed(config.seed()).budget(config.search().budget())
        .randomProbability(config.search().randomProbability());
    if (config.search().initialDesign() > 0) {
      b = b.initialDesignSize(config.search().initialDesign());
    }
    return new SmacProposals(b.build(), inputs, outputs, outputActivation);
  }

  EnumerationProposals enumeration() {
    List<Activation> acts = config.search().activations().contains(Activation.SIGMOID)
        ? List.of(Activation.SIGMOID) : List.of(config.search().activations().get(0));
    return new EnumerationProposals(TopologyEnumeration.of(space, acts), inputs, outputs, outputActivation);
  }

  int budget(boolean enumerate) {
    return enumerate ? enumeration().size() : config.search().budget();
  }

  ScoringSpec scoring() {
    return scoring;
  }

  String modelDir() {
    return scoring.modelDir();
  }

  Candidate candidate(Proposal p, int round) {
    RunConfig.Training t = config.training();
    TrainingSpec spec = TrainingSpec.newBuilder()
        .setEpochs(t.epochs())
        .setBatchSize(t.batchSize())
        .setOptimizer(t.optimizer())
        .setLearningRate(t.learningRate())
        .setPatience(t.patience())
        .setBackend(t.backend())
        .setTimeLimitSeconds(t.timeLimitSeconds())
        .build();
    return Candidate.newBuilder()
        .setTrialId(p.trialId())
        .setRound(round)
        .setNetwork(p.network().notation())
        .setConfig(p.configJson())
        .setSeed(trainingSeed(config.seed(), p.network().notation()))
        .setTraining(spec)
        .build();
  }

  /**
   * The training seed depends on the run seed and the network only, so the same network trains
   * to the same weights in any search with that seed (the evaluation cache relies on it).
   */
  static long trainingSeed(long runSeed, String network) {
    long z = runSeed * 0x9E3779B97F4A7C15L + network.hashCode();
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
