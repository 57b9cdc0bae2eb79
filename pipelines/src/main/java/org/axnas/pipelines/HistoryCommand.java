package org.axnas.pipelines;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.axnas.pipelines.run.JsonOutput;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.pipelines.run.TrialsTable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code axnas history RUN}: one row per evaluation of a run, as text, CSV or JSON. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Print one row per evaluation of a run folder: round, network, status, accuracy, "
        + "test accuracy (Pareto set), speedup, energy reduction, f_perf, training seconds, cached.")
public final class HistoryCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN", description = "A search or enumerate run folder.")
  Path run;

  @ArgGroup(exclusive = true)
  Format format = new Format();

  static final class Format {
    @Option(names = "--csv", description = "CSV with a header row.")
    boolean csv;

    @Option(names = "--json", description = "One JSON document: runDir and rows.")
    boolean json;
  }

  @Override
  public Integer call() {
    RunFolder folder = new RunFolder(run);
    TrialsTable table = TrialsTable.read(folder);
    if (format.json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("runDir", folder.dir().toString());
      doc.put("columns", TrialsTable.COLUMNS);
      doc.put("rows", table.rows());
      JsonOutput.print(doc);
    } else if (format.csv) {
      System.out.print(table.toCsv());
    } else {
      System.out.print(table.toText());
    }
    return 0;
  }
}
