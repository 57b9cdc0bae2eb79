package org.axnas.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A program with only this module on its class path (this module's test class path is the JDK,
 * the module and JUnit) selects and evaluates a network from a finished run: the fixture is the
 * {@code pareto.json} and the Pareto set's models of the README's quick search (seed 1), its
 * folder moved away from where the run wrote it.
 */
class FinishedRunTest {
  private static final float[] OPTION = {0.35f, 0.4f, 0.05f, 0.2f, 1.0f, 0f}; // S/120, K/120, r, v, t, call

  static Path fixture() throws URISyntaxException {
    return Path.of(FinishedRunTest.class.getResource("/finished-run/pareto.json").toURI()).getParent();
  }

  @Test
  void selectsAndEvaluatesTheNetworkTheSearchSelected() throws Exception {
    FinishedRun run = FinishedRun.open(fixture());
    assertEquals(6, run.paretoSet().size());
    // the quick config's selection: energy mode, accuracy at least 0.45
    NetworkSelector.Selection s = run.selector().select(SelectionMode.ENERGY, new Constraints(0.45, 0, 0.5));
    Scored chosen = s.chosen().orElseThrow();
    assertEquals("6-32:tanh-18:sigmoid-1", chosen.network());
    assertEquals(5, chosen.trialId());
    assertEquals(0.5239253852392538, run.member(5).orElseThrow().testAccuracy().orElseThrow());

    PlainEvaluator net = run.model(chosen); // found in models/ although the run recorded another folder
    assertEquals("6-32:tanh-18:sigmoid-1", net.network());
    assertEquals(6, net.inputs());
    float[] price = net.evaluate(OPTION);
    // what TrainedModel.predict gave for this input in the search's JVM, to the bit
    assertEquals(1016162730, Float.floatToIntBits(price[0]));
    assertArrayEquals(price, run.selectedModel().evaluate(OPTION));
  }

  @Test
  void theOtherModesPickOtherNetworks() throws Exception {
    FinishedRun run = FinishedRun.open(fixture());
    assertEquals("6-1:relu-1", run.selector().select(SelectionMode.ENERGY, Constraints.none()).chosen().orElseThrow().network());
    assertEquals("6-32:tanh-18:sigmoid-1",
        run.selector().select(SelectionMode.QUALITY, Constraints.none()).chosen().orElseThrow().network());
    NetworkSelector.Selection none = run.selector().select(SelectionMode.ENERGY, new Constraints(0.9, 0, 0.5));
    assertFalse(none.chosen().isPresent());
    assertEquals(3, none.nearest().size());
    for (Scored s : run.paretoSet()) {
      assertTrue(run.model(s).evaluate(OPTION).length == 1, s.network());
    }
  }

  @Test
  void aFolderWithoutAParetoSetIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FinishedRun.open(Path.of("no-such-run")));
    assertTrue(e.getMessage().contains("pareto.json"), e.getMessage());
  }
}
