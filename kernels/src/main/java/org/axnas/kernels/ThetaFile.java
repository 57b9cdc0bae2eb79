package org.axnas.kernels;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reader of AxBench inversek2j angle files ({@code theta_100K.data}): line 1 the number of pairs,
 * then one {@code theta1<TAB>theta2} line per pair, in radians. Each pair becomes the network
 * input (x, y) by forward kinematics, as AxBench's main program does before calling the function.
 */
final class ThetaFile {
  private ThetaFile() {}

  static InputSource read(Path file) throws IOException {
    InputText text = InputText.read(file);
    int count = text.recordCount("angle pairs");
    float[] values = new float[count * 2];
    float[] xy = new float[2];
    for (int i = 0; i < count; i++) {
      int line = i + 2;
      String[] f = text.recordFields(line, 2, "theta1 theta2");
      float theta1 = text.number(f[0], line, "theta1");
      float theta2 = text.number(f[1], line, "theta2");
      Inversek2j.forward(theta1, theta2, xy);
      values[2 * i] = xy[0];
      values[2 * i + 1] = xy[1];
    }
    return new LoadedInputs(file, 2, values);
  }
}
