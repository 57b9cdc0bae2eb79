package org.axnas.pipelines.search;

import java.util.ArrayList;
import java.util.List;
import org.axnas.core.Activation;
import org.axnas.core.Network;
import org.axnas.evaluation.HardwareFigures;
import org.axnas.hwsim.SimulationResult;
import org.axnas.pipelines.config.ConfigException;
import org.axnas.pipelines.config.RunConfig;
import org.axnas.smac.Configuration;
import org.axnas.smac.ConfigurationSpace;
import org.axnas.smac.ExpectedHypervolumeImprovement;
import org.axnas.smac.Hyperband;
import org.axnas.smac.MlpSpace;
import org.axnas.smac.Observation;
import org.axnas.smac.ParEgo;
import org.axnas.smac.Smac;
import org.axnas.smac.TopologyEnumeration;

/** Where a run's candidates come from: SMAC over the config's search space, or the paper's enumeration baseline. */
final class ProposalSources {
  private final RunConfig config;
  private final ConfigurationSpace space;
  private final int inputs;
  private final int outputs;
  private final Activation outputActivation;
  private final int trainSamples;
  private final HardwareFigures hardware;

  /** @param hardware the run's hardware figures, as its evaluations compute them (EHVI looks them up before training) */
  ProposalSources(RunConfig config, int inputs, int outputs, Activation outputActivation, int trainSamples,
      HardwareFigures hardware) {
    this.config = config;
    this.hardware = hardware;
    this.space = SmacProposals.space(config.search().maxLayers(), config.search().maxNeurons(), config.search().activations());
    this.inputs = inputs;
    this.outputs = outputs;
    this.outputActivation = outputActivation;
    this.trainSamples = trainSamples;
    for (String given : config.search().initial()) {
      Network n = Network.parse(given);
      String fitting = new Network(inputs, n.hidden(), outputs, outputActivation).notation();
      if (!fitting.equals(n.notation())) { // a built-in benchmark's were checked when the config was read
        throw new ConfigException(config.file(), "search.initial", "'" + given + "' does not fit the traces, whose "
            + "networks read " + fitting + " (their inputs, the hidden layers, their outputs)");
      }
    }
  }

  /** SMAC, or with {@code search.fidelity} SMAC in Hyperband brackets. */
  ProposalSource smac() {
    return smac(List.of());
  }

  /** SMAC that has learnt from {@code warmStart} (earlier evaluations, see {@link WarmStart}) first. */
  ProposalSource smac(List<Observation> warmStart) {
    Smac smac = builder(config).warmStart(warmStart).build();
    if (config.search().multiFidelity()) {
      RunConfig.Fidelity f = config.search().fidelity().resolved(trainSamples);
      return new MultiFidelityProposals(smac, hyperband(f), f.resource(), inputs, outputs, outputActivation);
    }
    return new SmacProposals(smac, inputs, outputs, outputActivation);
  }

  static Hyperband hyperband(RunConfig.Fidelity f) {
    return new Hyperband(f.min(), f.max(), f.eta(), f.brackets().equals("successive-halving"));
  }

  /**
   * SMAC as {@code config} (this run's, or one differing in seed, budget or search settings) sets
   * it up: {@code search.proposals} (f_perf as the cost, ParEGO over accuracy, speedup and energy
   * reduction, or EHVI of the front with speedup and energy reduction from this run's hardware) and
   * {@code search.initial} (networks evaluated first).
   */
  Smac.Builder builder(RunConfig config) {
    Smac.Builder b = settings(config);
    if (config.search().proposals().equals("ehvi")) {
      b = b.expectedHypervolumeImprovement(ExpectedHypervolumeImprovement.maximising(SmacProposals.OBJECTIVES.get(0),
          SmacProposals.OBJECTIVES.subList(1, 3), this::hardwareObjectives));
    }
    return b;
  }

  /** The number of configurations of SMAC's initial design under {@code config}. */
  static int initialDesignSize(RunConfig config) {
    return settings(config).initialDesignSize();
  }

  /** Speedup and energy reduction of a configuration's network: what its evaluation will report. */
  private double[] hardwareObjectives(Configuration c) {
    SimulationResult r = hardware.simulate(MlpSpace.toNetwork(c, inputs, outputs, outputActivation));
    return new double[] {r.speedup(), r.energyReduction()};
  }

  /** Everything {@link #builder} sets but EHVI's hardware objectives. */
  private static Smac.Builder settings(RunConfig config) {
    ConfigurationSpace space = SmacProposals.space(config.search().maxLayers(), config.search().maxNeurons(),
        config.search().activations());
    Smac.Builder b = Smac.builder(space).seed(config.seed()).budget(config.search().budget())
        .randomProbability(config.search().randomProbability());
    if (config.search().initialDesign() > 0) {
      b = b.initialDesignSize(config.search().initialDesign());
    }
    if (config.search().proposals().equals("parego")) {
      b = b.parEgo(ParEgo.maximising(SmacProposals.OBJECTIVES));
    }
    if (!config.search().initial().isEmpty()) {
      List<Configuration> first = new ArrayList<>();
      for (String network : config.search().initial()) {
        first.add(MlpSpace.fromNetwork(space, Network.parse(network))); // checked when the config was read
      }
      b = b.additionalConfigurations(first);
    }
    return b;
  }

  EnumerationProposals enumeration() {
    List<Activation> acts = config.search().activations().contains(Activation.SIGMOID)
        ? List.of(Activation.SIGMOID) : List.of(config.search().activations().get(0));
    return new EnumerationProposals(TopologyEnumeration.of(space, acts), inputs, outputs, outputActivation);
  }

  int budget(boolean enumerate) {
    return enumerate ? enumeration().size() : config.search().budget();
  }
}
