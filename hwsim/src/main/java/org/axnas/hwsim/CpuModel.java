package org.axnas.hwsim;

/**
 * The CPU model: a function's cost is its workload (a measured instruction mix, or counted
 * operations) priced by the core's per-class tables, plus the core's leakage over the time it takes. The same core pays for the queue
 * instructions that feed the NPU. Stateless.
 */
final class CpuModel {
  private CpuModel() {}

  /** The cost of one invocation of the original function. */
  static CpuCost cost(CpuWorkload workload, CpuConfig cpu) {
    return workload.cost(cpu);
  }

  /** The core's side of sending {@code words} words to the NPU and back. */
  static TransferCost transfer(int words, CpuConfig cpu) {
    double cycles = words * cpu.queueCyclesPerWord();
    return new TransferCost(words, cycles, cycles / cpu.clockHz(), words * cpu.queueJoulesPerWord());
  }
}
