package org.axnas.pipelines.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axnas.pipelines.config.ConfigException;
import org.axnas.pipelines.config.RunConfig;
import org.axnas.pipelines.run.AvroFiles;
import org.axnas.schemas.TraceSample;

/**
 * A user's own function: its traces from an Avro file in our TraceSample schema, or from a CSV
 * file with a header row and the input and output columns the config names. Every problem is
 * refused with the file, the line and the column.
 */
final class UserTraces {
  private UserTraces() {}

  /** The samples read and how many were dropped for NaN or infinity. */
  record Read(List<TraceSample> samples, long nonFinite) {}

  /**
   * Reads the samples, labelled with the run's benchmark name (the traces stage counts samples
   * per benchmark, so a label from elsewhere would make a full trace look empty).
   */
  static Read read(Path file, String benchmark, RunConfig.UserFunction f, boolean dropNonFinite) throws IOException {
    Map<Long, String> where = new HashMap<>(); // CSV: sample index -> "line N, column C" of its first non-finite cell
    List<TraceSample> raw = file.toString().toLowerCase().endsWith(".csv")
        ? csv(file, f.inputColumns(), f.outputColumns(), where)
        : AvroFiles.read(file, TraceSample.class);
    List<TraceSample> kept = new ArrayList<>();
    long nonFinite = 0;
    for (TraceSample read : raw) {
      TraceSample s = benchmark.contentEquals(read.getBenchmark()) ? read
          : TraceSample.newBuilder(read).setBenchmark(benchmark).build();
      boolean finite = s.getInput().stream().allMatch(Float::isFinite) && s.getOutput().stream().allMatch(Float::isFinite);
      if (finite) {
        kept.add(s);
      } else if (dropNonFinite) {
        nonFinite++;
      } else {
        throw new ConfigException(file.toString(), where.getOrDefault(s.getIndex(), "sample " + s.getIndex()),
            "holds NaN or infinity; set traces.nonFinite: drop to drop such samples");
      }
    }
    if (kept.isEmpty()) {
      throw new ConfigException(file.toString(), null, "the trace holds no usable sample");
    }
    return new Read(kept, nonFinite);
  }

  static List<TraceSample> csv(Path file, List<String> inputs, List<String> outputs) throws IOException {
    return csv(file, inputs, outputs, new HashMap<>());
  }

  /** As above, noting in {@code nonFiniteAt} where each sample's first NaN or infinite cell is. */
  static List<TraceSample> csv(Path file, List<String> inputs, List<String> outputs, Map<Long, String> nonFiniteAt)
      throws IOException {
    List<TraceSample> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file)) {
      String header = r.readLine();
      if (header == null) {
        throw new ConfigException(file.toString(), null, "empty file; expected a header row naming the columns");
      }
      List<String> names = Arrays.stream(header.split(",", -1)).map(String::trim).toList();
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        index.put(names.get(i), i);
      }
      int[] in = columns(file, index, inputs, names);
      int[] outCols = columns(file, index, outputs, names);
      String line;
      int lineNo = 1;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (cells.length != names.size()) {
          throw new ConfigException(file.toString(), "line " + lineNo,
              "has " + cells.length + " cells, the header has " + names.size());
        }
        for (int c : concat(in, outCols)) {
          if (!Float.isFinite(parse(file, lineNo, cells, c, names))) {
            nonFiniteAt.put((long) out.size(), "line " + lineNo + ", column " + names.get(c));
            break;
          }
        }
        out.add(new TraceSample("user", (long) out.size(), values(file, lineNo, cells, in, names),
            values(file, lineNo, cells, outCols, names)));
      }
    }
    return out;
  }

  private static int[] columns(Path file, Map<String, Integer> index, List<String> wanted, List<String> names) {
    int[] cols = new int[wanted.size()];
    for (int i = 0; i < wanted.size(); i++) {
      Integer c = index.get(wanted.get(i));
      if (c == null) {
        throw new ConfigException(file.toString(), wanted.get(i), "no such column; the header has " + String.join(", ", names));
      }
      cols[i] = c;
    }
    return cols;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static List<Float> values(Path file, int lineNo, String[] cells, int[] cols, List<String> names) {
    List<Float> v = new ArrayList<>(cols.length);
    for (int c : cols) {
      v.add(parse(file, lineNo, cells, c, names));
    }
    return v;
  }

  private static float parse(Path file, int lineNo, String[] cells, int c, List<String> names) {
    String cell = cells[c].trim();
    try {
      return Float.parseFloat(cell);
    } catch (NumberFormatException e) {
      String lower = cell.toLowerCase();
      if (lower.equals("nan")) {
        return Float.NaN;
      } else if (lower.equals("inf") || lower.equals("+inf") || lower.equals("infinity")) {
        return Float.POSITIVE_INFINITY;
      } else if (lower.equals("-inf") || lower.equals("-infinity")) {
        return Float.NEGATIVE_INFINITY;
      }
      throw new ConfigException(file.toString(), "line " + lineNo + ", column " + names.get(c),
          "'" + cell + "' is not a number");
    }
  }
}
