package org.axnas.hwsim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One mapping of a YAML configuration being validated. Each read names what it accepts; reading
 * records the key, and {@link #finish()} rejects any key that was never read, so a misspelt
 * field is an error rather than a silently ignored line.
 */
final class ConfigSection {
  private final String source;
  private final String path;
  private final JsonNode node;
  private final Set<String> known = new LinkedHashSet<>();

  private ConfigSection(String source, String path, JsonNode node) {
    this.source = source;
    this.path = path;
    this.node = node;
  }

  static ConfigSection root(String source, JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      throw new HardwareConfigException(
          source, "", "empty configuration; expected a mapping with name, npu and cpu");
    }
    if (!node.isObject()) {
      throw new HardwareConfigException(
          source, "", "expected a mapping with name, npu and cpu, got " + kind(node));
    }
    return new ConfigSection(source, "", node);
  }

  String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  HardwareConfigException error(String key, String problem) {
    return new HardwareConfigException(source, path(key), problem);
  }

  private JsonNode required(String key, String allowed) {
    known.add(key);
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      throw error(key, "missing; required (" + allowed + ")");
    }
    return v;
  }

  /** Keys present in this mapping, in file order. */
  List<String> keys() {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  boolean has(String key) {
    return node.has(key);
  }

  /** True when the key holds a string (e.g. a short form such as {@code precision: float}). */
  boolean isText(String key) {
    return node.has(key) && node.get(key).isTextual();
  }

  ConfigSection section(String key, String allowed) {
    JsonNode v = required(key, allowed);
    if (!v.isObject()) {
      throw error(key, "must be a mapping (" + allowed + "), got " + kind(v));
    }
    return new ConfigSection(source, path(key), v);
  }

  String text(String key, String allowed) {
    JsonNode v = required(key, allowed);
    if (!v.isTextual() || v.asText().isBlank()) {
      throw error(key, "must be a non-empty string (" + allowed + "), got " + kind(v));
    }
    return v.asText();
  }

  String optionalText(String key, String fallback) {
    known.add(key);
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isTextual()) {
      throw error(key, "must be a string, got " + kind(v));
    }
    return v.asText();
  }

  private double number(String key, String allowed) {
    JsonNode v = required(key, allowed);
    if (!v.isNumber()) {
      throw error(key, "must be a number (" + allowed + "), got " + kind(v));
    }
    double d = v.asDouble();
    if (!Double.isFinite(d)) {
      throw error(key, "must be finite (" + allowed + "), got " + v.asText());
    }
    return d;
  }

  /** A number > 0. */
  double positive(String key, String unit) {
    String allowed = "a number > 0, " + unit;
    double d = number(key, allowed);
    if (d <= 0) {
      throw error(key, "must be > 0 (" + unit + "), got " + node.get(key).asText());
    }
    return d;
  }

  /** A number >= 0. */
  double nonNegative(String key, String unit) {
    String allowed = "a number >= 0, " + unit;
    double d = number(key, allowed);
    if (d < 0) {
      throw error(key, "must be >= 0 (" + unit + "), got " + node.get(key).asText());
    }
    return d;
  }

  private long integer(String key, String allowed) {
    JsonNode v = required(key, allowed);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw error(key, "must be an integer (" + allowed + "), got " + kind(v));
    }
    return v.asLong();
  }

  /** An integer >= 1 that fits an int. */
  int positiveInt(String key, String unit) {
    String allowed = "an integer >= 1, " + unit;
    long n = integer(key, allowed);
    if (n < 1 || n > Integer.MAX_VALUE) {
      throw error(key, "must be an integer >= 1 (" + unit + "), got " + n);
    }
    return (int) n;
  }

  /** An integer >= 0 that fits an int. */
  int nonNegativeInt(String key, String unit) {
    long n = nonNegativeLong(key, unit);
    if (n > Integer.MAX_VALUE) {
      throw error(key, "must be at most " + Integer.MAX_VALUE + ", got " + n);
    }
    return (int) n;
  }

  /** An integer >= 0. */
  long nonNegativeLong(String key, String unit) {
    String allowed = "an integer >= 0, " + unit;
    long n = integer(key, allowed);
    if (n < 0) {
      throw error(key, "must be an integer >= 0 (" + unit + "), got " + n);
    }
    return n;
  }

  /**
   * Rejects, before anything is read, a key outside {@code allowed}: a misspelt field is then
   * reported as unknown (with the list of allowed ones) rather than as a missing one.
   */
  void allowOnly(String... allowed) {
    List<String> list = List.of(allowed);
    for (String key : keys()) {
      if (!list.contains(key)) {
        throw error(key, "unknown field; allowed here: " + String.join(", ", list));
      }
    }
  }

  /**
   * Reads a mapping with one entry per constant of {@code type}, each a section read by
   * {@code entry}; keys are {@code keyOf} the constant (case-insensitive). Keys in
   * {@code otherKeys} are skipped (the caller reads them). An unknown key or a missing constant is
   * an error naming it and listing what is allowed.
   *
   * @param what the kind of entry in messages, e.g. {@code activation}
   * @param needs what each entry holds, e.g. {@code a cost (cycles, energy)}
   */
  <E extends Enum<E>, V> Map<E, V> enumTable(Class<E> type, Function<E, String> keyOf, String what,
      String needs, Function<ConfigSection, V> entry, String... otherKeys) {
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(keyOf.apply(e));
    }
    List<String> skipped = List.of(otherKeys);
    List<String> allowed = new ArrayList<>(skipped);
    allowed.addAll(names);
    Map<E, V> table = new EnumMap<>(type);
    for (String key : keys()) {
      if (skipped.contains(key)) {
        continue;
      }
      E constant = null;
      for (E e : type.getEnumConstants()) {
        if (keyOf.apply(e).equalsIgnoreCase(key)) {
          constant = e;
        }
      }
      if (constant == null) {
        throw error(key, "unknown " + what + "; allowed: " + String.join(", ", allowed));
      }
      ConfigSection s = section(key, needs + " of " + key);
      table.put(constant, entry.apply(s));
      s.finish();
    }
    for (E e : type.getEnumConstants()) {
      if (!table.containsKey(e)) {
        throw error(keyOf.apply(e).toLowerCase(Locale.ROOT),
            "missing; every " + what + " needs " + needs + ": " + String.join(", ", names));
      }
    }
    return table;
  }

  /** Marks a key as allowed without reading it here (its caller reads it). */
  void allow(String key) {
    known.add(key);
  }

  /** Rejects keys that no read asked for. */
  void finish() {
    for (String key : keys()) {
      if (!known.contains(key)) {
        throw error(key, "unknown field; allowed here: " + String.join(", ", known));
      }
    }
  }

  private static String kind(JsonNode v) {
    if (v.isTextual()) {
      return "the string '" + v.asText() + "'";
    }
    if (v.isObject()) {
      return "a mapping";
    }
    if (v.isArray()) {
      return "a list";
    }
    if (v.isBoolean()) {
      return "the boolean " + v.asText();
    }
    return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " " + v.asText();
  }
}
