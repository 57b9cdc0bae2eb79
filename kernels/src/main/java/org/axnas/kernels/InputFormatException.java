package org.axnas.kernels;

import java.nio.file.Path;

/** A malformed benchmark input file; the message names the file, the line and the field. */
public class InputFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long line;
  private final String field;

  /**
   * @param line 1-based line number
   * @param field the field that is wrong, in the format's words (e.g. {@code strike price K})
   * @param problem what is wrong and what is allowed
   */
  public InputFormatException(Path file, long line, String field, String problem) {
    super(file + ":" + line + ": " + field + ": " + problem);
    this.file = file;
    this.line = line;
    this.field = field;
  }

  public Path file() {
    return file;
  }

  public long line() {
    return line;
  }

  public String field() {
    return field;
  }
}
