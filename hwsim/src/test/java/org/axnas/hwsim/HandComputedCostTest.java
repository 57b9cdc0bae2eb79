package org.axnas.hwsim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.axnas.core.Network;
import org.axnas.core.OpClass;
import org.axnas.core.OpProfile;
import org.junit.jupiter.api.Test;

/**
 * Small networks on the 2 x 2 array of {@link TestHardware#tinyYaml}, costed by hand. Symbols:
 * s = fan-in split = min(rows, n_in); per column = floor(rows / s) neurons; per pass = cols x
 * per column; passes = ceil(n_out / per pass); slice = ceil(n_in / s); the inputs are multicast
 * once when slice <= inputBufferWords (2), else every pass; a multicast pass takes
 * max(slice, ceil(n_in / bus)) cycles, a reusing pass slice cycles.
 */
class HandComputedCostTest {
  private static final double EPS = 1e-9;

  /**
   * 3-2:sigmoid-1, 11 parameters: all fit the 4 PEs x 4 words = 16 register-file words.
   *
   * <pre>
   * layer 1, 3 -> 2 sigmoid: s = 2, per column 1, per pass 2, passes 1, slice 2 (fits: 1 multicast)
   *   MAC cycles max(2, ceil(3/2) = 2) = 2; PEs 2 x 2 = 4; utilisation 6 / (4 x 2) = 0.75
   *   cycles = fill 1 + 2 + reduction (s-1) 1 + gather ceil(2/2) 1 + sigmoid (2 + ceil(2/1) - 1) 3
   *            + sync 1 = 9
   *   MACs 6; RF 6 x 2 + 2 biases = 14; array 3 inputs + (s-1) x 2 psums + 2 outputs = 7;
   *   GLB 3 reads + 2 writes = 5; activation 2 x 3 = 6 MAC-units
   * layer 2, 2 -> 1 linear: s = 2, passes 1, slice 1; MAC cycles max(1, 1) = 1; PEs 2;
   *   utilisation 2 / (4 x 1) = 0.5
   *   cycles = 1 + 1 + 1 + ceil(1/2) 1 + linear 0 + 1 = 5
   *   MACs 2; RF 2 x 2 + 1 = 5; array 2 + 1 + 1 = 4; GLB 2 + 1 = 3
   * queues: 3 in + 1 out = 4 words, 4 cycles, 4 GLB accesses (inputs land in, outputs leave from it)
   * NPU: 9 + 5 + 4 = 18 cycles = 18 ns at 1 GHz; utilisation 8 / (4 x (2 + 1)) = 2/3
   *   accesses RF 19, array 11, GLB 5 + 3 + 4 = 12, DRAM 0
   *   energy (MAC = 1 pJ): mac 8, RF 19 x 1, array 11 x 2 = 22, GLB 12 x 6 = 72, activation 6,
   *   transfer 4 x 2 = 8, total 135 pJ
   * CPU, profile fadd 10, fmul 4, fexp 1, load 3: cycles 10x1 + 4x2 + 1x20 + 3x1 = 41 = 20.5 ns
   *   at 2 GHz; energy 27 nJ dynamic (10 + 4 + 10 + 3) + 1 W x 20.5 ns = 47.5 nJ
   * transfer on the CPU: 4 words x 1 cycle = 4 cycles = 2 ns, 4 nJ
   * region: 2 + 18 = 20 ns; 0.135 + 4 + 1 W x 20 ns = 24.135 nJ
   * speedup 20.5 / 20 = 1.025; energy reduction 47.5 / 24.135 = 1.968096...
   * application, region = 50%: 1 / (0.5 + 0.5 / 1.025) = 1.0123457,
   *   1 / (0.5 + 0.5 / 1.968096) = 1.3261674
   * </pre>
   */
  @Test
  void smallNetworkThatFitsTheRegisterFiles() {
    HardwareConfig hw = TestHardware.tiny(64); // 32 words; keeps 2 x 3 for activations
    OpProfile profile = OpProfile.of(Map.of(
        OpClass.FADD, 10.0, OpClass.FMUL, 4.0, OpClass.FEXP, 1.0, OpClass.LOAD, 3.0));
    SimulationResult r = Simulator.simulate(Network.parse("3-2:sigmoid-1"), hw, new CountedOperations(profile), 0.5);

    NpuCost npu = r.npu();
    List<LayerCost> layers = npu.layers();
    assertLayer(layers.get(0), 2, 4, 1, 0.75, 9);
    assertLayer(layers.get(1), 2, 2, 1, 0.5, 5);
    assertEquals(70e-12, layers.get(0).energyJoules(), EPS * 1e-12);
    assertEquals(33e-12, layers.get(1).energyJoules(), EPS * 1e-12);
    assertEquals(18, npu.cycles());
    assertEquals(18e-9, npu.seconds(), 1e-18);
    assertEquals(8, npu.macs());
    assertEquals(2.0 / 3, npu.utilisation(), EPS);
    assertEquals(new WeightPlacement(11, 0, 0), npu.weights());
    assertAccesses(npu.accesses(), 19, 11, 12, 0);
    assertEnergy(npu.energy(), 8, 19, 22, 72, 0, 6, 8);
    assertEquals(135e-12, npu.energyJoules(), 1e-21);

    assertEquals(41, r.cpu().cycles(), EPS);
    assertEquals(20.5e-9, r.cpu().seconds(), 1e-18);
    assertEquals(47.5e-9, r.cpu().energyJoules(), 1e-18);
    assertEquals(new TransferCost(4, 4, 2e-9, 4e-9), r.transfer());
    assertEquals(20e-9, r.regionSeconds(), 1e-18);
    assertEquals(24.135e-9, r.regionJoules(), 1e-18);
    assertEquals(1.025, r.speedup(), EPS);
    assertEquals(47.5 / 24.135, r.energyReduction(), EPS);
    ApplicationFigures app = r.application(0.5);
    assertEquals(1.0123456790, app.speedup(), 1e-9);
    assertEquals(1.3261673763, app.energyReduction(), 1e-9);

    // the same figures under the JSON keys SPEC.md section 1 fixes
    Map<String, Object> json = r.toJson();
    assertEquals("3-2:sigmoid-1", json.get("network"));
    assertEquals("tiny", json.get("hardware"));
    Map<?, ?> n = (Map<?, ?>) json.get("npu");
    assertEquals(18L, n.get("cycles"));
    assertEquals(8L, n.get("macs"));
    assertEquals(135e-12, (Double) n.get("energyJoules"), 1e-21);
    Map<?, ?> levels = (Map<?, ?>) n.get("energyByLevel");
    assertEquals(72e-12, (Double) levels.get("globalBuffer"), 1e-21);
    assertEquals(8e-12, (Double) levels.get("transfer"), 1e-21);
    Map<?, ?> c = (Map<?, ?>) json.get("cpu");
    assertEquals(41.0, (Double) c.get("cycles"), EPS);
    assertEquals(1.025, (Double) json.get("speedup"), EPS);
    assertEquals(47.5 / 24.135, (Double) json.get("energyReduction"), EPS);
    assertEquals(1.0123456790, (Double) ((Map<?, ?>) json.get("application")).get("speedup"), 1e-9);
  }

