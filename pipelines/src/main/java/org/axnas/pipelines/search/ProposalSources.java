package org.axnas.pipelines.search;

import java.util.List;
import org.axnas.core.Activation;
import org.axnas.pipelines.config.RunConfig;
import org.axnas.smac.ConfigurationSpace;
import org.axnas.smac.Hyperband;
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

  ProposalSources(RunConfig config, int inputs, int outputs, Activation outputActivation, int trainSamples) {
    this.config = config;
    this.space = SmacProposals.space(config.search().maxLayers(), config.search().maxNeurons(), config.search().activations());
    this.inputs = inputs;
    this.outputs = outputs;
    this.outputActivation = outputActivation;
    this.trainSamples = trainSamples;
  }

  /** SMAC, or with {@code search.fidelity} SMAC in Hyperband brackets. */
  ProposalSource smac() {
    if (config.search().multiFidelity()) {
      RunConfig.Fidelity f = config.search().fidelity().resolved(trainSamples);
      return new MultiFidelityProposals(builder(config).build(), hyperband(f), f.resource(), inputs, outputs,
          outputActivation);
    }
    return new SmacProposals(builder(config).build(), inputs, outputs, outputActivation);
  }

  static Hyperband hyperband(RunConfig.Fidelity f) {
    return new Hyperband(f.min(), f.max(), f.eta(), f.brackets().equals("successive-halving"));
  }

  /** SMAC as the run-config sets it up. */
  static Smac.Builder builder(RunConfig config) {
    Smac.Builder b = Smac.builder(SmacProposals.space(config.search().maxLayers(), config.search().maxNeurons(),
            config.search().activations())).seed(config.seed()).budget(config.search().budget())
        .randomProbability(config.search().randomProbability());
    if (config.search().initialDesign() > 0) {
      b = b.initialDesignSize(config.search().initialDesign());
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
