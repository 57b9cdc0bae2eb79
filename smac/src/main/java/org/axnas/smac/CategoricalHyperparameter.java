package org.axnas.smac;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;

/** One of a list of named choices; the surrogate sees the choice's index. */
public record CategoricalHyperparameter(String name, List<String> choices, String defaultValue)
    implements Hyperparameter {

  public CategoricalHyperparameter {
    ConfigurationSpace.checkName(name);
    choices = List.copyOf(choices);
    if (choices.isEmpty()) {
      throw new IllegalArgumentException("categorical hyperparameter '" + name + "' needs at least one choice");
    }
    if (new HashSet<>(choices).size() != choices.size()) {
      throw new IllegalArgumentException("categorical hyperparameter '" + name + "' has repeated choices " + choices);
    }
    if (!choices.contains(defaultValue)) {
      throw new IllegalArgumentException("categorical hyperparameter '" + name + "': default '"
          + defaultValue + "' is not one of " + choices);
    }
  }

  /** Default is the first choice. */
  public static CategoricalHyperparameter of(String name, List<String> choices) {
    return new CategoricalHyperparameter(name, choices, choices.isEmpty() ? null : choices.get(0));
  }

  @Override
  public Object canonical(Object value) {
    if (value instanceof String s && choices.contains(s)) {
      return s;
    }
    throw new IllegalArgumentException(
        "hyperparameter '" + name + "' takes one of " + choices + ", got " + value);
  }

  @Override
  public boolean isLegal(Object value) {
    return value instanceof String s && choices.contains(s);
  }

  @Override
  public Object fromUnit(double u) {
    int i = (int) Math.floor(Math.min(1, Math.max(0, u)) * choices.size());
    return choices.get(Math.min(choices.size() - 1, i));
  }

  @Override
  public double encode(Object value) {
    return choices.indexOf(value);
  }

  /** Every other choice. */
  @Override
  public List<Object> neighbours(Object value, SplittableRandom random) {
    List<Object> out = new ArrayList<>(choices.size() - 1);
    for (String c : choices) {
      if (!c.equals(value)) {
        out.add(c);
      }
    }
    return out;
  }

  @Override
  public double cardinality() {
    return choices.size();
  }

  @Override
  public List<Object> values() {
    return List.copyOf(choices);
  }

  @Override
  public String toJson(Object value) {
    return Json.quote((String) value);
  }

  @Override
  public String describe() {
    return name + ": categorical " + choices + ", default " + defaultValue;
  }
}
