package org.axnas.kernels;

import java.nio.file.Path;

/** The inputs one image file gives an image benchmark; immutable and thread-safe. */
final class FileImageInputs implements InputSource {
  private final Path file;
  private final ImageFrame frame;

  FileImageInputs(Path file, ImageFrame frame) {
    this.file = file;
    this.frame = frame;
  }

  @Override
  public long size() {
    return frame.samples();
  }

  @Override
  public void input(long index, float[] dst) {
    if (index < 0 || index >= frame.samples()) {
      throw new IndexOutOfBoundsException(
          "input index " + index + " outside [0, " + frame.samples() + ") of " + file);
    }
    frame.input(index, dst);
  }

  @Override
  public String describe() {
    return file.toString();
  }
}
