package org.axnas.smac;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a {@link ConfigurationSpace}: a value for every active hyperparameter, in the
 * space's order. Immutable; equal when the names and values are equal. Only a
 * {@code ConfigurationSpace} makes them, so every configuration is legal in its space.
 */
public final class Configuration {
  private final String[] names;
  private final Object[] values;
  private final int hash;

  Configuration(String[] names, Object[] values) {
    this.names = names;
    this.values = values;
    this.hash = 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
  }

  /** Active hyperparameters and their values, in the space's order. */
  public Map<String, Object> values() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      m.put(names[i], values[i]);
    }
    return Collections.unmodifiableMap(m);
  }

  /** Whether the hyperparameter is active here. */
  public boolean has(String name) {
    return indexOf(name) >= 0;
  }

  /** The value of an active hyperparameter. */
  public Object get(String name) {
    int i = indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("hyperparameter '" + name + "' is not active in " + toJson());
    }
    return values[i];
  }

  public int intValue(String name) {
    return (Integer) get(name);
  }

  public double doubleValue(String name) {
    return ((Number) get(name)).doubleValue();
  }

  public String stringValue(String name) {
    return (String) get(name);
  }

  /** A flat JSON object in the space's order, e.g. {@code {"layers":2,"neurons_1":8,...}}. */
  public String toJson() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(Json.quote(names[i])).append(':');
      Object v = values[i];
      sb.append(v instanceof String s ? Json.quote(s) : v.toString());
    }
    return sb.append('}').toString();
  }

  int size() {
    return names.length;
  }

  String nameAt(int i) {
    return names[i];
  }

  Object valueAt(int i) {
    return values[i];
  }

  private int indexOf(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Configuration c && hash == c.hash
        && Arrays.equals(names, c.names) && Arrays.equals(values, c.values);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return toJson();
  }
}
