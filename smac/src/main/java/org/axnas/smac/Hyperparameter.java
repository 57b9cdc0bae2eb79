package org.axnas.smac;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One dimension of a {@link ConfigurationSpace}. Every hyperparameter maps the unit interval onto
 * its values (samplers and space-filling designs draw there), gives the surrogate model a numeric
 * feature for a value, and knows the values one move away (the one-exchange neighbourhood of
 * Hutter et al., LION 2011).
 */
public sealed interface Hyperparameter
    permits IntegerHyperparameter, RealHyperparameter, CategoricalHyperparameter {

  /** Unit-space standard deviation of a numeric neighbour move (ConfigSpace's default). */
  double NEIGHBOUR_STDEV = 0.2;

  /** Numeric neighbours drawn per move (ConfigSpace draws four). */
  int NUMERIC_NEIGHBOURS = 4;

  String name();

  Object defaultValue();

  /**
   * The canonical value (Integer, Double or String) for {@code value}, e.g. an Integer for a
   * Long parsed from JSON.
   *
   * @throws IllegalArgumentException when the value has the wrong type or is out of range
   */
  Object canonical(Object value);

  /** Whether {@code value} is already canonical and legal. */
  boolean isLegal(Object value);

  /** The value at {@code u} in [0, 1]; uniform {@code u} gives this parameter's sampling law. */
  Object fromUnit(double u);

  /**
   * The feature the surrogate sees: for numbers the position in [0, 1] (on the log scale when
   * the parameter is log-scaled), for categories the index of the choice.
   */
  double encode(Object value);

  /** Values one move away from {@code value}, never {@code value} itself. */
  List<Object> neighbours(Object value, SplittableRandom random);

  /** Number of distinct values; {@link Double#POSITIVE_INFINITY} for real parameters. */
  double cardinality();

  /** All values in increasing order; only for finite parameters. */
  List<Object> values();

  /** The value as a JSON token. */
  String toJson(Object value);

  /** A one-line description, e.g. {@code neurons_1: integer [1, 128] log, default 11}. */
  String describe();

  /** A sample from this parameter's law. */
  default Object sample(SplittableRandom random) {
    return fromUnit(random.nextDouble());
  }
}
