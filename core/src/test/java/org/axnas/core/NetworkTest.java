package org.axnas.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The network notation of SPEC section 3, which other tools read: parsing, printing, errors. */
class NetworkTest {

  @Test
  void theNotationRoundTrips() {
    for (String s : List.of("6-8:sigmoid-8:sigmoid-1", "1-2", "9-128:relu-1:tanh-64:sigmoid-2", "2-4:relu-2:sigmoid")) {
      assertEquals(s, Network.parse(s).notation());
      assertEquals(Network.parse(s), Network.parse(Network.parse(s).notation()));
    }
  }

  @Test
  void partsOfTheNotationMeanWhatTheSpecSays() {
    Network n = Network.parse(" 6-8:SIGMOID-4:relu-2:sigmoid ");
    assertEquals(6, n.inputs());
    assertEquals(List.of(new Layer(8, Activation.SIGMOID), new Layer(4, Activation.RELU)), n.hidden());
    assertEquals(2, n.outputs());
    assertEquals(Activation.SIGMOID, n.outputActivation());
    assertEquals(Activation.LINEAR, Network.parse("6-8:tanh-1").outputActivation(), "the output is linear by default");
    assertEquals(2, n.depth());
    assertArrayEquals(new int[] {6, 8, 4, 2}, n.widths());
    assertEquals(List.of(Activation.SIGMOID, Activation.RELU, Activation.SIGMOID), n.activations());
    assertEquals(6 * 8 + 8 * 4 + 4 * 2, n.macs());
    assertEquals(6 * 8 + 8 + 8 * 4 + 4 + 4 * 2 + 2, n.parameters());
  }

  @Test
  void badNotationsSayWhatIsWrongAndWhatIsAllowed() {
    String[][] bad = {
        {"", "expected e.g."},
        {"6", "at least an input and an output width"},
        {"6-8-1", "must be neurons:activation"},
        {"6-8:softmax-1", "allowed: relu, sigmoid, tanh, linear"},
        {"6-0:relu-1", "must be at least 1"},
        {"x-8:relu-1", "is not a positive integer"},
        {"6-8:relu-1:tanh:relu", "output layer"}};
    for (String[] b : bad) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.parse(b[0]), b[0]);
      assertTrue(e.getMessage().contains(b[1]), b[0] + " -> " + e.getMessage());
    }
  }

  @Test
  void activationsComputeTheirFunctions() {
    assertEquals(0, Activation.RELU.apply(-2), 0);
    assertEquals(3, Activation.RELU.apply(3), 0);
    assertEquals(0.5, Activation.SIGMOID.apply(0), 0);
    assertEquals(1 / (1 + Math.exp(-1.5)), Activation.SIGMOID.apply(1.5), 1e-15);
    assertEquals(Math.tanh(-0.7), Activation.TANH.apply(-0.7), 0);
    assertEquals(-4.25, Activation.LINEAR.apply(-4.25), 0);
  }
}
