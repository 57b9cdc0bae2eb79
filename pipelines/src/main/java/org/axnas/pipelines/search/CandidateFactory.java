package org.axnas.pipelines.search;

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
