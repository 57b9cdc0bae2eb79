package org.axnas.pipelines.search;

import org.axnas.core.Seeds;
import org.axnas.schemas.Candidate;

/** Makes the candidates of a run's rounds: a proposal, its round, its training settings and its own seed. */
final class CandidateFactory {
  private final long runSeed;
  private final CandidateTraining training;

  CandidateFactory(long runSeed, CandidateTraining training) {
    this.runSeed = runSeed;
    this.training = training;
  }

  Candidate candidate(Proposal p, int round) {
    return Candidate.newBuilder()
        .setTrialId(p.trialId())
        .setRound(round)
        .setNetwork(p.network().notation())
        .setConfig(p.configJson())
        .setSeed(trainingSeed(runSeed, p.network().notation()))
        .setTraining(training.spec())
        .build();
  }

  /** {@link Seeds#trainingSeed}: the same network trains to the same weights in any search with this seed. */
  static long trainingSeed(long runSeed, String network) {
    return Seeds.trainingSeed(runSeed, network);
  }
}
