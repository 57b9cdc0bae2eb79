package org.axnas.hwsim;

import org.axnas.hwsim.yaml.YamlSection;

/**
 * A hardware configuration that cannot be used. The message names the file, the field (as a
 * dotted path such as {@code npu.array.rows}) and what is allowed, so the user can fix it
 * without reading code.
 */
public final class HardwareConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String field;

  /** Makes this exception for {@link YamlSection}'s reads of a hardware configuration. */
  static final YamlSection.Errors YAML = HardwareConfigException::new;

  HardwareConfigException(String source, String field, String problem) {
    super(source + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
    this.source = source;
    this.field = field;
  }

  HardwareConfigException(String source, String problem, Throwable cause) {
    super(source + ": " + problem, cause);
    this.source = source;
    this.field = "";
  }

  /** The file (or source name) the configuration came from. */
  public String source() {
    return source;
  }

  /** The dotted path of the offending field, empty when the file as a whole is unreadable. */
  public String field() {
    return field;
  }
}
