package org.axnas.smac;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SyntheticObjectivesTest {

  @Test
  void knownOptimaAreTheEnumeratedOnes() {
    ConfigurationSpace space = MlpSpace.builder().build();
    String[] expected = {
        "{\"layers\":2,\"neurons_1\":24,\"activation_1\":\"tanh\",\"neurons_2\":6,\"activation_2\":\"sigmoid\"}",
        "{\"layers\":2,\"neurons_1\":64,\"activation_1\":\"tanh\",\"neurons_2\":8,\"activation_2\":\"relu\"}",
        "{\"layers\":2,\"neurons_1\":64,\"activation_1\":\"tanh\",\"neurons_2\":21,\"activation_2\":\"relu\"}",
        "{\"layers\":2,\"neurons_1\":9,\"activation_1\":\"tanh\",\"neurons_2\":18,\"activation_2\":\"sigmoid\"}",
    };
    int k = 0;
    for (SyntheticObjectives.Objective o : SyntheticObjectives.all()) {
      double[] best = {Double.POSITIVE_INFINITY};
      Configuration[] at = {null};
      space.forEach(c -> {
        double v = o.applyAsDouble(c);
        if (v < best[0]) {
          best[0] = v;
          at[0] = c;
        }
      });
      assertEquals(o.optimum(), best[0], 1e-15, o.name());
      assertEquals(expected[k++], at[0].toJson(), o.name());
    }
  }
}
