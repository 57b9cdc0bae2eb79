package org.axnas.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SyntheticImageTest {

  private static long checksum(RgbImage image) {
    long h = 17;
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        h = h * 31 + (image.red(x, y) << 16 | image.green(x, y) << 8 | image.blue(x, y));
      }
    }
    return h;
  }

  @Test
  void imageNumberAndSeedFixTheImage() {
    RgbImage a = SyntheticImage.generate(1, 5);
    assertEquals(512, a.width());
    assertEquals(512, a.height());
    assertEquals(checksum(a), checksum(SyntheticImage.generate(1, 5)));
    assertNotEquals(checksum(a), checksum(SyntheticImage.generate(1, 6)));
    assertNotEquals(checksum(a), checksum(SyntheticImage.generate(2, 5)));
  }

  @Test
  void imagesLookLikePhotosToSobel() {
    // real photos (AxBench 1, 2, 3, 28): mean gradient 0.13 to 0.19, 5 to 9 % of pixels clamped
    // as strong edges; synthetic ones must have both flat areas and edges, not noise or blanks
    for (long n = 0; n < 4; n++) {
      SobelFrame frame = new SobelFrame(SyntheticImage.generate(42, n));
      Sobel sobel = new Sobel();
      float[] w = new float[9];
      float[] out = new float[1];
      int strong = 0;
      int flat = 0;
      double sum = 0;
      org.axnas.core.OpCounter ops = new org.axnas.core.OpCounter();
      for (long p = 0; p < frame.samples(); p += 3) {
        frame.input(p, w);
        sobel.compute(w, out, ops);
        sum += out[0];
        strong += out[0] > 0.7 ? 1 : 0;
        flat += out[0] < 0.05 ? 1 : 0;
      }
      double count = frame.samples() / 3.0;
      assertTrue(sum / count > 0.02 && sum / count < 0.4, "image " + n + " mean " + sum / count);
      assertTrue(strong / count > 0.002, "image " + n + " has strong edges");
      assertTrue(flat / count > 0.05, "image " + n + " has flat areas");
    }
  }
}
