package org.axnas.pipelines.search;

import org.axnas.core.Seeds;
import org.axnas.schemas.Candidate;
import org.axnas.schemas.TrainingSpec;

/** Makes the candidates of a run's rounds: a proposal, its round, its training settings and its own seed. */
final class CandidateFactory {
  private final long runSeed;
  private final CandidateTraining training;

  CandidateFactory(long runSeed, CandidateTraining training) {
    this.runSeed = runSeed;
    this.training = training;
  }

  Candidate candidate(Proposal p, int round) {
    Candidate.Builder c = Candidate.newBuilder()
        .setTrialId(p.trialId())
        .setRound(round)
        .setNetwork(p.network().notation())
        .setConfig(p.configJson())
        // the same network trains to the same weights in any search with this seed (the model cache relies on it)
        .setSeed(Seeds.trainingSeed(runSeed, p.network().notation()))
        .setTraining(training.spec());
    Proposal.Stage stage = p.stage();
    if (stage != null) {
      // multi-fidelity: the rung's budget is the number of train samples or the training's epochs setting
      if (stage.resource().equals("samples")) {
        c.setTrainSamples(stage.budget());
      } else {
        c.setTraining(TrainingSpec.newBuilder(training.spec()).setEpochs(stage.budget()).build());
      }
      c.setFidelity(stage.budget())
          .setBracket(stage.bracket())
          .setRung(stage.rung())
          .setParentTrialId(stage.parentTrialId())
          .setContinueFrom(stage.continueFrom())
          .setBudgetSpent(stage.budgetSpent());
    }
    return c.build();
  }
}
