package org.axnas.pipelines.search;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.beam.sdk.options.PipelineOptions;
import org.axnas.core.Activation;
import org.axnas.core.OpProfile;
import org.axnas.evaluation.CpuWorkloads;
import org.axnas.evaluation.HardwareFigures;
import org.axnas.evaluation.Objective;
import org.axnas.evaluation.ScoringSpec;
import org.axnas.kernels.Benchmarks;
import org.axnas.pipelines.config.ConfigException;
import org.axnas.pipelines.config.RunConfig;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.trainer.Dataset;

/**
 * A search resolved from its config and run folder, every part checked before the first round:
 * how candidates are proposed ({@link ProposalSources}), made ({@link CandidateFactory}) and
 * scored ({@link ScoringSpec}). Each job has its class: the inputs ({@link RunInputs}), the heap
 * ({@link MemoryCheck}), the traces and the function's CPU profile ({@link RunTraces}), the
 * objective's normalisation ({@link ObjectiveNormalisation}), the training settings
 * ({@link CandidateTraining}); the Pareto set is the evaluation module's {@code ParetoSet}.
 */
record SearchPlan(ProposalSources proposals, CandidateFactory candidates, ScoringSpec scoring) {

  /**
   * Collects the traces (once) and resolves the rest.
   *
   * @param cache the evaluation cache folder, or null for the run folder's {@code models/}; runs
   *     that share one (e.g. both error-bound groups of a benchmark) never train a network twice
   */
  static SearchPlan prepare(RunConfig config, RunInputs in, RunFolder folder, Path cache, PipelineOptions options,
      PrintStream log) throws IOException {
    RunTraces.ensureCollected(config, in, folder, options, log);
    OpProfile cpu = RunTraces.cpuProfile(config, in.hardware(), folder);
    String metric = config.isUserFunction() ? config.function().metric() : "";
    Activation outAct = config.isUserFunction() ? config.function().outputActivation()
        : Benchmarks.byName(config.benchmark()).outputActivation();
    Dataset train = RunTraces.loadSplit(folder, "train");
    RunTraces.loadSplit(folder, "validation"); // every split checked now, not on a worker or after the last round
    RunTraces.loadSplit(folder, "test");
    int inputs = train.inWidth();
    int outputs = train.outWidth();

    if (config.search().multiFidelity()) {
      checkFidelity(config, train.size());
    }
    double[] mix = config.isUserFunction() ? CpuWorkloads.byOrdinal(config.function().instructionMix()) : new double[0];
    Objective objective = ObjectiveNormalisation.objective(config, in.hardware(), inputs, outputs, outAct,
        CpuWorkloads.of(in.hardware(), config.benchmark(), cpu.toArray(), mix));
    ObjectiveNormalisation.checkReachable(config, objective, in.hardwarePath());
    ScoringSpec spec = new ScoringSpec(config.benchmark(), metric, config.group(), config.errorBound(), objective,
        in.hardwareYaml(), in.hardwarePath().toString(), cpu.toArray(), folder.traces().toString(), "validation",
        (cache == null ? folder.models() : cache.toAbsolutePath().normalize()).toString(), mix);
    spec.errorMetric(); // an unknown metric fails here, not on a worker
    return new SearchPlan(new ProposalSources(config, inputs, outputs, outAct, train.size(),
        new HardwareFigures(spec, in.hardware())),
        new CandidateFactory(config.seed(), CandidateTraining.of(config)), spec);
  }

  /** {@code search.fidelity} against the train split: a rung cannot have more samples than there are. */
  private static void checkFidelity(RunConfig config, int trainSamples) {
    RunConfig.Fidelity f = config.search().fidelity();
    RunConfig.Fidelity r = f.resolved(trainSamples);
    if (f.samples() && r.max() > trainSamples) {
      throw new ConfigException(config.file(), "search.fidelity.max", "the train split has " + trainSamples
          + " samples, fewer than " + r.max() + "; leave max out to use them all");
    }
    if ((long) r.min() * r.eta() > r.max()) {
      throw new ConfigException(config.file(), "search.fidelity.min", "must be at most max / eta = " + r.max() / r.eta()
          + " (max " + r.max() + (f.max() == 0 ? ", the train split" : "") + ", eta " + r.eta() + "), or there is only "
          + "one rung; got " + r.min());
    }
  }

  String modelDir() {
    return scoring.modelDir();
  }
}
