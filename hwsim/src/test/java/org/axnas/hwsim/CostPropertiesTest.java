package org.axnas.hwsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.axnas.core.Activation;
import org.axnas.core.Layer;
import org.axnas.core.Network;
import org.axnas.core.OpClass;
import org.axnas.core.OpProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Properties of the cost model over many seeded random networks, on both shipped platforms. */
class CostPropertiesTest {
  private static final Activation[] HIDDEN = {Activation.RELU, Activation.SIGMOID, Activation.TANH};
  private static final OpProfile PROFILE = OpProfile.of(Map.of(
      OpClass.FADD, 30.0, OpClass.FMUL, 30.0, OpClass.FEXP, 2.0, OpClass.LOAD, 10.0));
  private static final int NETWORKS = 3000;

  /** A random candidate: 1 or 2 hidden layers of 1..maxWidth, I/O widths as the benchmarks have. */
  private static Network randomNetwork(SplittableRandom rnd, int maxWidth) {
    int depth = 1 + rnd.nextInt(2);
    List<Layer> hidden = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      hidden.add(new Layer(1 + rnd.nextInt(maxWidth), HIDDEN[rnd.nextInt(HIDDEN.length)]));
    }
    return Network.of(1 + rnd.nextInt(64), hidden, 1 + rnd.nextInt(64));
  }

  private static Network withHidden(Network n, int i, Layer layer) {
    List<Layer> hidden = new ArrayList<>(n.hidden());
    hidden.set(i, layer);
    return Network.of(n.inputs(), hidden, n.outputs());
  }

  @ParameterizedTest
  @ValueSource(strings = {"eyeriss", "eyeriss-int8", "npu8"})
  void moreNeuronsNeverCostLessEnergyOrTime(String platform) {
    HardwareConfig hw = TestHardware.shipped(platform);
    SplittableRandom rnd = new SplittableRandom(11);
    for (int k = 0; k < NETWORKS; k++) {
      Network small = randomNetwork(rnd, 128);
      int i = rnd.nextInt(small.depth());
      Layer l = small.hidden().get(i);
      Network big = withHidden(small, i, new Layer(l.neurons() + 1 + rnd.nextInt(16), l.activation()));
      SimulationResult a = Simulator.simulate(small, hw, PROFILE);
      SimulationResult b = Simulator.simulate(big, hw, PROFILE);
      String what = big + " vs " + small + " on " + platform;
      assertTrue(b.npu().energyJoules() > a.npu().energyJoules(), "NPU energy: " + what);
      assertTrue(b.regionJoules() >= a.regionJoules(), "region energy: " + what);
      assertTrue(b.npu().cycles() >= a.npu().cycles(), "cycles: " + what);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"eyeriss", "eyeriss-int8", "npu8"})
  void sigmoidCostsMoreThanReluOnTheSameTopology(String platform) {
    HardwareConfig hw = TestHardware.shipped(platform);
    SplittableRandom rnd = new SplittableRandom(12);
    for (int k = 0; k < NETWORKS; k++) {
      Network n = randomNetwork(rnd, 128);
      for (Activation smooth : new Activation[] {Activation.SIGMOID, Activation.TANH}) {
        SimulationResult relu = Simulator.simulate(allHidden(n, Activation.RELU), hw, PROFILE);
        SimulationResult other = Simulator.simulate(allHidden(n, smooth), hw, PROFILE);
        String what = n + " with " + smooth.notation() + " vs relu on " + platform;
        assertTrue(other.npu().energy().activation() > relu.npu().energy().activation(), what);
        assertTrue(other.npu().energyJoules() > relu.npu().energyJoules(), what);
        assertTrue(other.npu().cycles() >= relu.npu().cycles(), what);
        assertTrue(other.regionJoules() > relu.regionJoules(), what);
      }
    }
  }

  private static Network allHidden(Network n, Activation a) {
    List<Layer> hidden = new ArrayList<>();
    for (Layer l : n.hidden()) {
      hidden.add(new Layer(l.neurons(), a));
    }
    return Network.of(n.inputs(), hidden, n.outputs());
  }

  /**
   * The same network on the same platform with register files large enough for any network:
   * where the parameters do not fit on chip they come from DRAM on every call, which costs at
   * least twice as much once 10% or more of them spill (a spilled word costs 200 MACs of DRAM
   * energy plus its trip into the array, against a handful of MACs' worth for a resident one).
   * Networks up to 2 x 512 wide so that the Eyeriss-like platform (about 92k words on chip)
   * spills too; the 8-PE NPU keeps only 4096.
   */
  @ParameterizedTest
  @ValueSource(strings = {"eyeriss", "npu8"}) // eyeriss-int8 holds twice eyeriss's weights: few of these spill there
  void weightsBeyondOnChipStoragePayDramAndCostMuchMore(String platform) {
    String rfLine = platform.equals("npu8") ? "registerFileWeightWords: 512" : "registerFileWeightWords: 224";
    HardwareConfig hw = TestHardware.shipped(platform);
    HardwareConfig roomy = TestHardware.shippedWith(platform, rfLine, "registerFileWeightWords: 100000");
    SplittableRandom rnd = new SplittableRandom(13);
    int spilled = 0;
    int fitting = 0;
    for (int k = 0; k < NETWORKS; k++) {
      Network n = randomNetwork(rnd, 512);
      SimulationResult r = Simulator.simulate(n, hw, PROFILE);
      WeightPlacement w = r.npu().weights();
      if (w.fitsOnChip()) {
        fitting++;
        assertEquals(0, r.npu().energy().dram(), 0, n + " fits but pays DRAM");
        continue;
      }
      assertTrue(r.npu().energy().dram() > 0, n + " spills but pays no DRAM energy");
      if (w.dram() >= 0.1 * w.total()) {
        spilled++;
        SimulationResult fits = Simulator.simulate(n, roomy, PROFILE);
        assertTrue(fits.npu().weights().fitsOnChip());
        double ratio = r.npu().energyJoules() / fits.npu().energyJoules();
        assertTrue(ratio >= 2, n + " spills " + w.dram() + " of " + w.total()
            + " parameters but costs only " + ratio + "x as much on " + platform);
      }
    }
    assertTrue(spilled > 100 && fitting > 100, "spilled " + spilled + ", fitting " + fitting);
  }

  @ParameterizedTest
  @ValueSource(strings = {"eyeriss", "eyeriss-int8", "npu8"})
  void utilisationIsInTheUnitInterval(String platform) {
    HardwareConfig hw = TestHardware.shipped(platform);
    int pes = hw.npu().pes();
    SplittableRandom rnd = new SplittableRandom(14);
    for (int k = 0; k < NETWORKS; k++) {
      Network n = randomNetwork(rnd, 128);
      NpuCost npu = Simulator.simulate(n, hw, PROFILE).npu();
      assertTrue(npu.utilisation() > 0 && npu.utilisation() <= 1, n + ": " + npu.utilisation());
      for (LayerCost l : npu.layers()) {
        assertTrue(l.utilisation() > 0 && l.utilisation() <= 1, n + " layer " + l.index() + ": " + l.utilisation());
        assertTrue(l.pesUsed() >= 1 && l.pesUsed() <= pes, n + " layer " + l.index() + " PEs " + l.pesUsed());
      }
    }
  }
}
