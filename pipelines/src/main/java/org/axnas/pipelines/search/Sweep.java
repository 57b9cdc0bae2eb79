package org.axnas.pipelines.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import org.apache.beam.sdk.options.PipelineOptions;
import org.axnas.pipelines.flink.BeamOptions;
import org.axnas.pipelines.config.ConfigException;
import org.axnas.pipelines.config.RunConfig;
import org.axnas.pipelines.config.SweepConfig;
import org.axnas.pipelines.run.AtomicFiles;
import org.axnas.pipelines.run.TraceMemory;

/**
 * Runs the searches of a sweep together: each search is a {@link SearchDriver} on its own thread,
 * and their Beam steps go through one {@link SweepSteps}, so every round is one pipeline (one
 * Flink job) holding the candidates of all searches. Trace collection, once per search, runs as
 * each search's own pipeline, at most {@link #CONCURRENT_PREPARATIONS} at a time.
 *
 * <pre>
 * OUT/sweep.yaml            the sweep config as given
 * OUT/configs/LABEL.yaml    each search's generated run-config
 * OUT/LABEL/                each search's run folder (see RunFolder)
 * </pre>
 */
public final class Sweep {
  static final int CONCURRENT_PREPARATIONS = 2;

  /** What to run. */
  /** {@code cache}: a trained-model cache shared by all searches (and other runs); null for each run's own. */
  public record Request(Path config, Path out, boolean resume, List<String> beamArgs, PrintStream progress, Path cache) {}

  /** How one search of the sweep ended: its outcome, or the error that stopped it. */
  public record Result(SweepConfig.Entry entry, Path runDir, SearchDriver.Outcome outcome, RuntimeException error) {}

  private final Request request;

  public Sweep(Request request) {
    this.request = request;
  }

