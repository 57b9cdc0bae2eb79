package org.axnas.pipelines.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.axnas.core.Activation;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.EvaluationStatus;
import org.axnas.smac.Hyperband;
import org.axnas.smac.MlpSpace;
import org.axnas.smac.Smac;
import org.axnas.smac.Trial;

/**
 * Multi-fidelity proposals ({@code search.fidelity}): Hyperband brackets of successive halving,
 * one round per rung. A bracket's first rung is new configurations from SMAC, trained with the
 * rung's small budget; each later rung is the best {@code floor(n / eta)} of the rung before by
 * f_perf (ties: the lower trial id; failed candidates never go on), each continuing its own
 * model with the next budget. SMAC's forest learns from the highest budget with enough results
 * ({@link Smac#modelBudget}).
 *
 * <p>Every proposal, promotions included, is a new trial id (a row of the history). The rungs
 * are decided from the evaluations told, in trial order, so the same seed and results give the
 * same brackets on every runner and on {@code --resume}. {@link #propose} returns a whole rung
 * (its k is not used) and nothing once SMAC's budget of new configurations is spent and the last
 * bracket has finished.
 */
final class MultiFidelityProposals implements ProposalSource {
  private final Smac smac;
  private final Hyperband plan;
  private final String resource;
  private final int inputs;
  private final int outputs;
  private final Activation outputActivation;

  private int bracketsStarted;
  private Hyperband.Bracket bracket;
  private int rung = -1;
  /** The current rung: proposals by trial id, with their SMAC trial and, once told, their evaluation. */
  private final TreeMap<Integer, Member> members = new TreeMap<>();
  private int nextTrialId;

  private record Member(Proposal proposal, Trial trial, Evaluation evaluation) {}

  MultiFidelityProposals(Smac smac, Hyperband plan, String resource, int inputs, int outputs, Activation outputActivation) {
    this.smac = smac;
    this.plan = plan;
    this.resource = resource;
    this.inputs = inputs;
    this.outputs = outputs;
    this.outputActivation = outputActivation;
  }

  @Override
  public List<Proposal> propose(int k) {
    for (Member m : members.values()) {
      if (m.evaluation() == null) {
        throw new IllegalStateException("rung " + rung + " of bracket " + (bracketsStarted - 1)
            + " is not finished: trial " + m.proposal().trialId() + " was not told");
      }
    }
    List<Member> promoted = promotions();
    members.clear();
    if (promoted.isEmpty()) {
      return newBracket();
    }
    rung++;
    int budget = bracket.rungs().get(rung).budget();
    // epochs: the continued training adds the difference to the parent's epochs; samples: it trains on more
    List<Proposal> out = new ArrayList<>();
    for (Member m : promoted) {
      Evaluation e = m.evaluation();
      int spent = resource.equals("epochs") ? m.proposal().stage().budget() : 0;
      Proposal p = new Proposal(nextTrialId++, m.proposal().network(), m.proposal().configJson(),
          new Proposal.Stage(resource, bracketsStarted - 1, rung, budget, e.getTrialId(), e.getModelKey(), spent));
      members.put(p.trialId(), new Member(p, m.trial(), null));
      out.add(p);
    }
    return out;
  }

  /** The members of the finished rung that go on to the next one; none after the top rung. */
  private List<Member> promotions() {
    if (bracket == null || rung + 1 >= bracket.rungs().size()) {
      return List.of();
    }
    List<Member> ok = new ArrayList<>();
    for (Member m : members.values()) {
      if (m.evaluation().getStatus() == EvaluationStatus.OK && m.evaluation().getModelKey() != null) {
        ok.add(m);
      }
    }
    ok.sort(Comparator.comparingDouble((Member m) -> -m.evaluation().getFPerf())
        .thenComparingInt(m -> m.proposal().trialId()));
    return List.copyOf(ok.subList(0, Math.min(ok.size(), plan.promoted(members.size()))));
  }

  private List<Proposal> newBracket() {
    Hyperband.Bracket next = plan.bracket(bracketsStarted);
    int budget = next.rungs().get(0).budget();
    List<Trial> trials = smac.ask(next.newConfigurations());
    if (trials.isEmpty()) {
      bracket = null;
      return List.of(); // SMAC's budget of new configurations is spent, or the space is exhausted
    }
    bracket = next;
    rung = 0;
    List<Proposal> out = new ArrayList<>();
    for (Trial t : trials) {
      Proposal p = new Proposal(nextTrialId++, MlpSpace.toNetwork(t.config(), inputs, outputs, outputActivation),
          t.config().toJson(), new Proposal.Stage(resource, bracketsStarted, 0, budget, -1, null, 0));
      members.put(p.trialId(), new Member(p, t, null));
      out.add(p);
    }
    bracketsStarted++;
    return out;
  }

  @Override
  public void tell(Proposal p, Evaluation e) {
    Member m = members.get(p.trialId());
    if (m == null || m.evaluation() != null) {
      throw new IllegalStateException("trial " + p.trialId() + " is not pending in the current rung");
    }
    members.put(p.trialId(), new Member(m.proposal(), m.trial(), e));
    double budget = m.proposal().stage().budget();
    if (m.proposal().stage().rung() == 0) {
      smac.tell(m.trial(), SmacProposals.result(e), budget);
    } else {
      smac.observe(m.trial(), SmacProposals.result(e), budget);
    }
  }

  /** The rounds the plan takes for SMAC's budget of new configurations (an estimate when configurations fail). */
  int plannedRounds(int configurations) {
    return plan.rounds(configurations);
  }

  /** "bracket 2, rung 1 of 3, 622 samples" for the progress line. */
  String where() {
    if (bracket == null) {
      return "";
    }
    Proposal p = members.isEmpty() ? null : members.firstEntry().getValue().proposal();
    return String.format("bracket %d, rung %d of %d, %d %s", bracketsStarted, rung + 1, bracket.rungs().size(),
        p == null ? 0 : p.stage().budget(), resource);
  }

  /** New configurations SMAC has proposed so far. */
  int configurations() {
    return smac.history().size() + smac.pending().size();
  }

  @Override
  public String name() {
    return "smac-multi-fidelity";
  }
}
