package org.axnas.hwsim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Hardware configurations the tests share: the shipped files and a tiny hand-checkable one. */
final class TestHardware {
  private TestHardware() {}

  /** A shipped configuration; surefire's working directory is the repository root. */
  static HardwareConfig shipped(String name) {
    return HardwareConfig.load(shippedPath(name));
  }

  static Path shippedPath(String name) {
    return Path.of("run-configs/hardware/" + name + ".yaml");
  }

  static String shippedText(String name) {
    try {
      return Files.readString(shippedPath(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A shipped configuration with a changed line, e.g. {@code registerFileWeightWords: 224} to
   * {@code registerFileWeightWords: 100000}.
   */
  static HardwareConfig shippedWith(String name, String line, String replacement) {
    String text = shippedText(name);
    if (!text.contains(line)) {
      throw new IllegalStateException(name + ".yaml has no line '" + line + "'");
    }
    return HardwareConfig.parse(text.replace(line, replacement), name + "-variant.yaml");
  }

  /**
   * A 2 x 2 array small enough to cost by hand: 4 weight words and 2 input words per PE, a bus of
   * 2 words per cycle, 1 DRAM word per cycle, unit MAC energy of 1 pJ, one activation lane.
   */
  static String tinyYaml(long globalBufferBytes) {
    return """
        name: tiny
        description: hand-checkable 2x2 array
        npu:
          name: tiny 2x2
          clockHz: 1.0e9
          wordBits: 16
          array: {rows: 2, cols: 2}
          registerFileWeightWords: 4
          inputBufferWords: 2
          globalBufferBytes: %d
          busWordsPerCycle: 2
          dramBytesPerSecond: 2.0e9
          pipelineFillCycles: 1
          layerSyncCycles: 1
          staticWatts: 0
          energy:
            macJoules: 1.0e-12
            registerFileAccessesPerMac: 2
            registerFile: 1
            array: 2
            globalBuffer: 6
            dram: 200
          activation:
            lanes: 1
            relu: {cycles: 1, energy: 0.5}
            sigmoid: {cycles: 2, energy: 3}
            tanh: {cycles: 2, energy: 3}
            linear: {cycles: 0, energy: 0}
          queue: {wordsPerCycle: 1, energy: 2}
        cpu:
          name: tiny core
          clockHz: 2.0e9
          staticWatts: 1.0
          queue: {cyclesPerWord: 1, joulesPerWord: 1.0e-9}
          instructions:
            int: {cycles: 1, joules: 1.0e-9}
            imul: {cycles: 2, joules: 2.0e-9}
            load: {cycles: 3, joules: 3.0e-9}
            store: {cycles: 4, joules: 4.0e-9}
            branch: {cycles: 5, joules: 5.0e-9}
            fadd: {cycles: 6, joules: 6.0e-9}
            fmul: {cycles: 7, joules: 7.0e-9}
            fdiv: {cycles: 8, joules: 8.0e-9}
            fdivd: {cycles: 9, joules: 9.0e-9}
            fsqrt: {cycles: 10, joules: 10.0e-9}
            fsqrtd: {cycles: 11, joules: 11.0e-9}
            fconv: {cycles: 12, joules: 12.0e-9}
            fmove: {cycles: 13, joules: 13.0e-9}
            vint: {cycles: 14, joules: 14.0e-9}
            vmul: {cycles: 15, joules: 15.0e-9}
            vshuf: {cycles: 16, joules: 16.0e-9}
          ops:
            fadd: {cycles: 1, joules: 1.0e-9}
            fmul: {cycles: 2, joules: 1.0e-9}
            fdiv: {cycles: 1, joules: 1.0e-9}
            fsqrt: {cycles: 1, joules: 1.0e-9}
            fexp: {cycles: 20, joules: 10.0e-9}
            ftrig: {cycles: 1, joules: 1.0e-9}
            int: {cycles: 1, joules: 1.0e-9}
            load: {cycles: 1, joules: 1.0e-9}
            store: {cycles: 1, joules: 1.0e-9}
            branch: {cycles: 1, joules: 1.0e-9}
        """.formatted(globalBufferBytes);
  }

  static HardwareConfig tiny(long globalBufferBytes) {
    return HardwareConfig.parse(tinyYaml(globalBufferBytes), "tiny.yaml");
  }
}