  public List<Result> run() {
    SweepConfig sweep = SweepConfig.load(request.config());
    PipelineOptions options = BeamOptions.parse(request.beamArgs()); // a bad flag or unreachable cluster fails here
    Path out = request.out().toAbsolutePath().normalize();
    checkFolder(out, sweep);
    checkMemory(sweep, options, Runtime.getRuntime().maxMemory());
    writeConfigs(out, sweep);

    PrintStream log = request.progress();
    log.printf("sweep: %d searches (%s)%n", sweep.searches().size(),
        String.join(", ", sweep.searches().stream().map(SweepConfig.Entry::label).toList()));
    SweepSteps steps = new SweepSteps(options, "axnas-sweep-" + out.getFileName(), log);
    Semaphore preparing = new Semaphore(CONCURRENT_PREPARATIONS);
    Result[] results = new Result[sweep.searches().size()];
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < results.length; i++) {
      SweepConfig.Entry e = sweep.searches().get(i);
      StepRunner mine = steps.join(e.label()); // every search joins before any starts: round 1 waits for all
      Path runDir = out.resolve(e.label());
      boolean resume = request.resume() && Files.exists(runDir);
      SearchDriver.Request r = new SearchDriver.Request(configFile(out, e), runDir, resume, null, request.beamArgs(),
          false, prefixed(log, e.label()), 0, request.cache());
      int index = i;
      threads.add(new Thread(() -> {
        boolean[] released = {false};
        StepRunner releasingFirst = (name, step) -> {
          if (!released[0]) {
            released[0] = true;
            preparing.release(); // its traces are ready: the next search may collect its own
          }
          mine.run(name, step);
        };
        try {
          preparing.acquireUninterruptibly();
          results[index] = new Result(e, runDir, new SearchDriver(r, releasingFirst).run(), null);
        } catch (RuntimeException ex) {
          results[index] = new Result(e, runDir, null, ex);
          log.printf("[%s] failed: %s%n", e.label(), ex.getMessage());
        } finally {
          if (!released[0]) {
            preparing.release();
          }
          steps.leave();
        }
      }, "sweep-" + e.label()));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the sweep ran", ex);
      }
    }
    for (int i = 0; i < results.length; i++) {
      if (results[i] == null) { // its thread died of an Error (printed by the thread)
        SweepConfig.Entry e = sweep.searches().get(i);
        results[i] = new Result(e, out.resolve(e.label()), null, new IllegalStateException("the search's thread died"));
      }
    }
    List<Result> all = List.of(results);
    log.printf("sweep finished: %d searches, %d failed, %d sweep jobs%n", all.size(),
        all.stream().filter(x -> x.error() != null).count(), steps.jobs());
    return all;
  }

  /**
   * Refuses a sweep whose searches' traces would not fit in this JVM together: every search keeps
   * its loaded splits for the JVM's life (the per-worker cache of the evaluation step, and the
   * final test-set scoring), and up to {@link #CONCURRENT_PREPARATIONS} collect theirs at once.
   * Each search still checks its own traces when it starts (and a user function's trace file,
   * whose size is known only then).
   */
  static void checkMemory(SweepConfig sweep, PipelineOptions options, long maxHeapBytes) {
    boolean collectedHere = TraceMemory.collectsInThisJvm(options);
    long held = 0;
    long total = 0;
    List<Long> peaks = new ArrayList<>();
    for (SweepConfig.Entry e : sweep.searches()) {
      MemoryCheck.TraceShape t = MemoryCheck.builtInTraces(RunConfig.parse(e.runConfigYaml(), e.label()));
      if (t == null) {
        continue;
      }
      held += TraceMemory.heldBytes(t.samples(), t.values());
      peaks.add(TraceMemory.peakBytes(t.samples(), t.values(), collectedHere));
      total += t.samples();
    }
    peaks.sort(Comparator.reverseOrder());
    long concurrent = 0;
    for (int i = 0; i < Math.min(collectedHere ? CONCURRENT_PREPARATIONS : 1, peaks.size()); i++) {
      concurrent += peaks.get(i);
    }
    TraceMemory.check(sweep.file(), "settings.traces.samples", (double) held + concurrent, maxHeapBytes,
        String.format(Locale.ROOT, "the traces of %d searches (%d samples in all), kept in this JVM while the sweep "
            + "runs,", peaks.size(), total),
        "lower traces.samples, sweep fewer benchmarks at once, or run on a Flink cluster");
  }

  private void checkFolder(Path out, SweepConfig sweep) {
    Path copy = out.resolve("sweep.yaml");
    if (!Files.exists(out)) {
      if (request.resume()) {
        throw new ConfigException(out.toString(), "--resume", "there is no sweep to resume in this folder");
      }
      return;
    }
    if (!request.resume()) {
      throw new ConfigException(out.toString(), null,
          "already exists; continue the sweep with --resume or choose another --out (nothing was overwritten)");
    }
    try {
      if (Files.exists(copy) && !Files.readString(copy).equals(sweep.yaml())) {
        throw new ConfigException(copy.toString(), null,
            "the sweep in this folder was made by another sweep config; resume with the same one or choose another --out");
      }
    } catch (IOException e) {
      throw new ConfigException(copy.toString(), null, "cannot read: " + e.getMessage());
    }
  }

  private static void writeConfigs(Path out, SweepConfig sweep) {
    try {
      Files.createDirectories(out.resolve("configs"));
      AtomicFiles.writeString(out.resolve("sweep.yaml"), sweep.yaml());
      for (SweepConfig.Entry e : sweep.searches()) {
        Path f = configFile(out, e);
        // generated from the same sweep config and run-configs, the text is the same on --resume;
        // if a run-config changed since, the search's manifest check refuses to resume it
        if (!Files.exists(f) || !Files.readString(f).equals(e.runConfigYaml())) {
          AtomicFiles.writeString(f, e.runConfigYaml());
        }
      }
    } catch (IOException e) {
      throw new ConfigException(out.toString(), null, "cannot write the sweep folder: " + e.getMessage());
    }
  }

  static Path configFile(Path out, SweepConfig.Entry e) {
    return out.resolve("configs").resolve(e.label() + ".yaml");
  }

  /** A stream that writes each line to {@code target} as "[label] line". */
  static PrintStream prefixed(PrintStream target, String label) {
    OutputStream lines = new OutputStream() {
      private final ByteArrayOutputStream line = new ByteArrayOutputStream();

      @Override
      public synchronized void write(int b) {
        if (b == '\n') {
          flushLine();
        } else {
          line.write(b);
        }
      }

      private void flushLine() {
        synchronized (target) {
          target.println("[" + label + "] " + line.toString(StandardCharsets.UTF_8));
          target.flush();
        }
        line.reset();
      }

      @Override
      public synchronized void flush() {
        // lines go out whole, when they end
      }
    };
    return new PrintStream(lines, true, StandardCharsets.UTF_8);
  }
}
