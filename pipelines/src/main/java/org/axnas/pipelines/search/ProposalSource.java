package org.axnas.pipelines.search;

import java.util.List;
import org.axnas.schemas.Evaluation;

/**
 * Where each round's candidates come from: SMAC, or the paper's fixed topology enumeration.
 * Deterministic: the same seed and the same results told give the same proposals, so a resumed
 * search replays its history through {@link #propose} and {@link #tell} and continues exactly as
 * an uninterrupted one.
 */
public interface ProposalSource {
  /** Up to k new proposals (fewer when the source is exhausted). */
  List<Proposal> propose(int k);

  /** Records the evaluation of a proposal. */
  void tell(Proposal p, Evaluation e);

  /** Name for logs and the manifest: smac or enumeration. */
  String name();
}
