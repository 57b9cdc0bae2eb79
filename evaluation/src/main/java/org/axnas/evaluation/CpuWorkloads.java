package org.axnas.evaluation;

import java.util.EnumMap;
import java.util.Map;
import org.axnas.core.OpProfile;
import org.axnas.hwsim.CpuWorkload;
import org.axnas.hwsim.HardwareConfig;
import org.axnas.hwsim.InstructionClass;
import org.axnas.hwsim.InstructionMix;

/** The one rule for what the original function costs the CPU, for the objective's normalisation and for scoring. */
public final class CpuWorkloads {
  private CpuWorkloads() {}

  /**
   * A user's function with {@code function.instructionMix}: that mix, priced by the hardware's
   * {@code cpu.instructions} table; else AxBench's measured mix for the core's baseline build
   * when {@code benchmark} is one of the seven; else the operations counted (or given).
   *
   * @param cpuOps operations per invocation by OpClass ordinal
   * @param instructionMix micro-operations per invocation by InstructionClass ordinal, or empty
   */
  public static CpuWorkload of(HardwareConfig hardware, String benchmark, double[] cpuOps, double[] instructionMix) {
    if (instructionMix.length > 0) {
      return givenMix(instructionMix);
    }
    return hardware.cpu().workload(benchmark, OpProfile.of(cpuOps));
  }

  /** A mix given by class ordinal, as the run-config's {@code function.instructionMix} states it. */
  public static InstructionMix givenMix(double[] byOrdinal) {
    Map<InstructionClass, Double> counts = new EnumMap<>(InstructionClass.class);
    double total = 0;
    for (InstructionClass c : InstructionClass.values()) {
      double n = c.ordinal() < byOrdinal.length ? byOrdinal[c.ordinal()] : 0;
      counts.put(c, n);
      total += n;
    }
    return new InstructionMix(counts, total, 0, "the run-config's function.instructionMix");
  }

  /** The ordinal array of a mix given by class, for {@link ScoringSpec#instructionMix}. */
  public static double[] byOrdinal(Map<InstructionClass, Double> mix) {
    if (mix.isEmpty()) {
      return new double[0];
    }
    double[] out = new double[InstructionClass.values().length];
    mix.forEach((c, n) -> out[c.ordinal()] = n);
    return out;
  }
}
