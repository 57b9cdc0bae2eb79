package org.axnas.hwsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.axnas.core.Network;
import org.axnas.core.OpClass;
import org.axnas.core.OpProfile;
import org.axnas.runtime.ActivationUnit;
import org.axnas.runtime.Precision;
import org.axnas.runtime.Rounding;
import org.junit.jupiter.api.Test;

/** {@code npu.precision}: the shipped defaults, bad values named, and the datapath priced by its width. */
class PrecisionTest {
  private static final OpProfile PROFILE = OpProfile.of(Map.of(OpClass.FADD, 30.0, OpClass.FMUL, 30.0, OpClass.FEXP, 2.0));
  private static final Precision FIXED8 = Precision.fixed(8, Rounding.NEAREST, ActivationUnit.EXACT);
  private static final String EYERISS_PRECISION = """
        precision:                     # the arithmetic candidates are scored in (hwsim/README.md, "Precision")
          arithmetic: fixed            # [E] 16-bit fixed-point MACs
          bits: 16                     # [E]; 8 is priced by hwsim's width scaling ([H] 8-bit mult 0.2 pJ + add 0.03 pJ)
          rounding: nearest            # (assumption) round to nearest on write-back; overflow saturates
          activationUnit:              # (assumption) Eyeriss has relu only; sigmoid/tanh as activation.sigmoid below:
            kind: piecewise-linear     #   piecewise linear, a 256-entry table per function (1 KB: small
            entries: 256               #   beside the 108 KB buffer); relu exact
      """;

  @Test
  void theShippedConfigsSayWhatTheirHardwareComputesIn() {
    Precision e = TestHardware.shipped("eyeriss").precision();
    assertEquals(16, e.bits());
    assertEquals(Rounding.NEAREST, e.rounding());
    assertEquals(ActivationUnit.of(ActivationUnit.Kind.PIECEWISE_LINEAR, 256), e.activationUnit());
    assertEquals("fixed16/pwl256", e.notation());
    Precision n = TestHardware.shipped("npu8").precision();
    assertEquals(Precision.floatWith(ActivationUnit.of(ActivationUnit.Kind.LOOKUP_TABLE, 2048)), n);
    assertEquals("float/lut2048", n.notation());
  }

  @Test
  void theDefaultPrecisionLeavesTheSimulatedFiguresAsTheyWere() {
    Network net = Network.parse("6-32:sigmoid-16:tanh-1");
    HardwareConfig withBlock = TestHardware.shipped("eyeriss");
    HardwareConfig without = TestHardware.shippedWith("eyeriss", EYERISS_PRECISION, "");
    assertEquals(Precision.FLOAT, without.precision()); // a file from before precisions is scored in float
    SimulationResult a = Simulator.simulate(net, withBlock, PROFILE);
    SimulationResult b = Simulator.simulate(net, without, PROFILE);
    assertEquals(b.npu().cycles(), a.npu().cycles());
    assertEquals(b.npu().energyJoules(), a.npu().energyJoules());
    assertEquals(b.energyReduction(), a.energyReduction());
    // the same width and kind again: nothing but the arithmetic changes
    HardwareConfig again = withBlock.withPrecision(Precision.fixed(16, Rounding.TRUNCATE, ActivationUnit.EXACT));
    assertEquals(a.npu().energyJoules(), Simulator.simulate(net, again, PROFILE).npu().energyJoules());
    HardwareConfig npu8 = TestHardware.shipped("npu8");
    assertEquals(Simulator.simulate(net, npu8, PROFILE).npu().energyJoules(),
        Simulator.simulate(net, npu8.withPrecision(Precision.FLOAT), PROFILE).npu().energyJoules());
  }

