package org.axnas.hwsim;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Tables with one entry per constant of an enum (activation costs, operation costs). */
final class EnumTables {
  private EnumTables() {}

  /** An unmodifiable copy of {@code table}, which must have an entry for every constant of {@code type}. */
  static <E extends Enum<E>, V> Map<E, V> complete(Map<E, V> table, Class<E> type, String what) {
    EnumMap<E, V> copy = new EnumMap<>(type);
    copy.putAll(table);
    for (E e : type.getEnumConstants()) {
      if (!copy.containsKey(e)) {
        throw new IllegalArgumentException("no " + what + " for " + e);
      }
    }
    return Collections.unmodifiableMap(copy);
  }
}
