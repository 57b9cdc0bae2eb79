package org.axnas.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java snippet of the main README and of this module's README, as written there: taken from
 * the README's text (the {@code java} block that calls {@code FinishedRun.open}), its imports put
 * at the top of a class and its statements into {@code main}, compiled with javax.tools against
 * this module's classes alone, and run in a child JVM whose working directory holds the
 * checked-in finished quick search where the snippet looks for it. It must select the network
 * {@link NetworkSelector} selects with the snippet's own constraints and print its output.
 */
class ReadmeSnippetTest {
  private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @ParameterizedTest
  @ValueSource(strings = {"README.md", "runtime/README.md"})
  void theSnippetCompilesAndRunsOnAFinishedRun(String readme, @TempDir Path dir) throws Exception {
    String snippet = snippet(repository().resolve(readme));
    List<String> imports = snippet.lines().filter(l -> l.startsWith("import ")).toList();
    String body = String.join("\n", snippet.lines().filter(l -> !l.startsWith("import ")).toList());
    Path source = dir.resolve("src/ReadmeSnippet.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, String.join("\n", imports) + "\n\npublic class ReadmeSnippet {\n"
        + "  public static void main(String[] args) throws Exception {\n" + body + "\n  }\n}\n");

    Path runtime = Path.of(FinishedRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean compiled = javac.getTask(diagnostics, null, null,
        List.of("-classpath", runtime.toString(), "-d", classes.toString(), "-proc:none"), null,
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(source.toFile())).call();
    assertTrue(compiled, readme + "'s snippet does not compile against the runtime module:\n" + diagnostics
        + "\n" + Files.readString(source));

    // the finished run, where the snippet opens it (relative to the working directory)
    String runPath = group(snippet, "FinishedRun\\.open\\(Path\\.of\\(\"([^\"]+)\"\\)\\)", 1, readme);
    Path work = Files.createDirectories(dir.resolve("work"));
    copyTree(FinishedRunTest.fixture(), work.resolve(runPath));

    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classes + java.io.File.pathSeparator + runtime, "ReadmeSnippet"));
    Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the snippet did not finish");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), readme + "'s snippet failed:\n" + out);

    // the network selection gives with the snippet's mode and constraints, and a price from it
    SelectionMode mode = SelectionMode.valueOf(group(snippet, "SelectionMode\\.([A-Z]+)", 1, readme));
    String[] c = group(snippet, "new Constraints\\(([^)]*)\\)", 1, readme).split(",");
    Scored chosen = FinishedRun.open(work.resolve(runPath)).selector()
        .select(mode, new Constraints(Double.parseDouble(c[0]), Double.parseDouble(c[1]), Double.parseDouble(c[2])))
        .chosen().orElseThrow();
    Matcher line = Pattern.compile("^" + Pattern.quote(chosen.network()) + ": [a-z ]+ (\\S+)$", Pattern.MULTILINE).matcher(out);
    assertTrue(line.find(), "expected the chosen network " + chosen.network() + " and its output, got:\n" + out);
    assertTrue(Float.isFinite(Float.parseFloat(line.group(1))), out);
  }

  /** The repository's root: the tests run there (the parent pom's surefire setting) or in the module. */
  static Path repository() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isRegularFile(here.resolve("runtime/README.md")) ? here : here.getParent();
  }

  /** The java block of a README that opens a finished run. */
  static String snippet(Path readme) throws IOException {
    Matcher m = BLOCK.matcher(Files.readString(readme));
    while (m.find()) {
      if (m.group(1).contains("FinishedRun.open(")) {
        return m.group(1);
      }
    }
    throw new AssertionError(readme.toAbsolutePath() + " has no java block that calls FinishedRun.open");
  }

  private static String group(String text, String regex, int group, String where) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), where + "'s snippet has no " + regex);
    return m.group(group).trim();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path f : s.toList()) {
        Path t = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else {
          Files.createDirectories(t.getParent());
          Files.copy(f, t);
        }
      }
    }
  }
}
