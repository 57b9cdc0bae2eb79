package org.axnas.smac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.axnas.smac.Hyperband.Bracket;
import org.axnas.smac.Hyperband.Rung;
import org.junit.jupiter.api.Test;

/** The bracket arithmetic against schedules computed by hand (Li et al., JMLR 2018, Table 1 layout). */
class HyperbandTest {

  @Test
  void eta3From55To500() {
    // s_max = floor(log3(500 / 55)) = 2 (56 would give 1: 56 x 9 > 500); n_0 = ceil(3 / (s + 1) * 3^s) = 9, 5, 3
    Hyperband hb = new Hyperband(55, 500, 3, false);
    assertEquals(2, hb.maxStage());
    assertEquals(List.of(
        new Bracket(2, List.of(new Rung(9, 56), new Rung(3, 167), new Rung(1, 500))),
        new Bracket(1, List.of(new Rung(5, 167), new Rung(1, 500))),
        new Bracket(0, List.of(new Rung(3, 500)))), hb.brackets());
  }

  @Test
  void eta3WithFourRungsMatchesThePaperLayout() {
    // max 81, min 1, eta 3: s_max = 4; n_0 = 81, 34, 15, 8, 5 (Li et al.'s Table 1 for R = 81)
    Hyperband hb = new Hyperband(1, 81, 3, false);
    List<Bracket> b = hb.brackets();
    assertEquals(List.of(new Rung(81, 1), new Rung(27, 3), new Rung(9, 9), new Rung(3, 27), new Rung(1, 81)), b.get(0).rungs());
    assertEquals(List.of(new Rung(34, 3), new Rung(11, 9), new Rung(3, 27), new Rung(1, 81)), b.get(1).rungs());
    assertEquals(List.of(new Rung(15, 9), new Rung(5, 27), new Rung(1, 81)), b.get(2).rungs());
    assertEquals(List.of(new Rung(8, 27), new Rung(2, 81)), b.get(3).rungs());
    assertEquals(List.of(new Rung(5, 81)), b.get(4).rungs());
  }

  @Test
  void successiveHalvingRepeatsTheMostAggressiveBracket() {
    Hyperband sh = new Hyperband(2, 8, 2, true);
    assertEquals(List.of(new Bracket(2, List.of(new Rung(4, 2), new Rung(2, 4), new Rung(1, 8)))), sh.brackets());
    assertEquals(sh.bracket(0), sh.bracket(5));
  }

  @Test
  void roundsAndCostOfABudgetCutShort() {
    Hyperband hb = new Hyperband(2, 8, 2, false);
    // brackets: [4@2, 2@4, 1@8], [3@4, 1@8], [3@8]; 6 configurations = the first and 2 of the second
    assertEquals(3 + 2, hb.rounds(6));
    // cost in top budgets: 4 x 2/8 + 2 x (4-2)/8 + 1 x (8-4)/8 = 2.0, then 2 x 4/8 + 1 x (8-4)/8 = 1.5
    assertEquals(3.5, hb.cost(6), 1e-12);
    assertEquals(3 + 2 + 1, hb.rounds(10));
  }

  @Test
  void badSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Hyperband(0, 10, 3, false));
    assertThrows(IllegalArgumentException.class, () -> new Hyperband(5, 10, 3, false));
    assertThrows(IllegalArgumentException.class, () -> new Hyperband(1, 10, 1, false));
  }
}
