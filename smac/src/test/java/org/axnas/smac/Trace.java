package org.axnas.smac;

public class Trace {
  public static void main(String[] args) {
    ConfigurationSpace space = MlpSpace.builder().build();
    long seed = Long.parseLong(args[0]);
    Smac smac = Smac.builder(space).seed(seed).budget(60).build();
    while (!smac.isDone()) {
      for (Trial t : smac.ask(1)) {
        double c = (args.length > 1 ? SyntheticObjectives.accuracyVersusMacs() : SyntheticObjectives.layeredTarget()).applyAsDouble(t.config());
        smac.tell(t, TrialResult.ok(c));
        System.out.printf("%2d %.4f %s%n", t.id(), c, t.config());
      }
    }
  }
}
