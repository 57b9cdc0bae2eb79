package org.axnas.hwsim;

/**
 * Word accesses per level of the NPU's storage hierarchy for one invocation. Counts may be
 * fractional: weights that spill off chip are charged per layer in proportion to its share of
 * the network's parameters (an expectation, not a schedule).
 *
 * @param registerFile register-file accesses (MAC operands, partial sums, spilled weights
 *     written into a PE, activations when there is no global buffer)
 * @param array words moved over the array network or bus (input multicast, partial-sum hops,
 *     outputs gathered, spilled weights delivered)
 * @param globalBuffer global-buffer reads and writes (activation vectors, spilled weights)
 * @param dram DRAM word reads (weights that fit on no on-chip level)
 */
public record AccessCounts(double registerFile, double array, double globalBuffer, double dram) {}
