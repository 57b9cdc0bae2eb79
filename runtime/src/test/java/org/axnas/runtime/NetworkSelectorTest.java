package org.axnas.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkSelectorTest {
  // a front like the paper's Fig. 4a: accuracy falls as energy reduction rises
  static final List<Scored> FRONT = List.of(
      ParetoTest.s(1, 0.97, 1.5, 1.2),
      ParetoTest.s(2, 0.93, 2.5, 2.4),
      ParetoTest.s(3, 0.91, 3.0, 3.1),
      ParetoTest.s(4, 0.86, 4.0, 4.5),
      ParetoTest.s(5, 0.60, 6.0, 7.0));

  @Test
  void qualityModeTakesTheMostAccurateMeetingTheEnergyConstraint() {
    NetworkSelector sel = new NetworkSelector(FRONT);
    assertEquals(1, sel.select(SelectionMode.QUALITY, new Constraints(0.9, 0, 0.5)).chosen().get().trialId());
    assertEquals(2, sel.select(SelectionMode.QUALITY, new Constraints(0.9, 2.0, 0.5)).chosen().get().trialId());
  }

  @Test
  void energyModeTakesTheLowestEnergyMeetingTheAccuracyThreshold() {
    NetworkSelector sel = new NetworkSelector(FRONT);
    assertEquals(3, sel.select(SelectionMode.ENERGY, new Constraints(0.9, 2.5, 0.5)).chosen().get().trialId());
    assertEquals(4, sel.select(SelectionMode.ENERGY, new Constraints(0.85, 0, 0.5)).chosen().get().trialId());
  }

  @Test
  void integratedModeMaximisesEquationSix() {
    NetworkSelector sel = new NetworkSelector(FRONT);
    // theta = 1: accuracy only; theta = 0: energy only
    assertEquals(1, sel.select(SelectionMode.INTEGRATED, new Constraints(0.8, 0, 1.0)).chosen().get().trialId());
    assertEquals(4, sel.select(SelectionMode.INTEGRATED, new Constraints(0.8, 0, 0.0)).chosen().get().trialId());
    // theta = 0.5 by hand: E_norm = 7; scores 0.5*(acc-0.8) + 0.5*er/7
    // 1: 0.085+0.0857=0.1707  2: 0.065+0.1714=0.2364  3: 0.055+0.2214=0.2764  4: 0.03+0.3214=0.3514
    Constraints c = new Constraints(0.8, 0, 0.5);
    assertEquals(0.5 * (0.86 - 0.8) + 0.5 * 4.5 / 7.0, sel.integratedScore(FRONT.get(3), c), 1e-12);
    assertEquals(4, sel.select(SelectionMode.INTEGRATED, c).chosen().get().trialId());
  }

  @Test
  void impossibleConstraintsNameTheNearestCandidates() {
    NetworkSelector.Selection s = new NetworkSelector(FRONT).select(SelectionMode.ENERGY, new Constraints(0.95, 5.0, 0.5));
    assertFalse(s.chosen().isPresent());
    assertTrue(s.reason().contains("no network meets"), s.reason());
    assertEquals(3, s.nearest().size());
  }

  @Test
  void constraintsOutOfRangeAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Constraints(1.5, 0, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new Constraints(0.9, -1, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new Constraints(0.9, 0, 2));
    assertThrows(IllegalArgumentException.class, () -> SelectionMode.parse("fastest"));
  }
}
