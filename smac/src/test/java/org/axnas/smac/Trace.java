package org.axnas.smac;

public class Trace {
  public static void main(String[] args) {
    ConfigurationSpace space = MlpSpace.builder().build();
    long seed = Long.parseLong(args[0]);
    SyntheticObjectives.Objective o = SyntheticObjectives.all().stream().filter(x -> x.name().startsWith(args[1])).findFirst().orElseThrow();
    Smac smac = Smac.builder(space).seed(seed).budget(60).build();
    while (!smac.isDone()) {
      for (Trial t : smac.ask(1)) {
        double c = o.applyAsDouble(t.config());
        smac.tell(t, TrialResult.ok(c));
        System.out.printf("%2d %.4f %s%n", t.id(), c, t.config().toJson().replace("\"", "").replace("activation_", "a").replace("neurons_", "n"));
      }
    }
  }
}
