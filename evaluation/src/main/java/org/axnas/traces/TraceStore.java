package org.axnas.traces;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.axnas.schemas.TraceSample;
import org.axnas.trainer.Dataset;

/**
 * Reads trace splits written by the traces stage ({@code <dir>/train-*.avro} and so on) into
 * dense arrays for training and scoring. Samples are ordered by index, so the arrays are the same
 * whatever the sharding. A JVM-wide cache means each worker JVM reads a split once, however many
 * candidates it trains.
 *
 * <p>The cache is keyed by the split's files as they are on disk (name, size, modification
 * time), not by the folder alone: a long-lived worker (a Flink TaskManager, a test JVM) that
 * meets a folder whose traces were replaced, truncated or corrupted reads them again, and fails
 * on a corrupt file instead of training on stale data.
 */
public final class TraceStore {
  private static final ConcurrentHashMap<String, Dataset> CACHE = new ConcurrentHashMap<>();

  private TraceStore() {}

  /** The split (train, validation or test) under a traces folder, cached per JVM. */
  public static Dataset load(String tracesDir, String split) {
    Path dir = Path.of(tracesDir).toAbsolutePath().normalize();
    String key = dir.resolve(split) + "|" + stamp(files(dir, split));
    Dataset d = CACHE.get(key);
    if (d != null) {
      return d;
    }
    CACHE.keySet().removeIf(k -> k.startsWith(dir.resolve(split) + "|")); // the split's older versions
    return CACHE.computeIfAbsent(key, k -> read(dir, split));
  }

  /** What identifies a split's files on disk: names, sizes and modification times. */
  private static String stamp(List<Path> files) {
    StringBuilder sb = new StringBuilder();
    for (Path f : files) {
      try {
        sb.append(f.getFileName()).append(':').append(Files.size(f)).append(':')
            .append(Files.getLastModifiedTime(f).toMillis()).append(';');
      } catch (IOException e) {
        sb.append(f.getFileName()).append(":?;"); // vanished while listing: read() reports it
      }
    }
    return sb.toString();
  }

  /** Files of a split, sorted by name. */
  public static List<Path> files(Path tracesDir, String split) {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(tracesDir, split + "-*.avro")) {
      ds.forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list traces in " + tracesDir, e);
    }
    files.sort(null);
    return files;
  }

  /** Reads every sample of a split, sorted by index. */
  public static List<TraceSample> samples(Path tracesDir, String split) {
    List<Path> files = files(tracesDir, split);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no " + split + " traces in " + tracesDir + " (expected " + split + "-*.avro)");
    }
    List<TraceSample> samples = new ArrayList<>();
    for (Path f : files) {
      try (DataFileReader<TraceSample> r = new DataFileReader<>(f.toFile(), new SpecificDatumReader<>(TraceSample.class))) {
        while (r.hasNext()) {
          samples.add(r.next());
        }
        // Avro's reader stops without a word at a block cut short; a whole file ends at a sync marker
        if (r.previousSync() != Files.size(f)) {
          throw new IOException("the file ends inside a block (last complete block ends at byte " + r.previousSync()
              + " of " + Files.size(f) + ")");
        }
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException("trace file " + f + " is corrupt or truncated: " + e.getMessage(), e);
      }
    }
    samples.sort((a, b) -> Long.compare(a.getIndex(), b.getIndex()));
    return samples;
  }

  static Dataset read(Path tracesDir, String split) {
    return toDataset(samples(tracesDir, split), tracesDir + "/" + split);
  }

  /** Dense arrays of samples; every sample must have the first one's widths. */
  public static Dataset toDataset(List<TraceSample> samples, String where) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("empty trace: " + where + " holds no sample");
    }
    int in = samples.get(0).getInput().size();
    int out = samples.get(0).getOutput().size();
    float[] x = new float[samples.size() * in];
    float[] y = new float[samples.size() * out];
    for (int i = 0; i < samples.size(); i++) {
      TraceSample s = samples.get(i);
      if (s.getInput().size() != in || s.getOutput().size() != out) {
        throw new IllegalArgumentException("sample " + s.getIndex() + " of " + where + " has widths "
            + s.getInput().size() + "->" + s.getOutput().size() + ", expected " + in + "->" + out);
      }
      for (int j = 0; j < in; j++) {
        x[i * in + j] = s.getInput().get(j);
      }
      for (int j = 0; j < out; j++) {
        y[i * out + j] = s.getOutput().get(j);
      }
    }
    return Dataset.of(x, y, in, out);
  }
}