  @Test
  void eightBitsAreCheaperAndFitMoreWeightsOnChip() {
    HardwareConfig e16 = TestHardware.shipped("eyeriss");
    HardwareConfig e8 = e16.withPrecision(FIXED8);
    HardwareConfig e32 = e16.withPrecision(Precision.FLOAT);
    assertEquals(8, e8.npu().wordBits());
    assertEquals(2 * e16.npu().globalBufferWords(), e8.npu().globalBufferWords()); // 110592 bytes / 1 byte
    assertEquals(448, e8.npu().registerFileWeightWords()); // 224 x 16 bits of scratchpad
    assertEquals(0.23e-12, e8.npu().macJoules(), 1e-18); // [H] 0.2 + 0.03 pJ
    assertEquals(4.6e-12, e32.npu().macJoules(), 1e-18); // [H] 3.7 + 0.9 pJ
    // a register-file access costs in proportion to its bits: 0.85 pJ per 16-bit word, 0.425 per 8-bit one
    assertEquals(0.425e-12, e8.npu().macJoules() * e8.npu().registerFileEnergy(), 1e-18);
    for (String n : new String[] {"6-8:sigmoid-1", "64-16:sigmoid-64", "18-128:relu-128:tanh-2"}) {
      Network net = Network.parse(n);
      double j8 = Simulator.simulate(net, e8, PROFILE).npu().energyJoules();
      double j16 = Simulator.simulate(net, e16, PROFILE).npu().energyJoules();
      double j32 = Simulator.simulate(net, e32, PROFILE).npu().energyJoules();
      assertTrue(j8 < j16 && j16 < j32, n + ": " + j8 + " " + j16 + " " + j32);
    }
    // 98,880 weights: beyond the 16-bit chip (37,632 register-file + ~55,000 buffer words), within the 8-bit one
    Network big = Network.parse("64-256:relu-256:relu-64");
    assertTrue(Simulator.simulate(big, e16, PROFILE).npu().weights().dram() > 0);
    assertTrue(Simulator.simulate(big, e8, PROFILE).npu().weights().fitsOnChip());
  }

  @Test
  void aFileWhosePrecisionIsNarrowerThanItsWordIsPricedAtThePrecision() {
    HardwareConfig e8 = TestHardware.shippedWith("eyeriss", "bits: 16  ", "bits: 8   ");
    Precision p8 = Precision.fixed(8, Rounding.NEAREST, ActivationUnit.of(ActivationUnit.Kind.PIECEWISE_LINEAR, 256));
    assertEquals(p8, e8.precision());
    assertEquals(TestHardware.shipped("eyeriss").withPrecision(p8).npu(), e8.npu());
    assertEquals(8, e8.npu().wordBits());
    // a datapath hwsim has no MAC energy for cannot be re-priced at another width
    String twelve = TestHardware.shippedText("eyeriss").replace("wordBits: 16 ", "wordBits: 12 ");
    HardwareConfigException e = assertThrows(HardwareConfigException.class, () -> HardwareConfig.parse(twelve, "twelve.yaml"));
    assertEquals("npu.precision", e.field(), e.getMessage());
    assertTrue(e.getMessage().contains("wordBits is 12"), e.getMessage());
  }

  @Test
  void theShippedEightBitConfigIsEyerissAtEightBits() {
    HardwareConfig int8 = TestHardware.shipped("eyeriss-int8");
    HardwareConfig eyeriss = TestHardware.shipped("eyeriss");
    Precision p8 = Precision.fixed(8, Rounding.NEAREST, ActivationUnit.of(ActivationUnit.Kind.PIECEWISE_LINEAR, 256));
    assertEquals(p8, int8.precision());
    assertEquals(eyeriss.withPrecision(p8).npu(), int8.npu());
    assertEquals(eyeriss.cpu(), int8.cpu());
    Network net = Network.parse("6-16:tanh-16:tanh-1");
    assertTrue(Simulator.simulate(net, int8, PROFILE).npu().energyJoules()
        < 0.6 * Simulator.simulate(net, eyeriss, PROFILE).npu().energyJoules());
  }

  @Test
  void badPrecisionsAreNamedWithWhatIsAllowed() {
    String[][] bad = {
        {"bits: 16  ", "bits: 12", "npu.precision.bits", "8, 16 or 32"},
        {"rounding: nearest  ", "rounding: stochastic", "npu.precision.rounding", "nearest, truncate"},
        {"kind: piecewise-linear", "kind: cordic", "npu.precision.activationUnit.kind", "lookup-table"},
        {"entries: 256", "entries: 1", "npu.precision.activationUnit.entries", "2 to 65536"},
        {"arithmetic: fixed", "arithmetic: posit", "npu.precision.arithmetic", "fixed or float"},
        {"arithmetic: fixed", "arithmetic: float", "npu.precision.bits", "only for arithmetic: fixed"},
        {"bits: 16  ", "width: 16", "npu.precision.width", "allowed here"},
    };
    for (String[] b : bad) {
      HardwareConfigException e = assertThrows(HardwareConfigException.class,
          () -> TestHardware.shippedWith("eyeriss", b[0], b[1]), b[1]);
      assertEquals(b[2], e.field(), e.getMessage());
      assertTrue(e.getMessage().contains(b[3]), e.getMessage());
      assertTrue(e.getMessage().startsWith("eyeriss-variant.yaml: "), e.getMessage());
    }
    HardwareConfigException e = assertThrows(HardwareConfigException.class,
        () -> TestHardware.shippedWith("eyeriss", EYERISS_PRECISION, "  precision: double\n"));
    assertEquals("npu.precision", e.field());
    assertTrue(e.getMessage().contains("float, or a mapping"), e.getMessage());
  }
}
