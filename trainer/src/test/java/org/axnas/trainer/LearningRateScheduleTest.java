package org.axnas.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Schedule values at steps computed by hand from the definitions in {@link LearningRateSchedule}. */
class LearningRateScheduleTest {
  private static final double EXACT = 1e-15;

  @Test
  void constantIsThePeakThroughout() {
    for (long step : new long[] {0, 1, 50, 99}) {
      assertEquals(0.01, LearningRateSchedule.CONSTANT.rate(0.01, step, 100), EXACT);
    }
    assertEquals(0, LearningRateSchedule.CONSTANT.warmupSteps(100));
  }

  @Test
  void cosineWarmsUpLinearlyThenFollowsHalfACosine() {
    // 105 steps: warm-up round(0.05 * 105) = 5 steps, then 100 steps of cosine.
    LearningRateSchedule s = LearningRateSchedule.COSINE;
    assertEquals(5, s.warmupSteps(105));
    assertEquals(0.2, s.rate(1, 0, 105), EXACT);
    assertEquals(0.6, s.rate(1, 2, 105), EXACT);
    assertEquals(1.0, s.rate(1, 4, 105), EXACT);
    assertEquals(1.0, s.rate(1, 5, 105), EXACT);                      // cos(0)
    assertEquals(0.5 * (1 + Math.cos(Math.PI * 0.25)), s.rate(1, 30, 105), EXACT);  // 0.8536
    assertEquals(0.5, s.rate(1, 55, 105), 1e-12);                      // cos(pi / 2)
    assertEquals(0.5 * (1 + Math.cos(Math.PI * 0.99)), s.rate(1, 104, 105), EXACT);
  }

  @Test
  void oneCycleMatchesPytorchsOneCycleLr() {
    // torch.optim.lr_scheduler.OneCycleLR(max_lr=0.04, total_steps=60): phase ends at steps
    // 0.3 * 60 - 1 = 17 and 59; initial 0.04 / 25 = 0.0016, final 0.0016 / 1e4 = 1.6e-7.
    LearningRateSchedule s = LearningRateSchedule.ONE_CYCLE;
    assertEquals(0.0016, s.rate(0.04, 0, 60), EXACT);
    assertEquals(0.04, s.rate(0.04, 17, 60), EXACT);
    // Phase 1 at step 6: share 6/17 of the way up a cosine.
    double up = 0.04 + (0.0016 - 0.04) / 2 * (1 + Math.cos(Math.PI * 6 / 17));
    assertEquals(up, s.rate(0.04, 6, 60), EXACT);
    // Phase 2 half way (step 17 + 21 = 38): the mean of peak and final.
    assertEquals((0.04 + 1.6e-7) / 2, s.rate(0.04, 38, 60), 1e-15);
    assertEquals(1.6e-7, s.rate(0.04, 59, 60), 1e-18);
    assertEquals(18, s.warmupSteps(60));
  }

  @Test
  void aCoolDownFallsByHalfACosineFromItsStartToTheSchedulesLastRate() {
    LearningRateSchedule s = LearningRateSchedule.ONE_CYCLE;
    double last = 0.04 / 25 / 1e4;
    assertEquals(last, s.lastRate(0.04), EXACT);
    // 11 steps from 0.03: the start, the middle (the mean), the end.
    assertEquals(0.03, s.coolDownRate(0.04, 0.03, 0, 11), EXACT);
    assertEquals((0.03 + last) / 2, s.coolDownRate(0.04, 0.03, 5, 11), 1e-15);
    assertEquals(last, s.coolDownRate(0.04, 0.03, 10, 11), EXACT);
    assertEquals(last, s.coolDownRate(0.04, 0.03, 20, 11), EXACT);
    assertEquals(0, LearningRateSchedule.COSINE.coolDownRate(1, 0.5, 4, 5), EXACT);
    // Never up: a cool-down that starts below the last rate stays where it is.
    assertEquals(1e-9, s.coolDownRate(0.04, 1e-9, 3, 11), EXACT);
    assertTrue(s.anneals() && LearningRateSchedule.COSINE.anneals());
    assertFalse(LearningRateSchedule.CONSTANT.anneals());
  }

  @Test
  void namesParseBothWays() {
    for (LearningRateSchedule s : LearningRateSchedule.values()) {
      assertEquals(s, LearningRateSchedule.parse(" " + s.notation().toUpperCase() + " "));
    }
    assertEquals("unknown learning-rate schedule 'step'; allowed: constant, cosine, one-cycle",
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.parse("step")).getMessage());
  }
}
