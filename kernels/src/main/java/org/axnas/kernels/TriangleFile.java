package org.axnas.kernels;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reader of AxBench jmeint triangle files ({@code jmeint_10K.data}): line 1 the number of
 * triangle pairs, then one line of 18 whitespace-separated coordinates per pair (AxBench writes
 * each followed by a TAB, so lines end in whitespace).
 */
final class TriangleFile {
  private static final String FORMAT = "x y z of V0, V1, V2, then of U0, U1, U2";

  private TriangleFile() {}

  static InputSource read(Path file) throws IOException {
    InputText text = InputText.read(file);
    int count = text.recordCount("triangle pairs");
    float[] values = new float[count * 18];
    for (int i = 0; i < count; i++) {
      int line = i + 2;
      String[] f = text.recordFields(line, 18, FORMAT);
      for (int j = 0; j < 18; j++) {
        values[i * 18 + j] = text.number(f[j], line, coordinateName(j));
      }
    }
    return new LoadedInputs(file, 18, values);
  }

  /** E.g. {@code triangle 2 vertex U1 y} for index 13. */
  static String coordinateName(int index) {
    int vertex = index / 3;
    String name = (vertex < 3 ? "triangle 1 vertex V" : "triangle 2 vertex U") + (vertex % 3);
    return name + " " + "xyz".charAt(index % 3);
  }
}
