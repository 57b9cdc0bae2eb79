package org.axnas.kernels;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reader of PARSEC blackscholes option files ({@code blackscholesTrain_100K.data}, {@code
 * in_16.txt}): line 1 the number of options N, then N lines of nine space-separated fields
 * {@code S K r divq v t C|P divs DGrefval}. Numbers are read into floats as AxBench's {@code
 * fscanf("%f ...")} does, and turned into network inputs as AxBench does: (S/120, K/120, r, v, t,
 * 1 for P and 0 for C). The dividend fields and the DerivaGem reference price are checked to be
 * numbers and otherwise ignored.
 */
final class OptionFile {
  static final String FORMAT = "S K r divq v t C|P divs DGrefval";
  private static final String[] FIELD_NAMES = {
    "spot price S", "strike price K", "risk-free rate r", "dividend rate divq", "volatility v",
    "time to maturity t", "option type", "dividend divs", "DerivaGem reference price"
  };

  private OptionFile() {}

  static InputSource read(Path file) throws IOException {
    InputText text = InputText.read(file);
    int count = text.recordCount("options");
    float[] values = new float[count * 6];
    for (int i = 0; i < count; i++) {
      int line = i + 2;
      String[] f = text.recordFields(line, 9, FORMAT);
      float[] n = new float[9];
      for (int j = 0; j < 9; j++) {
        if (j != 6) {
          n[j] = text.number(f[j], line, FIELD_NAMES[j]);
        }
      }
      positive(text, n[0], line, 0);
      positive(text, n[1], line, 1);
      positive(text, n[4], line, 4);
      positive(text, n[5], line, 5);
      int o = i * 6;
      values[o] = (float) (n[0] / Blackscholes.DIVIDE);
      values[o + 1] = (float) (n[1] / Blackscholes.DIVIDE);
      values[o + 2] = n[2];
      values[o + 3] = n[4];
      values[o + 4] = n[5];
      values[o + 5] = optionType(text, f[6], line);
    }
    return new LoadedInputs(file, 6, values);
  }

  private static void positive(InputText text, float v, int line, int field) {
    if (!(v > 0)) {
      throw text.error(line, FIELD_NAMES[field], "must be > 0, got " + v);
    }
  }

  private static float optionType(InputText text, String token, int line) {
    switch (token) {
      case "P":
        return 1f;
      case "C":
        return 0f;
      default:
        throw text.error(line, FIELD_NAMES[6], "must be C (call) or P (put), got '" + token + "'");
    }
  }
}
