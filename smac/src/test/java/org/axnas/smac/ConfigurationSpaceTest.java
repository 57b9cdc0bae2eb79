package org.axnas.smac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConfigurationSpaceTest {
  private final ConfigurationSpace mlp = MlpSpace.builder().learningRate(1e-4, 1e-1).batchSize(16, 512).build();

  private Configuration oneLayer() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("layers", 1);
    v.put("neurons_1", 8);
    v.put("activation_1", "tanh");
    v.put("learning_rate", 0.01);
    v.put("batch_size", 64);
    return mlp.configuration(v);
  }

  @Test
  void inactiveParametersEncodeAsOneFixedOutOfRangeValue() {
    double[] x = mlp.encode(oneLayer());
    List<Hyperparameter> ps = mlp.parameters();
    assertEquals(List.of("layers", "neurons_1", "activation_1", "neurons_2", "activation_2", "learning_rate", "batch_size"),
        ps.stream().map(Hyperparameter::name).toList());
    assertEquals(ConfigurationSpace.INACTIVE, x[3]);
    assertEquals(ConfigurationSpace.INACTIVE, x[4]);
    // active numbers land in [0, 1]; the category is its index (tanh is the third choice)
    for (int i : new int[] {0, 1, 5, 6}) {
      assertTrue(x[i] >= 0 && x[i] <= 1, "feature " + i + " = " + x[i]);
    }
    assertEquals(2.0, x[2]);
    // every active value of every sampled configuration stays clear of the inactive marker
    SplittableRandom random = new SplittableRandom(1);
    for (int k = 0; k < 1000; k++) {
      Configuration c = mlp.sample(random);
      double[] e = mlp.encode(c);
      for (int i = 0; i < e.length; i++) {
        boolean active = c.has(ps.get(i).name());
        assertEquals(!active, e[i] == ConfigurationSpace.INACTIVE, c + " feature " + i);
        assertTrue(!active || e[i] >= 0);
      }
    }
    assertEquals(List.of(0, 0, 3, 0, 3, 0, 0), java.util.Arrays.stream(mlp.categories()).boxed().toList());
  }

  @Test
  void log_scaled_integers_map_monotonically_and_decode_back() {
    IntegerHyperparameter n = IntegerHyperparameter.log("n", 1, 128);
    double previous = -1;
    for (int v = 1; v <= 128; v++) {
      double u = n.encode(v);
      assertTrue(u > previous && u > 0 && u < 1);
      assertEquals(v, n.fromUnit(u));
      previous = u;
    }
    assertEquals(1, n.fromUnit(0.0));
    assertEquals(128, n.fromUnit(1.0));
    assertEquals(11, n.defaultValue());
  }

  @Test
  void jsonRoundTripKeepsValuesAndKeyOrder() {
    SplittableRandom random = new SplittableRandom(7);
    for (int k = 0; k < 500; k++) {
      Configuration c = mlp.sample(random);
      String json = c.toJson();
      Configuration back = mlp.fromJson(json);
      assertEquals(c, back);
      assertEquals(c.hashCode(), back.hashCode());
      assertEquals(json, back.toJson());
      assertEquals(List.copyOf(c.values().keySet()), List.copyOf(back.values().keySet()));
    }
    assertEquals("{\"layers\":1,\"neurons_1\":8,\"activation_1\":\"tanh\",\"learning_rate\":0.01,\"batch_size\":64}",
        oneLayer().toJson());
    // whitespace, any key order and integral numbers written as reals are accepted
    assertEquals(oneLayer(), mlp.fromJson(
        " { \"batch_size\" : 64.0, \"activation_1\":\"tanh\", \"layers\":1,\"neurons_1\":8,\"learning_rate\":1.0E-2}"));
  }

  @Test
  void categoricalChoicesWithQuotesSurviveJson() {
    ConfigurationSpace s = ConfigurationSpace.builder()
        .add(CategoricalHyperparameter.of("odd", List.of("a\"b", "c\\d", "e\nf"))).build();
    for (Configuration c : s.enumerate()) {
      assertEquals(c, s.fromJson(c.toJson()));
    }
  }

  @Test
  void configurationsAreCheckedAgainstTheSpace() {
    Map<String, Object> v = new LinkedHashMap<>(oneLayer().values());
    v.put("neurons_2", 4);
    assertThrows(IllegalArgumentException.class, () -> mlp.configuration(v), "inactive parameter with a value");
    Map<String, Object> w = new LinkedHashMap<>(oneLayer().values());
    w.put("layers", 2);
    assertThrows(IllegalArgumentException.class, () -> mlp.configuration(w), "active parameter without value");
    Map<String, Object> x = new LinkedHashMap<>(oneLayer().values());
    x.put("neurons_1", 129);
    assertThrows(IllegalArgumentException.class, () -> mlp.configuration(x));
    Map<String, Object> y = new LinkedHashMap<>(oneLayer().values());
    y.put("activation_1", "softmax");
    assertThrows(IllegalArgumentException.class, () -> mlp.configuration(y));
    Map<String, Object> z = new LinkedHashMap<>(oneLayer().values());
    z.put("dropout", 0.5);
    assertThrows(IllegalArgumentException.class, () -> mlp.configuration(z));
    assertThrows(IllegalArgumentException.class, () -> mlp.fromJson("{\"layers\":1,"));
    assertThrows(IllegalArgumentException.class, () -> ConfigurationSpace.builder()
        .add(IntegerHyperparameter.of("child", 0, 1)).add(IntegerHyperparameter.of("parent", 0, 1))
        .add(Condition.equalTo("child", "parent", 1)));
  }

  @Test
  void cardinalityCountsTheConditionalSpace() {
    ConfigurationSpace spec = MlpSpace.builder().build();
    assertEquals(384 + 384 * 384, spec.cardinality());
    ConfigurationSpace small = MlpSpace.build(3, 4, List.of(org.axnas.core.Activation.RELU, org.axnas.core.Activation.TANH));
    List<Configuration> all = small.enumerate();
    assertEquals(8 + 64 + 512, small.cardinality());
    assertEquals(all.size(), new HashSet<>(all).size());
    assertEquals(small.cardinality(), all.size());
    assertEquals(Double.POSITIVE_INFINITY, mlp.cardinality());
  }

  @Test
  void neighbourhoodMovesStayInsideTheSpace() {
    SplittableRandom random = new SplittableRandom(3);
    Set<Integer> depthsReached = new HashSet<>();
    for (int k = 0; k < 300; k++) {
      Configuration c = mlp.sample(random);
      List<Configuration> neighbours = mlp.neighbours(c, random);
      assertFalse(neighbours.isEmpty());
      for (Configuration n : neighbours) {
        // legal: the space accepts exactly these values back
        assertEquals(n, mlp.configuration(n.values()));
        assertNotEquals(c, n);
        // one exchange: one value changes, plus children of a changed parent appear or vanish
        int changed = 0;
        for (Hyperparameter p : mlp.parameters()) {
          String name = p.name();
          if (c.has(name) && n.has(name) && !c.get(name).equals(n.get(name))) {
            changed++;
          }
        }
        assertEquals(1, changed, c + " -> " + n);
        boolean layersMoved = c.intValue("layers") != n.intValue("layers");
        if (!layersMoved) {
          assertEquals(c.values().keySet(), n.values().keySet());
        } else {
          depthsReached.add(n.intValue("layers"));
          assertEquals(n.intValue("layers") >= 2, n.has("neurons_2") && n.has("activation_2"));
        }
      }
    }
    assertEquals(Set.of(1, 2), depthsReached);
  }

  @Test
  void samplingAndUnitPointsGiveLegalConfigurations() {
    SplittableRandom random = new SplittableRandom(11);
    for (int k = 0; k < 200; k++) {
      double[] u = random.doubles(mlp.dimensions()).toArray();
      Configuration c = mlp.fromUnit(u);
      assertEquals(c, mlp.configuration(c.values()));
    }
    assertEquals(mlp.defaultConfiguration(), mlp.configuration(mlp.defaultConfiguration().values()));
  }
}
