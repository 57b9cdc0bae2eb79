package org.axnas.pipelines.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axnas.core.Activation;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.EvaluationStatus;
import org.axnas.smac.ConfigurationSpace;
import org.axnas.smac.MlpSpace;
import org.axnas.smac.Smac;
import org.axnas.smac.Status;
import org.axnas.smac.Trial;
import org.axnas.smac.TrialResult;

/**
 * SMAC proposes the candidates; it minimises cost = -f_perf (by default; with ParEGO it scalarises
 * the objectives instead, see {@link ProposalSources#builder}). Failed, diverged and timed-out
 * candidates are told as such, so the optimiser never proposes them again.
 */
final class SmacProposals implements ProposalSource {
  private final Smac smac;
  private final int inputs;
  private final int outputs;
  private final Activation outputActivation;
  private final Map<Integer, Trial> pending = new HashMap<>();

  SmacProposals(Smac smac, int inputs, int outputs, Activation outputActivation) {
    this.smac = smac;
    this.inputs = inputs;
    this.outputs = outputs;
    this.outputActivation = outputActivation;
  }

  static ConfigurationSpace space(int maxLayers, int maxNeurons, List<Activation> activations) {
    return MlpSpace.build(maxLayers, maxNeurons, activations);
  }

  @Override
  public List<Proposal> propose(int k) {
    List<Proposal> out = new ArrayList<>();
    for (Trial t : smac.ask(k)) {
      pending.put(t.id(), t);
      out.add(new Proposal(t.id(), MlpSpace.toNetwork(t.config(), inputs, outputs, outputActivation), t.config().toJson()));
    }
    return out;
  }

  @Override
  public void tell(Proposal p, Evaluation e) {
    Trial t = pending.remove(p.trialId());
    if (t == null) {
      throw new IllegalStateException("trial " + p.trialId() + " was not proposed");
    }
    smac.tell(t, result(e));
  }

  /** The objectives SMAC's results carry, by the names ParEGO reads them (all maximised). */
  static final List<String> OBJECTIVES = List.of("accuracy", "speedup", "energyReduction");

  /** What SMAC is told of an evaluation: cost -f_perf and its parts (by the names ParEGO reads), or the failure's status. */
  static TrialResult result(Evaluation e) {
    if (e.getStatus() != EvaluationStatus.OK) {
      return TrialResult.failed(Status.valueOf(e.getStatus().name()), 0);
    }
    Map<String, Double> objectives = new LinkedHashMap<>();
    objectives.put(OBJECTIVES.get(0), e.getAccuracy());
    objectives.put(OBJECTIVES.get(1), e.getSpeedup());
    objectives.put(OBJECTIVES.get(2), e.getEnergyReduction());
    return TrialResult.ok(-e.getFPerf(), objectives, 0);
  }

  @Override
  public String name() {
    return "smac";
  }
}
