package org.axnas.hwsim;

/**
 * The NPU's energy for one invocation, in joules, by where it is spent.
 *
 * @param mac multiply-accumulates
 * @param registerFile register-file accesses
 * @param array array network / bus transfers
 * @param globalBuffer global-buffer accesses
 * @param dram DRAM accesses
 * @param activation the activation unit
 * @param transfer the NPU side of the CPU-NPU queues
 * @param leakage NPU static power over its busy time
 */
public record EnergyBreakdown(
    double mac,
    double registerFile,
    double array,
    double globalBuffer,
    double dram,
    double activation,
    double transfer,
    double leakage) {

  public double total() {
    return mac + registerFile + array + globalBuffer + dram + activation + transfer + leakage;
  }
}
