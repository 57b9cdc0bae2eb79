package org.axnas.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every reader names the file, the line and the field of what is wrong. */
class ReaderErrorsTest {
  @TempDir Path dir;

  private static final String OPTION = "42.00 40.00 0.1000 0.00 0.20 0.50 C 0.00 4.759423036851750055";

  private void assertMalformed(String benchmark, String content, long line, String says)
      throws IOException {
    Path file = dir.resolve(benchmark + ".data");
    Files.writeString(file, content);
    Benchmark b = Benchmarks.byName(benchmark);
    InputFormatException e = assertThrows(InputFormatException.class, () -> b.reader(file),
        benchmark + " should reject:\n" + content);
    assertEquals(file, e.file());
    assertEquals(line, e.line(), e.getMessage());
    assertTrue(e.getMessage().startsWith(file + ":" + line + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(says), e.getMessage() + " should say " + says);
  }

  @Test
  void parsecOptionFiles() throws IOException {
    assertMalformed("blackscholes", "", 1, "empty");
    assertMalformed("blackscholes", "two\n" + OPTION, 1, "positive integer");
    assertMalformed("blackscholes", "3\n" + OPTION + "\n" + OPTION + "\n", 4, "ends after 2 of the 3");
    assertMalformed("blackscholes", "1\n" + OPTION + "\n" + OPTION, 3, "more lines than the 1");
    assertMalformed("blackscholes", "1\n42.00 40.00 0.1000 0.00 0.20 0.50 C 0.00", 2, "expected 9");
    assertMalformed("blackscholes", "2\n" + OPTION + "\n" + OPTION.replace(" C ", " X "), 3,
        "option type: must be C (call) or P (put)");
    assertMalformed("blackscholes", "1\n" + OPTION.replace("40.00", "forty"), 2, "strike price K");
    assertMalformed("blackscholes", "1\n" + OPTION.replace("0.20", "-0.20"), 2, "volatility v: must be > 0");
    assertMalformed("blackscholes", "1\n" + OPTION.replace("40.00", "NaN"), 2, "finite decimal");
  }

  @Test
  void fannFiles() throws IOException {
    assertMalformed("fft", "1\n2\n2\n0.25\n-1.0 0.0\n", 2, "num_inputs: must be 1");
    assertMalformed("fft", "2\n1\n2\n0.25\n-1.0 0.0\n0.125\n", 7, "output 1 of sample 2");
    assertMalformed("fft", "1\n1\n2\n0.25\n-1.0 zero\n", 5, "output 2 of sample 1");
    assertMalformed("fft", "1\n1\n2\n0.25\n-1.0 0.0\n0.5\n", 6, "more values than the 1 samples");
  }

  @Test
  void thetaFiles() throws IOException {
    assertMalformed("inversek2j", "2\n0.1\t0.2\n0.3\n", 3, "expected 2");
    assertMalformed("inversek2j", "1\n0.1\tpi\n", 2, "theta2");
  }

  @Test
  void triangleFiles() throws IOException {
    String row = "0.1\t".repeat(18);
    assertMalformed("jmeint", "2\n" + row + "\n" + "0.1\t".repeat(17) + "\n", 3, "expected 18");
    assertMalformed("jmeint", "1\n" + row.replaceFirst("0\\.1", "0.1.2"), 2, "triangle 1 vertex V0 x");
  }

  @Test
  void rgbImagesForEveryImageBenchmark() throws IOException {
    for (String name : new String[] {"sobel", "kmeans", "jpeg"}) {
      assertMalformed(name, "2,2\n1,2,3,4,5,6\n1,2,3,4,5\n", 3, "expected 6");
    }
    assertMalformed("jpeg", "2,1\n1,2,3,4,5,6\n", 1, "at least 8x8");
  }

  @Test
  void missingFileIsAnIoError() {
    Path missing = dir.resolve("missing.data");
    for (Benchmark b : Benchmarks.all()) {
      assertThrows(NoSuchFileException.class, () -> b.reader(missing), b.name());
    }
  }

  @Test
  void loadedInputsAreBoundsChecked() throws IOException {
    Path file = dir.resolve("one.data");
    Files.writeString(file, "1\n" + OPTION);
    InputSource one = Benchmarks.byName("blackscholes").reader(file);
    assertEquals(1, one.size());
    assertThrows(IndexOutOfBoundsException.class, () -> one.input(1, new float[6]));
    assertThrows(IndexOutOfBoundsException.class, () -> one.input(-1, new float[6]));
  }
}
