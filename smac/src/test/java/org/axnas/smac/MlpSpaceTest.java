package org.axnas.smac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.axnas.core.Activation;
import org.axnas.core.Network;
import org.junit.jupiter.api.Test;

class MlpSpaceTest {

  @Test
  void networksRoundTripThroughConfigurations() {
    ConfigurationSpace space = MlpSpace.build(3, 128, List.of(Activation.RELU, Activation.SIGMOID, Activation.TANH));
    SplittableRandom random = new SplittableRandom(5);
    for (int k = 0; k < 300; k++) {
      Configuration c = space.sample(random);
      Network n = MlpSpace.toNetwork(c, 6, 1, Activation.LINEAR);
      assertEquals(c.intValue(MlpSpace.LAYERS), n.depth());
      assertEquals(c, MlpSpace.fromNetwork(space, n));
      assertEquals(n, Network.parse(n.notation()));
    }
    Configuration c = MlpSpace.fromNetwork(space, Network.parse("6-8:sigmoid-8:sigmoid-1"));
    assertEquals("{\"layers\":2,\"neurons_1\":8,\"activation_1\":\"sigmoid\",\"neurons_2\":8,\"activation_2\":\"sigmoid\"}",
        c.toJson());
    assertEquals("9-8:sigmoid-8:sigmoid-2:sigmoid", MlpSpace.toNetwork(c, 9, 2, Activation.SIGMOID).notation());
  }

  @Test
  void networksOutsideTheSpaceAreRejected() {
    ConfigurationSpace space = MlpSpace.build(2, 64, List.of(Activation.RELU, Activation.TANH));
    assertThrows(IllegalArgumentException.class, () -> MlpSpace.fromNetwork(space, Network.parse("6-8:relu-8:relu-8:relu-1")));
    assertThrows(IllegalArgumentException.class, () -> MlpSpace.fromNetwork(space, Network.parse("6-128:relu-1")));
    assertThrows(IllegalArgumentException.class, () -> MlpSpace.fromNetwork(space, Network.parse("6-8:sigmoid-1")));
  }

  @Test
  void trainingHyperparametersAreOptional() {
    ConfigurationSpace space = MlpSpace.builder().learningRate(1e-4, 1e-1).batchSize(16, 512).build();
    Configuration c = MlpSpace.fromNetwork(space, Network.parse("6-8:relu-1"));
    assertTrue(MlpSpace.learningRate(c).isPresent());
    assertEquals(91, MlpSpace.batchSize(c).getAsInt(), "geometric middle of 16..512");
    Configuration d = MlpSpace.fromNetwork(space, Network.parse("6-8:relu-1"),
        java.util.Map.of(MlpSpace.LEARNING_RATE, 0.003, MlpSpace.BATCH_SIZE, 128));
    assertEquals(0.003, MlpSpace.learningRate(d).getAsDouble());
    assertTrue(MlpSpace.batchSize(MlpSpace.fromNetwork(MlpSpace.builder().build(), Network.parse("6-8:relu-1"))).isEmpty());
  }

  @Test
  void layerParametersAreActiveOnlyForPresentLayers() {
    ConfigurationSpace space = MlpSpace.build(3, 16, List.of(Activation.TANH));
    for (Configuration c : space.enumerate()) {
      int layers = c.intValue(MlpSpace.LAYERS);
      for (int i = 1; i <= 3; i++) {
        assertEquals(i <= layers, c.has(MlpSpace.neurons(i)));
        assertEquals(i <= layers, c.has(MlpSpace.activation(i)));
      }
    }
  }

  @Test
  void topologyEnumerationFollowsTheDocumentedOrder() {
    ConfigurationSpace space = MlpSpace.builder().build();
    List<Configuration> sigmoid = TopologyEnumeration.of(space);
    assertEquals(7 + 49, sigmoid.size());
    assertEquals(sigmoid.size(), new HashSet<>(sigmoid).size());
    List<String> notation = sigmoid.stream().map(c -> MlpSpace.toNetwork(c, 6, 1, Activation.LINEAR).notation()).toList();
    assertEquals("6-2:sigmoid-1", notation.get(0));
    assertEquals("6-128:sigmoid-1", notation.get(6));
    assertEquals("6-2:sigmoid-2:sigmoid-1", notation.get(7));
    assertEquals("6-2:sigmoid-4:sigmoid-1", notation.get(8));
    assertEquals("6-128:sigmoid-128:sigmoid-1", notation.get(55));
    for (Configuration c : sigmoid) {
      assertEquals(c, space.configuration(c.values()));
    }
    List<Configuration> two = TopologyEnumeration.of(space, List.of(Activation.RELU, Activation.TANH));
    assertEquals(2 * 56, two.size());
    assertEquals("6-2:relu-1", MlpSpace.toNetwork(two.get(0), 6, 1, Activation.LINEAR).notation());
    assertEquals("6-2:tanh-1", MlpSpace.toNetwork(two.get(1), 6, 1, Activation.LINEAR).notation());
    // a deeper space still enumerates at most two hidden layers
    assertEquals(56, TopologyEnumeration.of(MlpSpace.build(4, 128, List.of(Activation.SIGMOID))).size());
    assertEquals(3, TopologyEnumeration.of(MlpSpace.build(1, 8, List.of(Activation.SIGMOID))).size());
  }
}
