package org.axnas.hwsim.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one strict reader of axnas's YAML files (hardware configurations and run configs): each
 * value must be of the right type and range, a key given twice or never asked for is refused,
 * and each error names the file, the dotted field path and what is allowed. The caller chooses
 * the exception through {@link Errors}, so each file kind keeps its own type and message shape.
 *
 * <p>Reads come in two kinds: required ones that say what they accept ({@link #text},
 * {@link #positive}, {@link #section(String, String)}, ...) and ones with a default
 * ({@link #string}, {@link #longValue}, {@link #section(String)}, ...). Every read records its
 * key, and {@link #finish()} rejects any key that was never read; {@link #allowOnly} rejects an
 * unknown key up front, so a misspelt field is reported as unknown rather than as missing.
 */
public final class YamlSection {
  /** Makes the exception for a problem at a field ({@code ""} for the file as a whole). */
  @FunctionalInterface
  public interface Errors {
    RuntimeException at(String file, String field, String problem);
  }

  // a key given twice is refused (Jackson would keep the last one silently)
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final String file;
  private final String path;
  private final JsonNode node;
  private final Errors errors;
  private final Set<String> known = new LinkedHashSet<>();

  private YamlSection(String file, String path, JsonNode node, Errors errors) {
    this.file = file;
    this.path = path;
    this.node = node;
    this.errors = errors;
  }

  /** The text of a config file; a missing or unreadable file is an error naming it. */
  public static String readFile(Path path, Errors errors) {
    try {
      return Files.readString(path);
    } catch (NoSuchFileException e) {
      throw errors.at(path.toString(), "", "no such file");
    } catch (IOException e) {
      throw errors.at(path.toString(), "", "cannot read: " + e.getMessage());
    }
  }

  /**
   * Parses a YAML document whose top level must be a mapping.
   *
   * @param expected what the top level holds, for messages, e.g. {@code a mapping with name, npu and cpu}
   */
  public static YamlSection parse(String yaml, String file, String expected, Errors errors) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      String first = e.getOriginalMessage().strip().lines().findFirst().orElse("unreadable");
      RuntimeException x = errors.at(file, "", "malformed YAML: " + first + where(e));
      if (x.getCause() == null) {
        x.initCause(e);
      }
      throw x;
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw errors.at(file, "", "empty configuration; expected " + expected);
    }
    if (!root.isObject()) {
      throw errors.at(file, "", "expected " + expected + ", got " + kind(root));
    }
    return new YamlSection(file, "", root, errors);
  }

  private static String where(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  public String file() {
    return file;
  }

  public String qualified(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public RuntimeException error(String key, String problem) {
    return errors.at(file, qualified(key), problem);
  }

  /** Keys present in this mapping, in file order. */
  public List<String> keys() {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** True when the key is present with a value other than null. */
  public boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  /** True when the key holds a string (e.g. a short form such as {@code precision: float}). */
  public boolean isText(String key) {
    return has(key) && node.get(key).isTextual();
  }

  /**
   * Rejects, before anything is read, a key outside {@code allowed}: a misspelt field is then
   * reported as unknown (with the list of allowed ones) rather than as a missing one.
   */
  public YamlSection allowOnly(String... allowed) {
    List<String> list = List.of(allowed);
    for (String key : keys()) {
      if (!list.contains(key)) {
        throw error(key, "unknown field; allowed here: " + String.join(", ", list));
      }
    }
    return this;
  }

  /** Marks a key as allowed without reading it here (its caller reads it). */
  public void allow(String key) {
    known.add(key);
  }

  /** Rejects keys that no read asked for. */
  public void finish() {
    for (String key : keys()) {
      if (!known.contains(key)) {
        throw error(key, "unknown field; allowed here: " + String.join(", ", known));
      }
    }
  }

  // ---- required values, each saying what it accepts

  private JsonNode required(String key, String allowed) {
    known.add(key);
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      throw error(key, "missing; required (" + allowed + ")");
    }
    return v;
  }

  /** A required nested mapping. */
  public YamlSection section(String key, String allowed) {
    JsonNode v = required(key, allowed);
    if (!v.isObject()) {
      throw error(key, "must be a mapping (" + allowed + "), got " + kind(v));
    }
    return new YamlSection(file, qualified(key), v, errors);
  }

  public String text(String key, String allowed) {
    JsonNode v = required(key, allowed);
    if (!v.isTextual() || v.asText().isBlank()) {
      throw error(key, "must be a non-empty string (" + allowed + "), got " + kind(v));
    }
    return v.asText();
  }

  public String optionalText(String key, String fallback) {
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
  public double positive(String key, String unit) {
    double d = number(key, "a number > 0, " + unit);
    if (d <= 0) {
      throw error(key, "must be > 0 (" + unit + "), got " + node.get(key).asText());
    }
    return d;
  }

  /** A number >= 0. */
  public double nonNegative(String key, String unit) {
    double d = number(key, "a number >= 0, " + unit);
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
  public int positiveInt(String key, String unit) {
    long n = integer(key, "an integer >= 1, " + unit);
    if (n < 1 || n > Integer.MAX_VALUE) {
      throw error(key, "must be an integer >= 1 (" + unit + "), got " + n);
    }
    return (int) n;
  }

  /** An integer >= 0 that fits an int. */
  public int nonNegativeInt(String key, String unit) {
    long n = nonNegativeLong(key, unit);
    if (n > Integer.MAX_VALUE) {
      throw error(key, "must be at most " + Integer.MAX_VALUE + ", got " + n);
    }
    return (int) n;
  }

  /** An integer >= 0. */
  public long nonNegativeLong(String key, String unit) {
    long n = integer(key, "an integer >= 0, " + unit);
    if (n < 0) {
      throw error(key, "must be an integer >= 0 (" + unit + "), got " + n);
    }
    return n;
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
  public <E extends Enum<E>, V> Map<E, V> enumTable(Class<E> type, Function<E, String> keyOf, String what,
      String needs, Function<YamlSection, V> entry, String... otherKeys) {
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
      YamlSection s = section(key, needs + " of " + key);
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

  // ---- values with a default (absent or null gives the default)

  private JsonNode optional(String key) {
    known.add(key);
    JsonNode n = node.get(key);
    return n == null || n.isNull() ? null : n;
  }

  /** A nested mapping; an absent key gives an empty section. */
  public YamlSection section(String key) {
    JsonNode n = optional(key);
    if (n == null) {
      return new YamlSection(file, qualified(key), YAML.createObjectNode(), errors);
    }
    if (!n.isObject()) {
      throw error(key, "expected a mapping of keys to values");
    }
    return new YamlSection(file, qualified(key), n, errors);
  }

  public String string(String key, String dflt) {
    JsonNode n = optional(key);
    if (n == null) {
      return dflt;
    }
    if (!n.isValueNode() || n.isBoolean()) {
      throw error(key, "expected a text value");
    }
    return n.asText();
  }

  public String requiredString(String key) {
    String s = string(key, null);
    if (s == null || s.isBlank()) {
      throw error(key, "is required");
    }
    return s;
  }

  public String oneOf(String key, String dflt, String... allowed) {
    String s = string(key, dflt);
    for (String a : allowed) {
      if (a.equals(s)) {
        return s;
      }
    }
    throw error(key, "'" + s + "' is not allowed; allowed: " + String.join(", ", allowed));
  }

  public long longValue(String key, long dflt, long min, long max) {
    JsonNode n = optional(key);
    if (n == null) {
      return dflt;
    }
    if (!n.isIntegralNumber()) {
      throw error(key, "expected an integer in [" + min + ", " + max + "], got '" + n.asText() + "'");
    }
    long v = n.asLong();
    if (v < min || v > max) {
      throw error(key, v + " is out of range; allowed: " + min + " to " + max);
    }
    return v;
  }

  public int intValue(String key, int dflt, int min, int max) {
    return (int) longValue(key, dflt, min, max);
  }

  /** A finite number in [min, max]; minExclusive makes the lower bound strict. */
  public double doubleValue(String key, double dflt, double min, boolean minExclusive, double max) {
    JsonNode n = optional(key);
    if (n == null) {
      return dflt;
    }
    if (!n.isNumber()) {
      throw error(key, "expected a number, got '" + n.asText() + "'");
    }
    double v = n.asDouble();
    boolean low = minExclusive ? v > min : v >= min;
    if (!Double.isFinite(v) || !low || v > max) {
      throw error(key, v + " is out of range; allowed: " + (minExclusive ? "> " : ">= ") + min
          + (max < Double.MAX_VALUE ? " and <= " + max : ""));
    }
    return v;
  }

  public double requiredDouble(String key, double min, boolean minExclusive, double max) {
    if (!has(key)) {
      throw error(key, "is required");
    }
    return doubleValue(key, 0, min, minExclusive, max);
  }

  public boolean bool(String key, boolean dflt) {
    JsonNode n = optional(key);
    if (n == null) {
      return dflt;
    }
    if (!n.isBoolean()) {
      throw error(key, "expected true or false, got '" + n.asText() + "'");
    }
    return n.asBoolean();
  }

  /** A list of strings (a YAML sequence, or a single string). */
  public List<String> strings(String key, List<String> dflt) {
    JsonNode n = optional(key);
    if (n == null) {
      return dflt;
    }
    List<String> out = new ArrayList<>();
    if (n.isTextual()) {
      out.add(n.asText());
      return out;
    }
    if (!n.isArray()) {
      throw error(key, "expected a list");
    }
    for (JsonNode e : n) {
      if (!e.isValueNode()) {
        throw error(key, "expected a list of values");
      }
      out.add(e.asText());
    }
    return out;
  }

  /** A list of numbers. */
  public List<Double> doubles(String key, List<Double> dflt) {
    JsonNode n = optional(key);
    if (n == null) {
      return dflt;
    }
    if (!n.isArray()) {
      throw error(key, "expected a list of numbers");
    }
    List<Double> out = new ArrayList<>();
    for (JsonNode e : n) {
      if (!e.isNumber()) {
        throw error(key, "expected a list of numbers, got '" + e.asText() + "'");
      }
      out.add(e.asDouble());
    }
    return out;
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
    return v.getNodeType().toString().toLowerCase(Locale.ROOT) + " " + v.asText();
  }
}
