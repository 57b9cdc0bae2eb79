package org.axnas.pipelines.config;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The settings two run-configs differ in, key by key (e.g. {@code search.budget: 40 -> 60}):
 * what {@code --resume} compares, so that a comment, a reordering or a default written out does
 * not count, and the message can name what changed.
 */
public final class ConfigDiff {
  /** What says where a config came from, not what it asks for. */
  private static final Set<String> NOT_SETTINGS = Set.of("file", "yaml");

  private ConfigDiff() {}

  /** One line per setting that differs, in the order of the config's sections. */
  public static List<String> differences(RunConfig was, RunConfig now) {
    List<String> out = new ArrayList<>();
    compare("", was, now, out);
    return out;
  }

  private static void compare(String prefix, Object a, Object b, List<String> out) {
    if (a != null && b != null && a.getClass().isRecord() && a.getClass() == b.getClass()) {
      for (RecordComponent c : a.getClass().getRecordComponents()) {
        if (prefix.isEmpty() && NOT_SETTINGS.contains(c.getName())) {
          continue;
        }
        compare(prefix + c.getName() + ".", value(c, a), value(c, b), out);
      }
      return;
    }
    if (!Objects.equals(a, b)) {
      out.add(prefix.substring(0, prefix.length() - 1) + ": " + a + " -> " + b);
    }
  }

  private static Object value(RecordComponent c, Object record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + c.getName(), e);
    }
  }
}
