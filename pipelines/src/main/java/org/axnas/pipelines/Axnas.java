package org.axnas.pipelines;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axnas.pipelines.config.BadInput;
import org.axnas.pipelines.run.JsonOutput;
import org.axnas.pipelines.run.Versions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The axnas command. Exit codes: 0 success, 2 bad input (config, flag, file), 1 internal
 * failure. With {@code --json} every command prints exactly one JSON document on stdout (errors
 * too, as {@code {"error": ...}}); logs go to stderr.
 */
@Command(
    name = "axnas",
    mixinStandardHelpOptions = true,
    versionProvider = Axnas.Version.class,
    description = "Hardware-aware neural architecture search for neural acceleration of approximate programs.",
    subcommands = {TracesCommand.class, SearchCommand.Search.class, SearchCommand.Enumerate.class,
        SelectCommand.class, HistoryCommand.class, HwsimCommand.class, SweepCommand.class, org.axnas.pipelines.report.ReportCommand.class})
public final class Axnas implements Runnable {
  public static final String VERSION = Versions.AXNAS;
  public static final int EXIT_BAD_INPUT = 2;
  public static final int EXIT_INTERNAL = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(spec.commandLine(), "choose a command");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (tests call this). */
  public static int execute(String... args) {
    boolean json = Arrays.asList(args).contains("--json");
    CommandLine cl = new CommandLine(new Axnas());
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      boolean badInput = BadInput.is(ex);
      String message = badInput ? ex.getMessage() : "internal error: " + ex;
      report(commandLine.getErr(), json, message);
      if (!badInput) {
        ex.printStackTrace(commandLine.getErr());
      }
      return badInput ? EXIT_BAD_INPUT : EXIT_INTERNAL;
    });
    cl.setParameterExceptionHandler((ex, a) -> {
      report(ex.getCommandLine().getErr(), json, ex.getMessage());
      if (!json) {
        ex.getCommandLine().usage(ex.getCommandLine().getErr());
      }
      return EXIT_BAD_INPUT;
    });
    return cl.execute(args);
  }

  private static void report(PrintWriter err, boolean json, String message) {
    err.println("error: " + message);
    err.flush();
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("error", message);
      JsonOutput.print(doc);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"axnas " + VERSION + " (Beam " + Versions.beam() + ", Java " + Versions.java() + ")"};
    }
  }
}
