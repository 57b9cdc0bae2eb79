package org.axnas.hwsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.axnas.core.Activation;
import org.axnas.core.OpClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped configurations load; bad ones are rejected naming the file, the field and what is allowed. */
class HardwareConfigTest {
  @TempDir Path dir;

  @Test
  void shippedConfigurationsDescribeTheirPlatforms() {
    HardwareConfig eyeriss = TestHardware.shipped("eyeriss");
    NpuConfig e = eyeriss.npu();
    assertEquals("eyeriss", eyeriss.name());
    assertEquals(168, e.pes());
    assertEquals(1e9, e.clockHz());
    assertEquals(16, e.wordBits());
    assertEquals(224, e.registerFileWeightWords());
    assertEquals(108 * 1024, e.globalBufferBytes());
    assertEquals(1, e.registerFileEnergy());
    assertEquals(2, e.arrayEnergy());
    assertEquals(6, e.globalBufferEnergy());
    assertEquals(200, e.dramEnergy());
    assertEquals(3.4e9, eyeriss.cpu().clockHz());

    HardwareConfig npu8 = TestHardware.shipped("npu8");
    assertEquals(8, npu8.npu().pes());
    assertEquals(512, npu8.npu().registerFileWeightWords());
    assertFalse(npu8.npu().hasGlobalBuffer());
    assertEquals(eyeriss.cpu(), npu8.cpu(), "both platforms share the Penryn-like core");
    for (HardwareConfig hw : new HardwareConfig[] {eyeriss, npu8}) {
      for (Activation a : Activation.values()) {
        assertTrue(hw.npu().activation(a) != null);
      }
      for (OpClass c : OpClass.values()) {
        assertTrue(hw.cpu().op(c).cycles() > 0);
      }
    }
  }

  static Stream<Arguments> badConfigs() {
    return Stream.of(
        bad("malformed YAML", "(?m)^  array:", "  array: [12, 14", "", "malformed YAML"),
        bad("duplicate key", "(?m)^  wordBits: 16", "  wordBits: 16\n  wordBits: 8", "", "Duplicate field 'wordBits'"),
        bad("unknown key", "(?m)^  registerFileWeightWords:", "  registerFileWeigthWords:",
            "npu.registerFileWeigthWords", "unknown field; allowed here: name, clockHz"),
        bad("missing field", "(?m)^  clockHz: 1.0e9.*$", "", "npu.clockHz", "missing; required"),
        bad("negative size", "(?m)^    rows: 12", "    rows: -12", "npu.array.rows", "must be an integer >= 1"),
        bad("zero size", "(?m)^  registerFileWeightWords: 224", "  registerFileWeightWords: 0",
            "npu.registerFileWeightWords", "must be an integer >= 1"),
        bad("negative buffer", "(?m)^  globalBufferBytes: 110592", "  globalBufferBytes: -1",
            "npu.globalBufferBytes", "must be an integer >= 0"),
        bad("zero clock", "(?m)^  clockHz: 3.4e9", "  clockHz: 0", "cpu.clockHz", "must be > 0"),
        bad("negative energy", "(?m)^    dram: 200", "    dram: -200", "npu.energy.dram", "must be > 0"),
        bad("wrong type", "(?m)^    cols: 14", "    cols: fourteen", "npu.array.cols",
            "must be an integer (an integer >= 1, PE columns; neurons are spread across columns), got the string 'fourteen'"),
        bad("fraction for a count", "(?m)^    rows: 12", "    rows: 12.5", "npu.array.rows", "must be an integer"),
        bad("mapping expected", "(?m)^  array:\\n    rows: 12.*\\n    cols: 14.*$", "  array: 12x14",
            "npu.array", "must be a mapping (rows and cols of the PE array), got the string '12x14'"),
        bad("unknown activation", "(?m)^    linear:", "    softmax: {cycles: 3, energy: 2}\n    linear:",
            "npu.activation.softmax", "unknown activation; allowed: lanes, relu, sigmoid, tanh, linear"),
        bad("missing activation", "(?m)^    tanh:.*$", "", "npu.activation.tanh",
            "missing; every activation needs a cost (cycles, energy): relu, sigmoid, tanh, linear"),
        bad("unknown operation class", "(?m)^    fexp:", "    fma:", "cpu.ops.fma",
            "unknown operation class; allowed: fadd, fmul, fdiv, fsqrt, fexp, ftrig, int, load, store, branch"),
        bad("missing operation class", "(?m)^    ftrig:.*$", "", "cpu.ops.ftrig", "missing; every operation class"),
        bad("unknown instruction class", "(?m)^    imul:", "    fma:", "cpu.instructions.fma",
            "unknown instruction class; allowed: int, imul, load, store, branch, fadd"),
        bad("missing instruction class", "(?m)^    vshuf:.*$", "", "cpu.instructions.vshuf",
            "missing; every instruction class"),
        bad("unknown baseline", "(?m)^  baseline: O2", "  baseline: O3", "cpu.baseline",
            "must be one of O2, O0"));
  }

  private static Arguments bad(String what, String regex, String replacement, String field, String allowed) {
    return Arguments.of(what, regex, replacement, field, allowed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void badConfigurationIsRejectedNamingFileFieldAndWhatIsAllowed(
      String what, String regex, String replacement, String field, String allowed) throws IOException {
    String text = TestHardware.shippedText("eyeriss");
    String broken = text.replaceFirst(regex, replacement);
    assertFalse(broken.equals(text), "the mutation for '" + what + "' matched nothing");
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, broken);

    HardwareConfigException e = assertThrows(HardwareConfigException.class, () -> HardwareConfig.load(file));
    String message = e.getMessage();
    assertTrue(message.startsWith(file.toString() + ": "), message);
    assertTrue(message.contains(allowed), message);
    if (!field.isEmpty()) {
      assertEquals(field, e.field(), message);
      assertTrue(message.contains(field + ": "), message);
    }
    assertTrue(e instanceof IllegalArgumentException);
  }

  @Test
  void missingAndEmptyFilesAreRejectedNamingTheFile() throws IOException {
    Path missing = dir.resolve("nope.yaml");
    HardwareConfigException e = assertThrows(HardwareConfigException.class, () -> HardwareConfig.load(missing));
    assertTrue(e.getMessage().startsWith(missing + ": no such hardware configuration file"), e.getMessage());

    Path empty = dir.resolve("empty.yaml");
    Files.writeString(empty, "");
    e = assertThrows(HardwareConfigException.class, () -> HardwareConfig.load(empty));
    assertTrue(e.getMessage().startsWith(empty + ": empty configuration; expected a mapping with name, npu and cpu"),
        e.getMessage());
  }
}
