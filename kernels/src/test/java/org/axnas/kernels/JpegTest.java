package org.axnas.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JpegTest {
  private final Benchmark jpeg = Benchmarks.byName("jpeg");

  /** ITU-T T.81 Annex K, table K.1 (luminance), row-major. */
  private static final int[] ANNEX_K_LUMINANCE = {
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99
  };

  /** ITU-T T.81 figure A.6: zig-zag position of each row-major coefficient. */
  private static final int[] ZIGZAG_POSITION = {
    0, 1, 5, 6, 14, 15, 27, 28, 2, 4, 7, 13, 16, 26, 29, 42,
    3, 8, 12, 17, 25, 30, 41, 43, 9, 11, 18, 24, 31, 40, 44, 53,
    10, 19, 23, 32, 39, 45, 52, 54, 20, 22, 33, 38, 46, 51, 55, 60,
    21, 34, 37, 47, 50, 56, 59, 61, 35, 36, 48, 49, 57, 58, 62, 63
  };

  /** The orthonormal 2-D DCT-II by its definition, O(n^4): F[v][u] for block f[y][x]. */
  private static double[] referenceDct(int[] f) {
    double[] out = new double[64];
    for (int v = 0; v < 8; v++) {
      for (int u = 0; u < 8; u++) {
        double sum = 0;
        for (int y = 0; y < 8; y++) {
          for (int x = 0; x < 8; x++) {
            sum += f[y * 8 + x] * Math.cos((2 * x + 1) * u * Math.PI / 16)
                * Math.cos((2 * y + 1) * v * Math.PI / 16);
          }
        }
        double cu = u == 0 ? Math.sqrt(0.5) : 1;
        double cv = v == 0 ? Math.sqrt(0.5) : 1;
        out[v * 8 + u] = 0.25 * cu * cv * sum;
      }
    }
    return out;
  }

  /**
   * How far AxBench's integer DCT may be from the exact one, in coefficient units. Its cosines are
   * rounded to 1/1024 (relative error up to 0.5/283 for the smallest), and each pass truncates
   * (>> 10 after the rows, >> 13 or >> 3 after the columns), so every coefficient loses up to one
   * unit per pass plus the rows' truncation carried through the column sums; with level-shifted
   * 8-bit input this stays below 3 units (of coefficients up to 1024).
   */
  private static final double DCT_TOLERANCE = 3;

  @Test
  void dctMatchesTheDirectDefinition() {
    SplittableRandom rnd = new SplittableRandom(17);
    double worst = 0;
    for (int b = 0; b < 3000; b++) {
      int[] block = new int[64];
      int kind = b % 3;
      for (int i = 0; i < 64; i++) {
        // random, smooth ramps and extreme checkerboards
        block[i] = kind == 0 ? rnd.nextInt(256) - 128
            : kind == 1 ? (i % 8) * 16 + (i / 8) * 15 - 128 - rnd.nextInt(8)
            : ((i % 8 + i / 8) % 2 == 0 ? 127 : -128);
      }
      double[] expected = referenceDct(block);
      int[] actual = block.clone();
      JpegDct.forward(actual);
      for (int i = 0; i < 64; i++) {
        worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        assertEquals(expected[i], actual[i], DCT_TOLERANCE, "coefficient " + i + " of block " + b);
      }
    }
    assertTrue(worst > 0.5, "the integer DCT truncates; worst " + worst);
  }

  @Test
  void constantBlocksGiveOnlyDc() {
    for (int level : new int[] {-128, -77, -1, 0, 1, 37, 127}) {
      float[] in = new float[64];
      java.util.Arrays.fill(in, level / 256f);
      int[] block = new int[64];
      java.util.Arrays.fill(block, level);
      JpegDct.forward(block);
      assertEquals(8 * level, block[0], 1, "DC = sum / 8 for level " + level);
      float[] out = Samples.compute(jpeg, in);
      assertEquals(Math.round(8.0 * level / 16), out[0] * 256, 1, "quantised DC for level " + level);
      for (int i = 1; i < 64; i++) {
        assertEquals(0, block[i], "AC " + i + " of level " + level);
        assertEquals(0f, out[i], "quantised AC " + i + " of level " + level);
      }
    }
  }

  @Test
  void quantisesWithTheStandardLuminanceTableInZigzagOrder() {
    assertArrayEquals(ANNEX_K_LUMINANCE, JpegQuantizer.LUMINANCE_TABLE);
    assertArrayEquals(ZIGZAG_POSITION, JpegQuantizer.ZIGZAG);
    // a block of one cosine pattern has a single large coefficient F[v][u]; the kernel must
    // output round(F / Q[v][u]) at the zig-zag position of (v, u)
    for (int v = 0; v < 8; v++) {
      for (int u = 0; u < 8; u++) {
        int[] block = new int[64];
        float[] in = new float[64];
        for (int y = 0; y < 8; y++) {
          for (int x = 0; x < 8; x++) {
            block[y * 8 + x] = (int) Math.round(100 * Math.cos((2 * x + 1) * u * Math.PI / 16)
                * Math.cos((2 * y + 1) * v * Math.PI / 16));
            in[y * 8 + x] = block[y * 8 + x] / 256f;
          }
        }
        double[] f = referenceDct(block);
        float[] out = Samples.compute(jpeg, in);
        for (int i = 0; i < 64; i++) {
          double expected = f[i] / ANNEX_K_LUMINANCE[i];
          // the integer DCT's few units and the Q15 reciprocal move the quotient by < 1
          assertEquals(expected, out[ZIGZAG_POSITION[i]] * 256, 1.0,
              "coefficient " + i + " of pattern (" + v + ", " + u + ")");
        }
      }
    }
  }

  @Test
  void axbenchReciprocalDivisionIsOneShortOfAPowerOfTwo() {
    // AxBench's dspDivision compares with > instead of >=, so 2^15/16 comes out as 2047
    assertEquals(2047, JpegQuantizer.dspDivision(0x8000, 16));
    assertEquals(32768 / 99, JpegQuantizer.dspDivision(0x8000, 99)); // exact quotient 330.98
  }

  @Test
  void readsWholeBlocksOfAnAxbenchImage() throws IOException {
    Path file = AxbenchData.require("images/baboon-220px.rgb");
    InputSource blocks = jpeg.reader(file);
    assertEquals(27 * 27, blocks.size(), "220 = 27 * 8 + 4: AxBench drops the last 4 columns and rows");
    // block (row 1, column 2) from an independent parse of the text
    String[] rows = Files.readString(file).split("\n");
    float[] in = Samples.input(blocks, jpeg, 27 + 2);
    for (int i = 0; i < 8; i++) {
      String[] v = rows[1 + 8 + i].split(",");
      for (int j = 0; j < 8; j++) {
        int x = 16 + j;
        int grey = (int) (0.30f * Integer.parseInt(v[3 * x]) + 0.59f * Integer.parseInt(v[3 * x + 1])
            + 0.11f * Integer.parseInt(v[3 * x + 2]));
        assertEquals((grey - 128) / 256f, in[i * 8 + j], "pixel " + i + "," + j);
      }
    }
  }

  @Test
  void generatedBlocksAreLevelShiftedGrey() {
    InputSource blocks = jpeg.generator(4);
    for (int b = 0; b < 4096; b += 7) {
      for (float v : Samples.input(blocks, jpeg, b)) {
        assertTrue(v >= -0.5f && v < 0.5f, "block " + b + " value " + v);
        assertEquals(Math.rint(v * 256), v * 256, 0.0);
      }
    }
  }
}
