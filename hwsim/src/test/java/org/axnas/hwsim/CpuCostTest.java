package org.axnas.hwsim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.axnas.core.Network;
import org.axnas.core.OpClass;
import org.axnas.core.OpProfile;
import org.junit.jupiter.api.Test;

/**
 * The CPU model turns a hand-written operation profile into cycles and energy with the shipped
 * Penryn-like table (the kernels' measured profiles are priced the same way; see the README's
 * "CPU cost of the seven kernels").
 */
class CpuCostTest {
  private static final HardwareConfig PENRYN = TestHardware.shipped("eyeriss");
  private static final Network ANY = Network.parse("2-2:relu-2");

  /**
   * A Euclidean distance between two RGB points, as kmeans computes it:
   * 3 subtractions + 2 additions = 5 fadd, 3 fmul, 1 fsqrt, 6 loads, 2 int (loop/index), 1 branch.
   * <pre>
   * cycles = 5 x 2.0 + 3 x 2.5 + 1 x 12.5 + 6 x 2.0 + 2 x 0.67 + 1 x 1.75
   *        = 10 + 7.5 + 12.5 + 12 + 1.34 + 1.75 = 45.09 -> 13.262 ns at 3.4 GHz
   * dynamic = (5 + 3) x 1.0 nJ + 1.1 + 6 x 1.1 + 2 x 1.0 + 2.0 = 19.7 nJ
   * static  = 5 W x 13.262 ns = 66.31 nJ; total 86.01 nJ
   * </pre>
   */
  @Test
  void handWrittenProfileGivesCyclesAndEnergy() {
    OpProfile distance = OpProfile.of(Map.of(OpClass.FADD, 5.0, OpClass.FMUL, 3.0, OpClass.FSQRT, 1.0,
        OpClass.LOAD, 6.0, OpClass.INT, 2.0, OpClass.BRANCH, 1.0));
    CpuCost cpu = Simulator.simulate(ANY, PENRYN, distance).cpu();
    assertEquals(45.09, cpu.cycles(), 1e-9);
    assertEquals(45.09 / 3.4e9, cpu.seconds(), 1e-18);
    assertEquals(19.7e-9, cpu.dynamicJoules(), 1e-18);
    assertEquals(5.0 * 45.09 / 3.4e9, cpu.staticJoules(), 1e-18);
    assertEquals(19.7e-9 + 5.0 * 45.09 / 3.4e9, cpu.energyJoules(), 1e-18);
  }

  /**
   * A transcendental-heavy profile (two libm calls dominate):
   * 2 fexp, 1 ftrig, 10 fmul, 8 fadd, 1 fdiv.
   * <pre>
   * cycles = 2 x 50 + 60 + 10 x 2.5 + 8 x 2.0 + 12.5 = 100 + 60 + 25 + 16 + 12.5 = 213.5
   * dynamic = 2 x 21 + 32 + 10 x 1.0 + 8 x 1.0 + 1.1 = 93.1 nJ
   * </pre>
   * Doubling every count doubles both; the empty profile costs nothing.
   */
  @Test
  void costIsLinearInTheProfile() {
    OpProfile p = OpProfile.of(Map.of(OpClass.FEXP, 2.0, OpClass.FTRIG, 1.0, OpClass.FMUL, 10.0,
        OpClass.FADD, 8.0, OpClass.FDIV, 1.0));
    CpuCost once = Simulator.simulate(ANY, PENRYN, p).cpu();
    assertEquals(213.5, once.cycles(), 1e-9);
    assertEquals(93.1e-9, once.dynamicJoules(), 1e-18);

    double[] doubled = p.toArray();
    for (int i = 0; i < doubled.length; i++) {
      doubled[i] *= 2;
    }
    CpuCost twice = Simulator.simulate(ANY, PENRYN, OpProfile.of(doubled)).cpu();
    assertEquals(2 * once.cycles(), twice.cycles(), 1e-9);
    assertEquals(2 * once.energyJoules(), twice.energyJoules(), 1e-18);

    CpuCost none = Simulator.simulate(ANY, PENRYN, OpProfile.of(new double[OpClass.values().length])).cpu();
    assertEquals(0, none.cycles());
    assertEquals(0, none.energyJoules());
  }
}
