package org.axnas.hwsim;

import org.axnas.core.Activation;

/**
 * How one fully connected layer maps onto the PE array and what it costs.
 *
 * @param index 1-based layer number (the output layer is the last)
 * @param inputs fan-in
 * @param neurons outputs of the layer
 * @param activation its activation function
 * @param macs multiply-accumulates ({@code inputs * neurons})
 * @param split PEs each neuron's fan-in is split over, down a column
 * @param pesUsed PEs busy in the layer's fullest pass
 * @param passes passes over the array needed to compute all neurons
 * @param utilisation MACs divided by (PEs x compute cycles), in (0, 1]
 * @param cycles NPU cycles of the layer (fill, compute, partial-sum reduction, output gather,
 *     activation, synchronisation)
 * @param energyJoules energy of the layer (queues excluded)
 */
public record LayerCost(
    int index,
    int inputs,
    int neurons,
    Activation activation,
    long macs,
    int split,
    int pesUsed,
    long passes,
    double utilisation,
    long cycles,
    double energyJoules) {}
