package org.axnas.pipelines.config;

import org.axnas.hwsim.yaml.YamlSection;

/** Bad user input in a config file or flag: names the file, the field and what is allowed. */
public class ConfigException extends IllegalArgumentException {
  private final String file;
  private final String field;

  public ConfigException(String file, String field, String message) {
    super(file + (field == null || field.isEmpty() ? "" : ": field '" + field + "'") + ": " + message);
    this.file = file;
    this.field = field;
  }

  /** Makes this exception for {@link YamlSection}'s reads of a run config or sweep. */
  public static final YamlSection.Errors YAML =
      (file, field, problem) -> new ConfigException(file, field.isEmpty() ? null : field, problem);

  public String file() {
    return file;
  }

  public String field() {
    return field;
  }
}
