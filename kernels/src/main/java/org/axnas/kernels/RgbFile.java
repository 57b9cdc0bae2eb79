package org.axnas.kernels;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reader of AxBench {@code .rgb} images (written by AxBench's {@code png2rgb.py}): line 1
 * {@code W,H}, then H lines of 3*W comma-separated integers 0..255 (r, g, b of each pixel, left to
 * right), then a quoted metadata line that is ignored. Spaces and tabs around values are skipped,
 * as AxBench's C reader does.
 *
 * <p>The file is read as it is. In every row AxBench's files carry the bug of {@code rgbsave}:
 * the last value (blue of the last pixel) repeats the value before it (its green); AxBench itself
 * reads those values, so they are kept, not repaired.
 */
final class RgbFile {
  private RgbFile() {}

  static RgbImage read(Path file) throws IOException {
    InputText text = InputText.read(file);
    if (text.lineCount() == 0) {
      throw text.error(1, "size", "the file is empty; line 1 must be W,H");
    }
    String[] size = text.line(1).split(",", -1);
    if (size.length != 2) {
      throw text.error(1, "size",
          "line 1 must be W,H (width and height), got '" + text.line(1) + "'");
    }
    int width = text.positiveInt(size[0].strip(), 1, "width W");
    int height = text.positiveInt(size[1].strip(), 1, "height H");
    if ((long) width * height > Integer.MAX_VALUE / 4) {
      throw text.error(1, "size", "an image of " + width + "x" + height + " is too large");
    }
    if (text.lineCount() < height + 1) {
      throw text.error(text.lineCount() + 1, "row " + text.lineCount(), "the file ends after "
          + (text.lineCount() - 1) + " of the " + height + " rows announced on line 1");
    }
    int[] pixels = new int[width * height];
    int[] row = new int[3 * width];
    for (int y = 0; y < height; y++) {
      parseRow(text, y + 2, row);
      for (int x = 0; x < width; x++) {
        pixels[y * width + x] = (row[3 * x] << 16) | (row[3 * x + 1] << 8) | row[3 * x + 2];
      }
    }
    return new RgbImage(width, height, pixels);
  }

  /** Parses one row of comma-separated values into {@code values}, which it must fill exactly. */
  private static void parseRow(InputText text, int line, int[] values) {
    String s = text.line(line);
    int n = 0;
    int i = 0;
    int len = s.length();
    while (true) {
      while (i < len && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
        i++;
      }
      int start = i;
      int v = 0;
      while (i < len && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 4) {
        v = v * 10 + (s.charAt(i++) - '0');
      }
      boolean digits = i > start;
      while (i < len && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
        i++;
      }
      boolean atSeparator = i == len || s.charAt(i) == ',';
      if (!digits || !atSeparator || v > 255) {
        if (n >= values.length) {
          break; // reported below as too many values
        }
        throw text.error(line, valueName(n),
            "must be an integer 0..255, got '" + cell(s, start) + "'");
      }
      if (n < values.length) {
        values[n] = v;
      }
      n++;
      if (i == len) {
        break;
      }
      i++; // the comma
    }
    if (n != values.length) {
      throw text.error(line, "row " + (line - 1),
          "expected " + values.length + " comma-separated values (r,g,b of " + values.length / 3
              + " pixels), got " + n);
    }
  }

  private static String cell(String s, int start) {
    int end = s.indexOf(',', start);
    String c = end < 0 ? s.substring(start) : s.substring(start, end);
    return c.length() > 20 ? c.substring(0, 20) + "..." : c;
  }

  /** E.g. {@code pixel 3 green} (pixels counted from 1). */
  private static String valueName(int index) {
    return "pixel " + (index / 3 + 1) + " " + new String[] {"red", "green", "blue"}[index % 3];
  }
}