  /**
   * 3-4:relu-2, 26 parameters, with a 20-byte (10-word) global buffer that keeps 2 x 4 words for
   * activations: 16 parameters stay in the register files, 2 in the global buffer and 8 in DRAM,
   * so each layer streams its share (16/26 and 10/26 of them) on every call.
   *
   * <pre>
   * layer 1, 3 -> 4 relu: params 16; streamed from GLB 16 x 2/26 = 1.2308, from DRAM 16 x 8/26 = 4.9231
   *   s = 2, per pass 2, passes 2, slice 2 (fits: 1 multicast): MAC cycles max(2, 2) + 1 x 2 = 4
   *   stream cycles ceil((1.2308 + 4.9231) / 2 bus + 4.9231 / 1 DRAM word per cycle) = ceil(8.0) = 8
   *   compute max(4, 8) = 8; utilisation 12 / (4 x 8) = 0.375; PEs 2 x 2 = 4
   *   cycles = 1 + 8 + 1 + ceil(4/2) 2 + relu (1 + 4 - 1) 4 + 1 = 17
   *   RF 12 x 2 + 4 + 6.1538 streamed = 34.1538; array 3 + 1 x 4 + 4 + 6.1538 = 17.1538;
   *   GLB 1.2308 + 3 + 4 = 8.2308; DRAM 4.9231; activation 4 x 0.5 = 2
   * layer 2, 4 -> 2 linear: params 10; GLB 0.7692, DRAM 3.0769 streamed
   *   s = 2, passes 1, slice 2: MAC cycles 2; stream (0.7692 + 3.0769) / 2 + 3.0769 = 5.0 -> 5
   *   PEs 2 x 2 = 4; utilisation 8 / (4 x 5) = 0.4; cycles = 1 + 5 + 1 + 1 + 0 + 1 = 9
   *   RF 8 x 2 + 2 + 3.8462 = 21.8462; array 4 + 2 + 2 + 3.8462 = 11.8462;
   *   GLB 0.7692 + 4 + 2 = 6.7692; DRAM 3.0769
   * queues: 3 + 2 = 5 words, 5 cycles, 5 GLB accesses
   * NPU: 17 + 9 + 5 = 31 cycles; RF 56, array 29, GLB 20, DRAM 8
   *   energy (pJ): mac 20, RF 56, array 58, GLB 120, DRAM 1600, activation 2, transfer 10 = 1866
   * </pre>
   */
  @Test
  void smallNetworkThatSpillsToGlobalBufferAndDram() {
    HardwareConfig hw = TestHardware.tiny(20);
    SimulationResult r = Simulator.simulate(Network.parse("3-4:relu-2"), hw, OpProfile.of(Map.of()));
    NpuCost npu = r.npu();
    assertEquals(new WeightPlacement(16, 2, 8), npu.weights());
    assertLayer(npu.layers().get(0), 2, 4, 2, 0.375, 17);
    assertLayer(npu.layers().get(1), 2, 4, 1, 0.4, 9);
    assertEquals(31, npu.cycles());
    assertEquals(20, npu.macs());
    assertAccesses(npu.accesses(), 56, 29, 20, 8);
    assertEnergy(npu.energy(), 20, 56, 58, 120, 1600, 2, 10);
    assertEquals(1866e-12, npu.energyJoules(), 1e-20);
  }

