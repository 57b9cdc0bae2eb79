package org.axnas.pipelines.search;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.axnas.core.OpClass;
import org.axnas.core.OpProfile;
import org.axnas.core.Splits;
import org.axnas.hwsim.HardwareConfig;
import org.axnas.pipelines.config.ConfigException;
import org.axnas.pipelines.config.ConfigPaths;
import org.axnas.pipelines.config.RunConfig;
import org.axnas.pipelines.run.AtomicFiles;
import org.axnas.pipelines.run.AvroFiles;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.pipelines.run.TraceCollection;
import org.axnas.schemas.KernelProfile;
import org.axnas.traces.KernelProfiles;
import org.axnas.traces.TraceStore;
import org.axnas.trainer.Dataset;

/**
 * A run's traces: collected once into its folder (one Beam pipeline, redone whole when killed),
 * each split loaded and checked against the counts written, and the original function's CPU
 * operation profile (measured while tracing, or given by a user's config).
 */
final class RunTraces {
  private RunTraces() {}

  static void ensureCollected(RunConfig config, RunInputs in, RunFolder folder, PipelineOptions options, PrintStream log)
      throws IOException {
    if (Files.exists(folder.tracesDone())) {
      return;
    }
    SearchDriver.deleteTree(folder.traces()); // a killed collection is redone whole: traces are deterministic
    long start = System.nanoTime();
    Splits splits = new Splits(config.traces().train(), config.traces().validation(), config.seed());
    Pipeline p = Pipeline.create(options);
    long loaded = 0;
    long droppedOnRead = 0;
    if (config.isUserFunction()) {
      Path file = in.userTraceFile();
      UserTraces.Read read = in.userTraces();
      loaded = read.samples().size();
      droppedOnRead = read.nonFinite();
      if (read.nonFinite() > 0) {
        log.printf("dropped %d samples with NaN/Inf from %s%n", read.nonFinite(), file);
      }
      TraceCollection.splitAndWrite(p, read.samples(), config.benchmark(), splits, folder.dir());
    } else {
      String input = config.traces().inputFile() == null ? null
          : ConfigPaths.resolve(config.traces().inputFile(), config.file(), "traces.input").toString();
      TraceCollection.addTo(p, config.benchmark(), new TraceCollection.Source(config.seed(), config.traces().samples(), input),
          splits, folder.dir());
    }
    PipelineResult result;
    PipelineResult.State state;
    try {
      result = p.run();
      state = result.waitUntilFinish();
    } catch (RuntimeException e) {
      throw SearchDriver.runnerFailure("the traces stage", 0, e);
    }
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the traces pipeline ended " + state + "; rerun with --resume to collect them again");
    }
    TraceCollection.Counts c = TraceCollection.counts(result, config.benchmark());
    c = new TraceCollection.Counts(c.train(), c.validation(), c.test(), c.failed() + droppedOnRead);
    if (c.failed() > 0 && !config.traces().dropNonFinite()) {
      throw new ConfigException(config.file(), "traces.nonFinite",
          c.failed() + " samples hold NaN or infinity and the config says refuse; set nonFinite: drop to drop them");
    }
    if (c.train() == 0 || c.validation() == 0) {
      throw new ConfigException(config.file(), "traces.samples",
          "the split left " + c.train() + " train and " + c.validation() + " validation samples; give more samples");
    }
    AtomicFiles.writeString(folder.tracesDone(), "train=" + c.train() + " validation=" + c.validation() + " test=" + c.test()
        + " failed=" + c.failed() + (loaded > 0 ? " loaded=" + loaded : "") + "\n");
    log.printf("traces: %d train, %d validation, %d test samples (%d dropped) in %.1f s%n",
        c.train(), c.validation(), c.test(), c.failed(), (System.nanoTime() - start) / 1e9);
  }

  /** The original function's operations per invocation: the kernel's measured profile, or a user's figures. */
  static OpProfile cpuProfile(RunConfig config, HardwareConfig hardware, RunFolder folder) {
    if (config.isUserFunction()) {
      return userProfile(config.function(), hardware);
    }
    List<KernelProfile> p = AvroFiles.read(folder.traces().resolve("profile.avro"), KernelProfile.class, recollect(folder));
    return KernelProfiles.toOpProfile(p.get(0));
  }

  /**
   * A user's function is priced by its operation profile when given; a bare cycles figure is
   * priced as that many cycles of integer work on the configured core (its energy per cycle is
   * the integer unit's), the closest the CPU table has to "a cycle of average work".
   */
  static OpProfile userProfile(RunConfig.UserFunction f, HardwareConfig hw) {
    if (!f.opsPerInvocation().isEmpty()) {
      return OpProfile.of(f.opsPerInvocation());
    }
    double cyclesPerInt = hw.cpu().op(OpClass.INT).cycles();
    return OpProfile.of(Map.of(OpClass.INT, f.cyclesPerInvocation() / cyclesPerInt));
  }

  /** A split of the run's traces; a corrupt or truncated trace file is refused, naming it and the remedy. */
  static Dataset loadSplit(RunFolder folder, String split) {
    Dataset d;
    try {
      d = TraceStore.load(folder.traces().toString(), split);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(folder.traces().toString(), null, e.getMessage() + "; " + recollect(folder));
    }
    // a file cut at a block boundary reads as a shorter whole file: the marker holds the counts written
    long written = writtenCount(folder, split);
    if (written >= 0 && written != d.size()) {
      throw new ConfigException(folder.traces().resolve(split + "-*.avro").toString(), null, "hold " + d.size() + " samples but "
          + written + " were written (" + folder.tracesDone().getFileName() + "); " + recollect(folder));
    }
    return d;
  }

  /** The sample count of a split recorded in the traces' _SUCCESS marker, or -1. */
  private static long writtenCount(RunFolder folder, String split) {
    try {
      for (String part : Files.readString(folder.tracesDone()).trim().split("\\s+")) {
        if (part.startsWith(split + "=")) {
          return Long.parseLong(part.substring(split.length() + 1));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  private static String recollect(RunFolder folder) {
    return "the traces are deterministic: remove " + folder.tracesDone() + " and --resume collects them again";
  }
}
