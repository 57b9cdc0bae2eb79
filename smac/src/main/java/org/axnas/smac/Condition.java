package org.axnas.smac;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code child} is active only when {@code parent} is active and takes one of
 * {@code parentValues}. Several conditions on one child must all hold (as in ConfigSpace).
 */
public record Condition(String child, String parent, Set<Object> parentValues) {

  public Condition {
    if (child == null || parent == null || child.equals(parent)) {
      throw new IllegalArgumentException("a condition needs a child and a different parent, got "
          + child + " <- " + parent);
    }
    if (parentValues == null || parentValues.isEmpty()) {
      throw new IllegalArgumentException("condition on '" + child + "' lists no values of '" + parent + "'");
    }
    parentValues = Collections.unmodifiableSet(new LinkedHashSet<>(parentValues));
  }

  /** Active when the parent takes one of the values. */
  public static Condition in(String child, String parent, Collection<?> values) {
    return new Condition(child, parent, new LinkedHashSet<>(values));
  }

  /** Active when the parent equals the value. */
  public static Condition equalTo(String child, String parent, Object value) {
    return new Condition(child, parent, new LinkedHashSet<>(List.of(value)));
  }

  boolean holdsFor(Object parentValue) {
    return parentValue != null && parentValues.contains(parentValue);
  }

  String describe() {
    return child + " | " + parent + " in " + parentValues;
  }
}
