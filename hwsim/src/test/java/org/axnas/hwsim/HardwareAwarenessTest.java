package org.axnas.hwsim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.axnas.core.Network;
import org.axnas.core.OpClass;
import org.axnas.core.OpProfile;
import org.junit.jupiter.api.Test;

/**
 * Two candidates for the same function (fft's shape, 1 input and 2 outputs) whose energy ranking
 * swaps between the Eyeriss-like platform and the 8-PE NPU, so a search on one would pick
 * differently from a search on the other. The energy is that of the function region, which the
 * search's energy reduction divides by.
 *
 * <p>Why: 1-48:relu-48:relu-2 has 2.4k MACs, mostly in its 48 x 48 layer; 1-128:sigmoid-8:sigmoid-2
 * has 1.2k. On the 8-PE NPU time follows MACs / 8 (its 48 x 48 layer alone takes 6 passes x 48
 * cycles), so the relu network keeps the core waiting longer and costs more. On the 168-PE
 * Eyeriss-like array MACs are cheap, but the 128-wide sigmoid layer must leave the array over the
 * 4-word bus and through the 4-lane activation unit (about 32 + 34 cycles), which makes the
 * sigmoid network the slower and costlier one there.
 */
class HardwareAwarenessTest {

  @Test
  void twoCandidatesSwapTheirEnergyRankingBetweenPlatforms() {
    HardwareConfig eyeriss = TestHardware.shipped("eyeriss");
    HardwareConfig npu8 = TestHardware.shipped("npu8");
    OpProfile profile = OpProfile.of(Map.of(OpClass.FTRIG, 2.0, OpClass.FMUL, 4.0, OpClass.LOAD, 2.0));
    Network wideRelu = Network.parse("1-48:relu-48:relu-2");
    Network wideSigmoid = Network.parse("1-128:sigmoid-8:sigmoid-2");

    SimulationResult reluOnEyeriss = Simulator.simulate(wideRelu, eyeriss, profile);
    SimulationResult sigmoidOnEyeriss = Simulator.simulate(wideSigmoid, eyeriss, profile);
    SimulationResult reluOnNpu8 = Simulator.simulate(wideRelu, npu8, profile);
    SimulationResult sigmoidOnNpu8 = Simulator.simulate(wideSigmoid, npu8, profile);

    assertTrue(reluOnEyeriss.npu().macs() > 2 * sigmoidOnEyeriss.npu().macs() - 200);
    // Eyeriss-like: the relu network is cheaper by more than 10%
    assertTrue(sigmoidOnEyeriss.regionJoules() > 1.1 * reluOnEyeriss.regionJoules(),
        "eyeriss: " + reluOnEyeriss.regionJoules() + " vs " + sigmoidOnEyeriss.regionJoules());
    assertTrue(reluOnEyeriss.energyReduction() > sigmoidOnEyeriss.energyReduction());
    // 8-PE NPU: the sigmoid network is cheaper by more than 10%
    assertTrue(reluOnNpu8.regionJoules() > 1.1 * sigmoidOnNpu8.regionJoules(),
        "npu8: " + reluOnNpu8.regionJoules() + " vs " + sigmoidOnNpu8.regionJoules());
    assertTrue(sigmoidOnNpu8.energyReduction() > reluOnNpu8.energyReduction());
  }
}
