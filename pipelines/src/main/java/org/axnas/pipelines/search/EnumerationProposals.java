package org.axnas.pipelines.search;

import java.util.ArrayList;
import java.util.List;
import org.axnas.core.Activation;
import org.axnas.schemas.Evaluation;
import org.axnas.smac.Configuration;
import org.axnas.smac.MlpSpace;

/** The paper's baseline: every topology of the fixed enumeration, in its order. */
final class EnumerationProposals implements ProposalSource {
  private final List<Configuration> order;
  private final int inputs;
  private final int outputs;
  private final Activation outputActivation;
  private int next;

  EnumerationProposals(List<Configuration> order, int inputs, int outputs, Activation outputActivation) {
    this.order = List.copyOf(order);
    this.inputs = inputs;
    this.outputs = outputs;
    this.outputActivation = outputActivation;
  }

  int size() {
    return order.size();
  }

  @Override
  public List<Proposal> propose(int k) {
    List<Proposal> out = new ArrayList<>();
    while (out.size() < k && next < order.size()) {
      Configuration c = order.get(next);
      out.add(new Proposal(next, MlpSpace.toNetwork(c, inputs, outputs, outputActivation), c.toJson()));
      next++;
    }
    return out;
  }

  @Override
  public void tell(Proposal p, Evaluation e) {
    // the enumeration does not learn
  }

  @Override
  public String name() {
    return "enumeration";
  }
}
