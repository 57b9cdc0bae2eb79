package org.axnas.hwsim;

/**
 * The core's side of feeding the NPU: the queue instructions that send inputs and fetch outputs.
 * (The original function's cost is its {@link CpuWorkload}'s.) Stateless.
 */
final class CpuModel {
  private CpuModel() {}

  /** The core's side of sending {@code words} words to the NPU and back. */
  static TransferCost transfer(int words, CpuConfig cpu) {
    double cycles = words * cpu.queueCyclesPerWord();
    return new TransferCost(words, cycles, cycles / cpu.clockHz(), words * cpu.queueJoulesPerWord());
  }
}
