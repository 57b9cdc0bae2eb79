package org.axnas.hwsim;

/**
 * What the NPU's activation unit charges for one neuron's activation function.
 *
 * @param cycles pipeline latency of the unit for this function (0 = applied for free in the
 *     output path, e.g. a linear output)
 * @param energy energy per evaluated neuron, in multiples of one MAC's energy
 */
public record ActivationCost(int cycles, double energy) {}
