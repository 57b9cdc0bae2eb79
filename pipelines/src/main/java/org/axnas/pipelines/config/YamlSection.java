package org.axnas.pipelines.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A strict view of one YAML mapping: every key must be known, every value of the right type and
 * range, and each error names the file, the dotted field path and what is allowed.
 */
public final class YamlSection {
  // a key given twice is refused (Jackson would keep the last one silently)
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final String file;
  private final String path;
  private final ObjectNode node;

  private YamlSection(String file, String path, ObjectNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  /** The text of a config file; a missing or unreadable file is bad input naming it. */
  public static String readFile(Path path) {
    try {
      return Files.readString(path);
    } catch (NoSuchFileException e) {
      throw new ConfigException(path.toString(), null, "no such file");
    } catch (IOException e) {
      throw new ConfigException(path.toString(), null, "cannot read: " + e.getMessage());
    }
  }

  /** Parses a YAML document whose top level must be a mapping. */
  public static YamlSection parse(String yaml, String file) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (Exception e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
      throw new ConfigException(file, null, "malformed YAML: " + msg);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ConfigException(file, null, "the file is empty; expected a YAML mapping");
    }
    if (!root.isObject()) {
      throw new ConfigException(file, null, "expected a YAML mapping at the top level");
    }
    return new YamlSection(file, "", (ObjectNode) root);
  }

  public String file() {
    return file;
  }

  /** Rejects keys outside the allowed set. */
  public YamlSection allowOnly(String... keys) {
    Set<String> allowed = new TreeSet<>(List.of(keys));
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String k = names.next();
      if (!allowed.contains(k)) {
        throw new ConfigException(file, qualified(k), "unknown key; allowed here: " + String.join(", ", allowed));
      }
    }
    return this;
  }

  public boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  public String qualified(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public ConfigException error(String key, String message) {
    return new ConfigException(file, qualified(key), message);
  }

  /** A nested mapping; an absent key gives an empty section. */
  public YamlSection section(String key) {
    JsonNode n = node.get(key);
    if (n == null || n.isNull()) {
      return new YamlSection(file, qualified(key), YAML.createObjectNode());
    }
    if (!n.isObject()) {
      throw error(key, "expected a mapping of keys to values");
    }
    return new YamlSection(file, qualified(key), (ObjectNode) n);
  }

  public String string(String key, String dflt) {
    JsonNode n = node.get(key);
    if (n == null || n.isNull()) {
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
    JsonNode n = node.get(key);
    if (n == null || n.isNull()) {
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
    JsonNode n = node.get(key);
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (!n.isNumber()) {
      throw error(key, "expected a number, got '" + n.asText() + "'");
    }
    double v = n.asDouble();
    boolean low = minExclusive ? v > min : v >= min;
    if (!Double.isFinite(v) || !low || v > max) {
      throw error(key, v + " is out of range; allowed: " + (minExclusive ? "> " : ">= ") + min + (max < Double.MAX_VALUE ? " and <= " + max : ""));
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
    JsonNode n = node.get(key);
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (!n.isBoolean()) {
      throw error(key, "expected true or false, got '" + n.asText() + "'");
    }
    return n.asBoolean();
  }

  /** A list of strings (a YAML sequence, or a single string). */
  public List<String> strings(String key, List<String> dflt) {
    JsonNode n = node.get(key);
    if (n == null || n.isNull()) {
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
    JsonNode n = node.get(key);
    if (n == null || n.isNull()) {
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
}
