package org.axnas.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KmeansTest {
  private final Benchmark kmeans = Benchmarks.byName("kmeans");

  @Test
  void handComputedDistances() {
    assertEquals(0, Samples.compute(kmeans, 0.2f, 0.4f, 0.6f, 0.2f, 0.4f, 0.6f)[0], 0.0);
    // a 3-4-5 triangle: differences 0.3 and 0.4 give 0.5
    assertEquals(0.5, Samples.compute(kmeans, 0.25f, 0.5f, 0.75f, 0.55f, 0.9f, 0.75f)[0], 1e-7);
    // opposite corners of the unit cube
    assertEquals(Math.sqrt(3), Samples.compute(kmeans, 0, 0, 0, 1, 1, 1)[0], 1e-7);
    // 2-2-1 = 3: differences (0.2, -0.2, 0.1) give 0.3, order of pixel and centroid irrelevant
    assertEquals(0.3, Samples.compute(kmeans, 0.5f, 0.5f, 0.5f, 0.3f, 0.7f, 0.4f)[0], 1e-7);
    assertEquals(0.3, Samples.compute(kmeans, 0.3f, 0.7f, 0.4f, 0.5f, 0.5f, 0.5f)[0], 1e-7);
  }

  @Test
  void readerComparesEveryPixelWithAxbenchsSixCentroids() throws IOException {
    Path file = AxbenchData.require("images/28.rgb");
    InputSource pairs = kmeans.reader(file);
    assertEquals(512L * 512 * 6, pairs.size());
    // glibc's rand()/RAND_MAX without srand: 0.840188, 0.394383, 0.783099, 0.798440, 0.911647,
    // 0.197551, ... (the well-known first values)
    float[] first = Samples.input(pairs, kmeans, 0);
    assertArrayEquals(new float[] {0.840188f, 0.394383f, 0.783099f}, new float[] {first[3], first[4], first[5]}, 1e-6f);
    float[] second = Samples.input(pairs, kmeans, 1);
    assertArrayEquals(new float[] {0.798440f, 0.911647f, 0.197551f}, new float[] {second[3], second[4], second[5]}, 1e-6f);
    // pixel 513 (row 1, column 1) with centroid 5, from an independent parse
    String[] row = Files.readString(file).split("\n")[2].split(",");
    float[] in = Samples.input(pairs, kmeans, 513 * 6 + 5);
    for (int c = 0; c < 3; c++) {
      assertEquals(Integer.parseInt(row[3 + c]) / 256f, in[c], "channel " + c);
    }
    assertEquals(in[3], Samples.input(pairs, kmeans, 5)[3], "centroid 5 is the same for every pixel");
  }

  @Test
  void generatorDrawsPixelsAndCentroidsInTheUnitCube() {
    InputSource pairs = kmeans.generator(6);
    for (long i = 0; i < 200_000; i += 13) {
      float[] in = Samples.input(pairs, kmeans, i);
      for (float v : in) {
        assertTrue(v >= 0 && v < 1, "value " + v);
      }
      float d = Samples.compute(kmeans, in)[0];
      assertTrue(d >= 0 && d <= Math.sqrt(3));
    }
    // the six centroids of one image repeat for each pixel
    float[] a = Samples.input(pairs, kmeans, 2);
    float[] b = Samples.input(pairs, kmeans, 6 * 1000 + 2);
    assertArrayEquals(java.util.Arrays.copyOfRange(a, 3, 6), java.util.Arrays.copyOfRange(b, 3, 6));
  }
}
