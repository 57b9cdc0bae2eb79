package org.axnas.pipelines.config;

/** Bad user input in a config file or flag: names the file, the field and what is allowed. */
public class ConfigException extends IllegalArgumentException {
  private final String file;
  private final String field;

  public ConfigException(String file, String field, String message) {
    super(file + (field == null || field.isEmpty() ? "" : ": field '" + field + "'") + ": " + message);
    this.file = file;
    this.field = field;
  }

  public String file() {
    return file;
  }

  public String field() {
    return field;
  }
}
