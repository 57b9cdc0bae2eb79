package org.axnas.hwsim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * One CPU+NPU platform, read from a YAML file under {@code run-configs/hardware/}: the NPU
 * (array shape, clock, word size, buffers, energy table, activation unit, queues) and the CPU
 * (clock, cycles and energy per operation class, leakage, queue costs). Immutable and safe to
 * share between threads.
 *
 * @param name short name (e.g. {@code eyeriss}), used in results
 * @param description one line on what the platform models
 * @param npu the accelerator
 * @param cpu the host core
 * @param source where the configuration was read from
 */
public record HardwareConfig(
    String name, String description, NpuConfig npu, CpuConfig cpu, String source) {

  /**
   * Reads and validates a configuration file.
   *
   * @throws HardwareConfigException if the file is missing, unreadable or invalid; the message
   *     names the file, the field and what is allowed
   */
  public static HardwareConfig load(Path yaml) {
    String text;
    try {
      text = Files.readString(yaml, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new HardwareConfigException(yaml.toString(), "no such hardware configuration file", e);
    } catch (IOException e) {
      throw new HardwareConfigException(yaml.toString(), "cannot read: " + e.getMessage(), e);
    }
    return parse(text, yaml.toString());
  }

  /**
   * This platform with its CPU measured against {@code baseline}. Searches are invariant to the
   * baseline (f_perf normalises speedup and energy reduction by the best reachable ones, and the
   * CPU's cost cancels in those ratios), so a finished run's choices can be re-priced at another
   * baseline exactly.
   */
  public HardwareConfig withCpuBaseline(CpuBaseline baseline) {
    return new HardwareConfig(name, description, npu, cpu.withBaseline(baseline), source);
  }

  /**
   * This platform with its NPU computing in {@code precision}, priced at that precision's word
   * width ({@link NpuConfig#withPrecision}); the CPU is unchanged.
   */
  public HardwareConfig withPrecision(org.axnas.runtime.Precision precision) {
    return new HardwareConfig(name, description, npu.withPrecision(precision), cpu, source);
  }

  /** The arithmetic the NPU computes in (what candidates are scored in). */
  public org.axnas.runtime.Precision precision() {
    return npu.precision();
  }

  /**
   * Parses and validates a configuration held in a string.
   *
   * @param sourceName the name used in error messages (normally the file path)
   * @throws HardwareConfigException if the configuration is invalid
   */
  public static HardwareConfig parse(String yaml, String sourceName) {
    return new HardwareConfigParser(sourceName).parse(yaml);
  }
}
