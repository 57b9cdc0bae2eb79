package org.axnas.hwsim;

import org.axnas.core.OpClass;
import org.axnas.core.OpProfile;

/**
 * The CPU model: a function's cost is its dynamic operation profile priced by the per-class
 * table, plus the core's leakage over the time it takes. The same core pays for the queue
 * instructions that feed the NPU. Stateless.
 */
final class CpuModel {
  private static final OpClass[] CLASSES = OpClass.values();

  private CpuModel() {}

  /** The cost of one invocation of the original function with this profile. */
  static CpuCost cost(OpProfile profile, CpuConfig cpu) {
    double cycles = 0;
    double joules = 0;
    for (OpClass c : CLASSES) {
      double n = profile.count(c);
      if (n != 0) {
        OpCost op = cpu.op(c);
        cycles += n * op.cycles();
        joules += n * op.joules();
      }
    }
    double seconds = cycles / cpu.clockHz();
    return new CpuCost(cycles, seconds, joules, cpu.staticWatts() * seconds);
  }

  /** The core's side of sending {@code words} words to the NPU and back. */
  static TransferCost transfer(int words, CpuConfig cpu) {
    double cycles = words * cpu.queueCyclesPerWord();
    return new TransferCost(words, cycles, cycles / cpu.clockHz(), words * cpu.queueJoulesPerWord());
  }
}
