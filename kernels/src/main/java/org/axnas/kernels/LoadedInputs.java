package org.axnas.kernels;

import java.nio.file.Path;

/** Inputs parsed from a file, held as one flat array; immutable and thread-safe. */
final class LoadedInputs implements InputSource {
  private final Path file;
  private final int width;
  private final float[] values;

  /** Takes ownership of {@code values} (length a multiple of {@code width}). */
  LoadedInputs(Path file, int width, float[] values) {
    if (values.length % width != 0) {
      throw new IllegalArgumentException(values.length + " values are not rows of " + width);
    }
    this.file = file;
    this.width = width;
    this.values = values;
  }

  @Override
  public long size() {
    return values.length / width;
  }

  @Override
  public void input(long index, float[] dst) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException(
          "input index " + index + " outside [0, " + size() + ") of " + file);
    }
    System.arraycopy(values, (int) index * width, dst, 0, width);
  }

  @Override
  public String describe() {
    return file.toString();
  }
}
