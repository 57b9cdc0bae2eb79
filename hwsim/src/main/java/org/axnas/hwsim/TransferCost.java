package org.axnas.hwsim;

/**
 * The CPU side of one NPU invocation: enqueueing the inputs and dequeueing the outputs. (The
 * NPU side is in {@link EnergyBreakdown#transfer()} and in the NPU's cycles.)
 *
 * @param words inputs plus outputs
 * @param cpuCycles core cycles spent on the queue instructions
 * @param cpuSeconds {@code cpuCycles / clockHz}
 * @param cpuJoules dynamic energy of the queue instructions
 */
public record TransferCost(int words, double cpuCycles, double cpuSeconds, double cpuJoules) {}
