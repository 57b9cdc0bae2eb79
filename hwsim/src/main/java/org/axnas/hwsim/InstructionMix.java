package org.axnas.hwsim;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Micro-operations per invocation of a function, by {@link InstructionClass}, as a named build of
 * it executes them, with the x86 instruction count they came from. Immutable.
 *
 * @param counts micro-operations per invocation of each class; missing classes count zero
 * @param instructions x86 instructions per invocation (what callgrind reports as Ir / calls)
 * @param libmInstructions of which executed inside the maths library
 * @param build what was measured, e.g. "blackscholes, gcc -O2 -march=core2"
 */
public record InstructionMix(
    Map<InstructionClass, Double> counts, double instructions, double libmInstructions, String build)
    implements CpuWorkload {

  public InstructionMix {
    EnumMap<InstructionClass, Double> copy = new EnumMap<>(InstructionClass.class);
    for (InstructionClass c : InstructionClass.values()) {
      double n = counts.getOrDefault(c, 0.0);
      if (!(n >= 0) || Double.isInfinite(n)) {
        throw new IllegalArgumentException(
            "micro-operations of class " + c.key() + " must be finite and >= 0, got " + n);
      }
      copy.put(c, n);
    }
    counts = Collections.unmodifiableMap(copy);
    if (!(instructions >= 0) || Double.isInfinite(instructions)) {
      throw new IllegalArgumentException("instructions must be finite and >= 0, got " + instructions);
    }
    if (!(libmInstructions >= 0) || libmInstructions > instructions) {
      throw new IllegalArgumentException("libm instructions must be in [0, " + instructions
          + "], got " + libmInstructions);
    }
    build = Objects.requireNonNull(build, "build");
  }

  public double count(InstructionClass c) {
    return counts.get(c);
  }

  /** All micro-operations per invocation. */
  public double microOps() {
    return counts.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  @Override
  public CpuCost cost(CpuConfig cpu) {
    double cycles = 0;
    double joules = 0;
    for (Map.Entry<InstructionClass, Double> e : counts.entrySet()) {
      OpCost op = cpu.instruction(e.getKey());
      cycles += e.getValue() * op.cycles();
      joules += e.getValue() * op.joules();
    }
    double seconds = cycles / cpu.clockHz();
    return new CpuCost(cycles, seconds, joules, cpu.staticWatts() * seconds);
  }

  @Override
  public String description() {
    return String.format(java.util.Locale.ROOT, "%s: %.1f instructions per invocation (libm %.1f)",
        build, instructions, libmInstructions);
  }
}
