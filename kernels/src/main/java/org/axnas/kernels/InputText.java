package org.axnas.kernels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The lines of a text input file with helpers that turn every parse problem into an
 * {@link InputFormatException} naming the file, the 1-based line and the field.
 */
final class InputText {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final Path file;
  private final List<String> lines;

  private InputText(Path file, List<String> lines) {
    this.file = file;
    this.lines = lines;
  }

  /** Reads the whole file; Latin-1 so that no byte sequence fails to decode. */
  static InputText read(Path file) throws IOException {
    return new InputText(file, Files.readAllLines(file, StandardCharsets.ISO_8859_1));
  }

  Path file() {
    return file;
  }

  /** Number of lines, not counting blank lines at the end of the file. */
  int lineCount() {
    int n = lines.size();
    while (n > 0 && lines.get(n - 1).isBlank()) {
      n--;
    }
    return n;
  }

  /** Line {@code number}, 1-based. */
  String line(int number) {
    return lines.get(number - 1);
  }

  /** The whitespace-separated fields of a line. */
  String[] fields(int number) {
    String s = line(number).strip();
    return s.isEmpty() ? new String[0] : WHITESPACE.split(s);
  }

  InputFormatException error(long line, String field, String problem) {
    return new InputFormatException(file, line, field, problem);
  }

  /**
   * The record count on line 1 (PARSEC, theta and jmeint files), checked against the records that
   * follow: exactly {@code count} non-blank lines, one record each.
   */
  int recordCount(String what) {
    if (lineCount() == 0) {
      throw error(1, "count of " + what,
          "the file is empty; line 1 must hold the number of " + what);
    }
    String[] f = fields(1);
    if (f.length != 1) {
      throw error(1, "count of " + what,
          "line 1 must hold only the number of " + what + ", got '" + line(1) + "'");
    }
    int count = positiveInt(f[0], 1, "count of " + what);
    int records = lineCount() - 1;
    if (records < count) {
      throw error(lineCount() + 1, what,
          "the file ends after " + records + " of the " + count + " " + what
              + " announced on line 1");
    }
    if (records > count) {
      throw error(count + 2, what,
          "more lines than the " + count + " " + what + " announced on line 1");
    }
    return count;
  }

  int positiveInt(String token, long line, String field) {
    try {
      int v = Integer.parseInt(token.strip());
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(line, field, "must be a positive integer, got '" + token + "'");
  }

  /** A finite decimal number, read into a float as C's {@code %f} does. */
  float number(String token, long line, String field) {
    String t = token.strip();
    char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
    if (last == '.' || Character.isDigit(last)) {
      try {
        float v = Float.parseFloat(t);
        if (Float.isFinite(v)) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw error(line, field, "must be a finite decimal number, got '" + token + "'");
  }

  /** The fields of a record line, which must number exactly {@code expected}. */
  String[] recordFields(int line, int expected, String format) {
    String[] f = fields(line);
    if (f.length != expected) {
      throw error(line, "record",
          "expected " + expected + " whitespace-separated fields (" + format + "), got "
              + f.length);
    }
    return f;
  }
}
