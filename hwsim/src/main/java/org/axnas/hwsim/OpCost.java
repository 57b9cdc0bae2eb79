package org.axnas.hwsim;

/**
 * The CPU's cost of one dynamic operation of a class.
 *
 * @param cycles effective core cycles per operation (between the reciprocal throughput and the
 *     latency; see hwsim/README.md for how each value was derived)
 * @param joules dynamic energy per operation, pipeline overhead included
 */
public record OpCost(double cycles, double joules) {}
