package org.axnas.pipelines.search;

import org.axnas.core.Network;

/**
 * A network the search wants evaluated: its trial id, topology and optimiser configuration, and
 * in a multi-fidelity search its {@link Stage} (null otherwise).
 */
public record Proposal(int trialId, Network network, String configJson, Stage stage) {

  public Proposal(int trialId, Network network, String configJson) {
    this(trialId, network, configJson, null);
  }

  /**
   * Where a multi-fidelity proposal stands: its bracket and rung, the rung's budget in the
   * resource's unit ({@code samples}: train samples; {@code epochs}: the epochs setting), and for a
   * promoted one the trial it continues: its model key and the epochs setting that model was
   * trained with (0 when the rungs grow in samples); {@code parentTrialId} is -1 and
   * {@code continueFrom} null in rung 0.
   */
  public record Stage(String resource, int bracket, int rung, int budget, int parentTrialId, String continueFrom,
      int budgetSpent) {}
}
