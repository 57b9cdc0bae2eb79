package org.axnas.kernels;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reader of FANN training files ({@code fann_read_train_from_file} format), as AxBench recorded
 * fft's observations: whitespace-separated numbers, first {@code num_samples num_inputs
 * num_outputs}, then for each sample its inputs and its outputs (by convention one line each).
 */
final class FannFile {
  private final float[] inputs;
  private final float[] outputs;

  private FannFile(float[] inputs, float[] outputs) {
    this.inputs = inputs;
    this.outputs = outputs;
  }

  /** Reads a file whose header must announce {@code width} inputs and {@code outWidth} outputs. */
  static FannFile read(Path file, int width, int outWidth) throws IOException {
    InputText text = InputText.read(file);
    Tokens tokens = new Tokens(text);
    int samples = text.positiveInt(tokens.next("num_samples"), tokens.line(), "num_samples");
    expect(text, tokens, "num_inputs", width);
    expect(text, tokens, "num_outputs", outWidth);
    float[] in = new float[samples * width];
    float[] out = new float[samples * outWidth];
    for (int s = 0; s < samples; s++) {
      for (int i = 0; i < width; i++) {
        String field = "input " + (i + 1) + " of sample " + (s + 1);
        in[s * width + i] = text.number(tokens.next(field), tokens.line(), field);
      }
      for (int o = 0; o < outWidth; o++) {
        String field = "output " + (o + 1) + " of sample " + (s + 1);
        out[s * outWidth + o] = text.number(tokens.next(field), tokens.line(), field);
      }
    }
    if (tokens.hasNext()) {
      tokens.next("extra value");
      throw text.error(tokens.line(), "extra value",
          "the file holds more values than the " + samples + " samples announced in its header");
    }
    return new FannFile(in, out);
  }

  private static void expect(InputText text, Tokens tokens, String field, int wanted) {
    String t = tokens.next(field);
    if (!t.equals(Integer.toString(wanted))) {
      throw text.error(tokens.line(), field,
          "must be " + wanted + " for this benchmark, got '" + t + "'");
    }
  }

  float[] inputs() {
    return inputs.clone();
  }

  float[] outputs() {
    return outputs.clone();
  }

  InputSource inputSource(Path file, int width) {
    return new LoadedInputs(file, width, inputs.clone());
  }

  /** Whitespace-separated tokens of a file with the line each came from. */
  private static final class Tokens {
    private final InputText text;
    private int line;
    private String[] fields = new String[0];
    private int next;

    Tokens(InputText text) {
      this.text = text;
    }

    boolean hasNext() {
      while (next >= fields.length && line < text.lineCount()) {
        line++;
        fields = text.fields(line);
        next = 0;
      }
      return next < fields.length;
    }

    String next(String field) {
      if (!hasNext()) {
        throw text.error(line + 1, field, "the file ends before " + field);
      }
      return fields[next++];
    }

    /** The line of the token last returned. */
    int line() {
      return line;
    }
  }
}
