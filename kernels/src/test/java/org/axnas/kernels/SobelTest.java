package org.axnas.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SobelTest {
  private final Benchmark sobel = Benchmarks.byName("sobel");
  /** 255 / sqrt(2 * 256^2): where AxBench clamps the magnitude. */
  private static final double CLAMPED = 255 / Math.sqrt(2 * 256 * 256);

  private float magnitude(float... window) {
    return Samples.compute(sobel, window)[0];
  }

  @Test
  void handComputedWindows() {
    assertEquals(0, magnitude(0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f), 0.0, "flat");
    // vertical edge, right column 0.1: Gx = 0.1 + 2*0.1 + 0.1 = 0.4, Gy = 0
    assertEquals(0.4, magnitude(0, 0, 0.1f, 0, 0, 0.1f, 0, 0, 0.1f), 1e-7);
    // horizontal edge, bottom row 0.1: Gy = 0.4
    assertEquals(0.4, magnitude(0, 0, 0, 0, 0, 0, 0.1f, 0.1f, 0.1f), 1e-7);
    // a single bright corner 0.2: Gx = Gy = 0.2, magnitude 0.2 * sqrt(2)
    assertEquals(0.2 * Math.sqrt(2), magnitude(0, 0, 0, 0, 0, 0, 0, 0, 0.2f), 1e-7);
    // the centre pixel does not count
    assertEquals(0, magnitude(0, 0, 0, 0, 0.9f, 0, 0, 0, 0), 0.0);
    // Gx = 0.8 >= 256/sqrt(2*256^2) = 0.7071: clamped to 255/sqrt(2*256^2)
    assertEquals(CLAMPED, magnitude(0, 0, 0.2f, 0, 0, 0.2f, 0, 0, 0.2f), 1e-7);
    // just under the clamp: Gx = 0.7 stays
    assertEquals(0.7, magnitude(0, 0, 0.175f, 0, 0, 0.175f, 0, 0, 0.175f), 1e-6);
  }

  @Test
  void agreesWithTheSobelDefinitionOnRandomWindows() {
    SplittableRandom rnd = new SplittableRandom(9);
    for (int n = 0; n < 10_000; n++) {
      float[] w = new float[9];
      for (int i = 0; i < 9; i++) {
        w[i] = (float) rnd.nextDouble() * 255 / 256;
      }
      double gx = (w[2] + 2 * w[5] + w[8]) - (w[0] + 2 * w[3] + w[6]);
      double gy = (w[6] + 2 * w[7] + w[8]) - (w[0] + 2 * w[1] + w[2]);
      double g = Math.hypot(gx, gy);
      double expected = g >= 256 / Math.sqrt(2 * 256 * 256) ? CLAMPED : g;
      if (Math.abs(g - 256 / Math.sqrt(2 * 256 * 256)) > 1e-5) { // not at the clamp's edge
        assertEquals(expected, magnitude(w), 1e-6);
      }
    }
  }

  @Test
  void windowsAreZeroPaddedAtTheBorders() {
    // 3x2 image; luminance of grey v is (0.30 + 0.59 + 0.11) v / 256 = v / 256
    int[] greys = {10, 20, 30, 40, 50, 60};
    int[] pixels = new int[6];
    for (int i = 0; i < 6; i++) {
      pixels[i] = greys[i] * 0x010101;
    }
    SobelFrame frame = new SobelFrame(new RgbImage(3, 2, pixels));
    assertEquals(6, frame.samples());
    float[] w = new float[9];
    frame.input(0, w); // top-left pixel
    assertArrayEquals(new float[] {0, 0, 0, 0, 10, 20, 0, 40, 50}, scaled(w), 1e-3f);
    frame.input(5, w); // bottom-right pixel
    assertArrayEquals(new float[] {20, 30, 0, 50, 60, 0, 0, 0, 0}, scaled(w), 1e-3f);
    frame.input(1, w); // top-middle pixel
    assertArrayEquals(new float[] {0, 0, 0, 10, 20, 30, 40, 50, 60}, scaled(w), 1e-3f);
  }

  private static float[] scaled(float[] w) {
    float[] s = new float[w.length];
    for (int i = 0; i < w.length; i++) {
      s[i] = w[i] * 256;
    }
    return s;
  }

  @Test
  void readsOneWindowPerPixelOfAnAxbenchImage() throws IOException {
    Path file = AxbenchData.require("images/1.rgb");
    InputSource windows = sobel.reader(file);
    assertEquals(512 * 512, windows.size());
    String[] rows = Files.readString(file).split("\n");
    int x = 100;
    int y = 200;
    float[] w = Samples.input(windows, sobel, (long) y * 512 + x);
    for (int i = 0; i < 3; i++) {
      String[] v = rows[1 + y - 1 + i].split(",");
      for (int j = 0; j < 3; j++) {
        int p = 3 * (x - 1 + j);
        double luminance = (0.30 * Integer.parseInt(v[p]) + 0.59 * Integer.parseInt(v[p + 1])
            + 0.11 * Integer.parseInt(v[p + 2])) / 256;
        assertEquals(luminance, w[3 * i + j], 1e-6, "window value " + i + "," + j);
      }
    }
    for (long i = 0; i < windows.size(); i += 1009) {
      float s = Samples.compute(sobel, Samples.input(windows, sobel, i))[0];
      // below the clamp threshold 256/sqrt(2*256^2), or clamped to 255/sqrt(2*256^2)
      assertTrue(s >= 0 && s < 256 / Math.sqrt(2 * 256 * 256), "magnitude " + s);
    }
  }
}