  private static void assertLayer(LayerCost l, int split, int pes, long passes, double util, long cycles) {
    assertEquals(split, l.split(), "split of layer " + l.index());
    assertEquals(pes, l.pesUsed(), "PEs of layer " + l.index());
    assertEquals(passes, l.passes(), "passes of layer " + l.index());
    assertEquals(util, l.utilisation(), EPS, "utilisation of layer " + l.index());
    assertEquals(cycles, l.cycles(), "cycles of layer " + l.index());
  }

  private static void assertAccesses(AccessCounts a, double rf, double array, double glb, double dram) {
    assertEquals(rf, a.registerFile(), 1e-9, "register-file accesses");
    assertEquals(array, a.array(), 1e-9, "array accesses");
    assertEquals(glb, a.globalBuffer(), 1e-9, "global-buffer accesses");
    assertEquals(dram, a.dram(), 1e-9, "DRAM accesses");
  }

  /** Energies in pJ. */
  private static void assertEnergy(EnergyBreakdown e, double mac, double rf, double array,
      double glb, double dram, double act, double transfer) {
    double pj = 1e-12;
    double tol = 1e-9 * pj;
    assertEquals(mac * pj, e.mac(), tol, "mac");
    assertEquals(rf * pj, e.registerFile(), tol, "registerFile");
    assertEquals(array * pj, e.array(), tol, "array");
    assertEquals(glb * pj, e.globalBuffer(), tol, "globalBuffer");
    assertEquals(dram * pj, e.dram(), tol, "dram");
    assertEquals(act * pj, e.activation(), tol, "activation");
    assertEquals(transfer * pj, e.transfer(), tol, "transfer");
    assertEquals(0, e.leakage(), 0, "leakage");
  }
}
