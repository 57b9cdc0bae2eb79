package org.axnas.pipelines.run;

import java.util.Locale;
import org.apache.beam.sdk.options.PipelineOptions;
import org.axnas.pipelines.config.ConfigException;

/**
 * How much heap traces take in this JVM, checked before a pipeline starts: too little memory
 * otherwise fails late, and on the DirectRunner an OutOfMemoryError in a worker thread leaves the
 * pipeline hanging instead of ending it.
 *
 * <p>Figures measured with {@code -Xlog:gc} on the batched traces stage (live heap after a full
 * collection, at the peak): 2,000,000 blackscholes samples (7 values) ~290 MB, sobel (10 values)
 * at most ~780 MB before a full collection, 200,000 jpeg samples (128 values) ~1.41 GB, about 55
 * bytes a value. The per-sample constants below keep a margin over these.
 */
public final class TraceMemory {
  /** Heap per trace value and per sample while the traces are collected and split in this JVM. */
  public static final long COLLECT_BYTES_PER_VALUE = 64;
  public static final long COLLECT_BYTES_PER_SAMPLE = 200;
  /** When the collection runs elsewhere, the driver still reads every split (boxed, then dense). */
  public static final long READ_BYTES_PER_VALUE = 40;
  /** A loaded split as the trainer's dense arrays, kept for the JVM's life (one read per worker). */
  public static final long HELD_BYTES_PER_VALUE = 8;
  /** What the JVM needs besides the traces (Beam, DL4J, the optimiser). */
  public static final long BASE_BYTES = 150L << 20;
  /** The share of the heap a live set may fill. */
  public static final double USABLE_HEAP = 0.75;

  private TraceMemory() {}

  /** Peak bytes to collect and split (or, collected elsewhere, to read) {@code samples} samples. */
  public static long peakBytes(long samples, int values, boolean collectedHere) {
    long perSample = collectedHere
        ? values * COLLECT_BYTES_PER_VALUE + COLLECT_BYTES_PER_SAMPLE
        : values * READ_BYTES_PER_VALUE;
    return samples * perSample;
  }

  /** Bytes the dense splits of {@code samples} samples keep once loaded. */
  public static long heldBytes(long samples, int values) {
    return samples * values * HELD_BYTES_PER_VALUE;
  }

  /** The heap a live set of {@code bytes} (besides the base) may use, of {@code maxHeapBytes}. */
  public static long usable(long maxHeapBytes) {
    return (long) (maxHeapBytes * USABLE_HEAP) - BASE_BYTES;
  }

  /** The -Xmx in GB that fits {@code bytes} of traces. */
  public static long heapGigabytesFor(double bytes) {
    return Math.max(2, (long) Math.ceil((bytes + BASE_BYTES) / USABLE_HEAP / (1L << 30)) + 1);
  }

  /**
   * Refuses {@code needed} bytes that do not fit this heap, naming the file and field, what the
   * traces are ({@code what}), and what to change ({@code lower}, e.g. "lower --samples to at most
   * 1000"), with the heap that would do.
   */
  public static void check(String file, String field, double needed, long maxHeapBytes, String what, String lower) {
    long usable = usable(maxHeapBytes);
    if (needed <= usable) {
      return;
    }
    throw new ConfigException(file, field, String.format(Locale.ROOT,
        "%s need about %.1f GB of memory, but this JVM may use %.1f GB (max heap %.1f GB); %s, or give Java more "
            + "memory (./axnas: AXNAS_JAVA_OPTS=-Xmx%dg)",
        what, (needed + BASE_BYTES) / 1e9, usable / 1e9, maxHeapBytes / 1e9, lower, heapGigabytesFor(needed)));
  }

  /** The DirectRunner and embedded Flink run the traces stage in the driver's own JVM. */
  public static boolean collectsInThisJvm(PipelineOptions options) {
    String runner = options.getRunner().getSimpleName();
    if (!runner.startsWith("Flink")) {
      return true;
    }
    String master = options.as(org.apache.beam.runners.flink.FlinkPipelineOptions.class).getFlinkMaster();
    return master == null || master.startsWith("[");
  }
}
