package org.axnas.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RgbFileTest {

  @ParameterizedTest
  @ValueSource(strings = {"1.rgb", "2.rgb", "3.rgb", "6.rgb", "28.rgb", "baboon-220px.rgb"})
  void readsSharedImagesAsTheyAreIncludingTheirLastColumnQuirk(String name) throws IOException {
    Path file = AxbenchData.require("images/" + name);
    RgbImage image = RgbFile.read(file);
    String[] lines = Files.readString(file).split("\n");
    String[] size = lines[0].split(",");
    assertEquals(Integer.parseInt(size[0]), image.width());
    assertEquals(Integer.parseInt(size[1]), image.height());
    assertEquals(image.height() + 2, lines.length, "size line, rows, metadata line");
    assertTrue(lines[lines.length - 1].startsWith("\"{'bitdepth': 8"), "metadata line");
    int w = image.width();
    for (int y = 0; y < image.height(); y++) {
      String[] v = lines[1 + y].split(",");
      assertEquals(3 * w, v.length);
      // rgbsave's bug: in every row, the last pixel's blue repeats its green; we keep it
      assertEquals(image.green(w - 1, y), image.blue(w - 1, y), "row " + y);
      for (int x = 0; x < w; x += 37) {
        assertEquals(Integer.parseInt(v[3 * x]), image.red(x, y));
        assertEquals(Integer.parseInt(v[3 * x + 1]), image.green(x, y));
        assertEquals(Integer.parseInt(v[3 * x + 2]), image.blue(x, y));
      }
      assertEquals(Integer.parseInt(v[3 * w - 1]), image.blue(w - 1, y));
    }
  }

  @Test
  void acceptsSpacesAndTabsAroundValuesAsAxbenchDoes(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tiny.rgb");
    Files.writeString(file, "2, 1\n1, 2 ,3,\t4,5,6\n\"{'size': (2, 1)}\"");
    RgbImage image = RgbFile.read(file);
    assertEquals(2, image.width());
    assertEquals(1, image.height());
    assertEquals(3, image.blue(0, 0));
    assertEquals(4, image.red(1, 0));
  }

  @Test
  void malformedImagesNameFileAndLine(@TempDir Path dir) throws IOException {
    assertMalformed(dir, "", 1, "empty");
    assertMalformed(dir, "2x1\n1,2,3,4,5,6\n", 1, "W,H");
    assertMalformed(dir, "2,0\n", 1, "height");
    assertMalformed(dir, "2,2\n1,2,3,4,5,6\n", 3, "rows");
    assertMalformed(dir, "2,1\n1,2,3,4,5\n", 2, "expected 6");
    assertMalformed(dir, "2,1\n1,2,3,4,5,6,7\n", 2, "expected 6");
    assertMalformed(dir, "2,1\n1,2,256,4,5,6\n", 2, "pixel 1 blue");
    assertMalformed(dir, "2,1\n1,2,3,x,5,6\n", 2, "pixel 2 red");
    assertMalformed(dir, "2,1\n1,2,3,-4,5,6\n", 2, "0..255");
  }

  private static void assertMalformed(Path dir, String content, int line, String says)
      throws IOException {
    Path file = dir.resolve("bad.rgb");
    Files.writeString(file, content);
    InputFormatException e = assertThrows(InputFormatException.class, () -> RgbFile.read(file));
    assertEquals(file, e.file());
    assertEquals(line, e.line(), e.getMessage());
    assertTrue(e.getMessage().startsWith(file + ":" + line + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(says), e.getMessage() + " should say " + says);
  }
}
