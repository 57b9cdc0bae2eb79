package org.axnas.smac;

import java.util.*;

public class Landscape {
  public static void main(String[] args) {
    ConfigurationSpace space = MlpSpace.builder().build();
    for (SyntheticObjectives.Objective o : SyntheticObjectives.all()) {
      List<Double> v = new ArrayList<>();
      // weight by sampling law: sample 200k
      SplittableRandom r = new SplittableRandom(1);
      for (int i = 0; i < 200000; i++) v.add(o.applyAsDouble(space.sample(r)));
      Collections.sort(v);
      System.out.printf("%s optimum %.4f; sampling-law quantiles: 0.1%% %.4f 0.5%% %.4f 1%% %.4f 2%% %.4f 5%% %.4f 50%% %.4f%n", o.name(), o.optimum(),
          v.get(200), v.get(1000), v.get(2000), v.get(4000), v.get(10000), v.get(100000));
    }
  }
}
