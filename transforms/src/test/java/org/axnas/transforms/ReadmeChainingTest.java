package org.axnas.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import org.axnas.core.OpCounter;
import org.axnas.core.Splits;
import org.axnas.kernels.Benchmark;
import org.axnas.kernels.Benchmarks;
import org.axnas.kernels.InputSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main README's example of the stages in someone else's Beam pipeline, as written there: the
 * {@code java} block that applies {@code CollectTraces}, put into a class with its imports,
 * compiled with javax.tools against this module's test class path, and run on a TestPipeline.
 * The mean it gives is the plain kernel loop's over the same test split.
 */
class ReadmeChainingTest {
  private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void theReadmesChainingExampleCompilesAndRuns(@TempDir Path dir) throws Exception {
    String snippet = snippet();
    List<String> imports = snippet.lines().filter(l -> l.startsWith("import ")).toList();
    String body = String.join("\n", snippet.lines().filter(l -> !l.startsWith("import ")).toList());
    Path source = Files.createDirectories(dir.resolve("src")).resolve("ReadmeChaining.java");
    Files.writeString(source, String.join("\n", imports) + "\n\npublic class ReadmeChaining {\n" + body + "\n}\n");

    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    // surefire runs the tests from a manifest-only jar; it names the real class path in this property
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    boolean compiled = javac.getTask(diagnostics, null, null,
        List.of("-classpath", classPath, "-d", classes.toString(), "-proc:none"), null,
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(source.toFile())).call();
    assertTrue(compiled, "the README's chaining example does not compile:\n" + diagnostics + "\n" + Files.readString(source));

    double expected = plainMeanOfTestOutputs();
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Thread.currentThread().setContextClassLoader(loader); // Beam deserialises the example's lambda through it
      Method m = loader.loadClass("ReadmeChaining").getDeclaredMethod("meanTestGradient", Pipeline.class);
      m.setAccessible(true);
      TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);
      @SuppressWarnings("unchecked")
      PCollection<Double> mean = (PCollection<Double>) m.invoke(null, p);
      PAssert.thatSingleton(mean).satisfies(v -> {
        assertEquals(expected, v, 1e-9);
        return null;
      });
      p.run().waitUntilFinish();
    } finally {
      Thread.currentThread().setContextClassLoader(before);
    }
  }

  /** Sobel on generator seed 1, samples 0..9,999, the test part of a 0.7/0.15 split with seed 1: the README's settings. */
  private static double plainMeanOfTestOutputs() {
    Benchmark b = Benchmarks.byName("sobel");
    InputSource src = b.generator(1);
    Splits splits = new Splits(0.7, 0.15, 1);
    float[] in = new float[b.inputWidth()];
    float[] out = new float[b.outputWidth()];
    double sum = 0;
    int n = 0;
    for (long i = 0; i < 10_000; i++) {
      src.input(i, in);
      b.compute(in, out, new OpCounter());
      if (splits.of(i) == Splits.Part.TEST) {
        sum += out[0];
        n++;
      }
    }
    assertTrue(n > 1000, "test part: " + n);
    return sum / n;
  }

  private static String snippet() throws Exception {
    Path here = Path.of("").toAbsolutePath();
    Path readme = Files.isRegularFile(here.resolve("transforms/README.md")) ? here.resolve("README.md")
        : here.getParent().resolve("README.md");
    Matcher m = BLOCK.matcher(Files.readString(readme));
    while (m.find()) {
      if (m.group(1).contains("CollectTraces.of(")) {
        return m.group(1);
      }
    }
    throw new AssertionError(readme + " has no java block that applies CollectTraces");
  }
}
