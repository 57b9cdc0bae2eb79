package org.axnas.runtime;

import java.util.Optional;

/**
 * One network of a finished run's Pareto set as {@code pareto.json} lists it: its scores, its
 * accuracy on the test split (which the search never saw; empty when it was not scored) and the
 * file of its trained model.
 */
public record ParetoMember(Scored scores, Optional<Double> testAccuracy, String modelFile) {}
