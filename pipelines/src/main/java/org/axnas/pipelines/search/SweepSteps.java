package org.axnas.pipelines.search;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PDone;

/**
 * One pipeline for the same step of many searches: each search (on its own thread) hands its step
 * to {@link #run}, which waits until every search still running has handed in one, then one of
 * them runs all the steps as a single pipeline (on Flink: one job per round for the whole sweep,
 * so the cluster has every candidate of the round at once). A search that ends leaves, so the
 * others never wait for it.
 */
final class SweepSteps {
  private final PipelineOptions options;
  private final String jobPrefix;
  private final PrintStream log;
  private final List<Pending> pending = new ArrayList<>();
  private int members;
  private boolean running;
  private int jobs;

  private record Pending(String label, String name, PTransform<PBegin, PDone> step, CompletableFuture<Void> done) {}

  SweepSteps(PipelineOptions options, String jobPrefix, PrintStream log) {
    this.options = options;
    this.jobPrefix = jobPrefix;
    this.log = log;
  }

  /** Adds a search; its steps go through the returned runner. Call {@link #leave} when it ends. */
  synchronized StepRunner join(String label) {
    members++;
    return (name, step) -> run(label, name, step);
  }

  /** A search has ended (done or failed): the others no longer wait for it. */
  synchronized void leave() {
    members--;
    notifyAll();
  }

  /** Number of pipelines run so far. */
  synchronized int jobs() {
    return jobs;
  }

  private void run(String label, String name, PTransform<PBegin, PDone> step) {
    Pending mine = new Pending(label, name, step, new CompletableFuture<>());
    List<Pending> batch = null;
    synchronized (this) {
      pending.add(mine);
      notifyAll();
      while (!mine.done().isDone()) {
        if (!running && pending.size() >= members) {
          batch = new ArrayList<>(pending);
          pending.clear();
          running = true;
          jobs++;
          break;
        }
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          pending.remove(mine);
          throw new IllegalStateException("interrupted while waiting for the sweep's " + name + " pipeline", e);
        }
      }
    }
    if (batch != null) {
      try {
        runBatch(batch);
      } finally {
        synchronized (this) {
          running = false;
          notifyAll();
        }
      }
    }
    try {
      mine.done().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private void runBatch(List<Pending> batch) {
    long start = System.nanoTime();
    String step = batch.stream().map(Pending::name).distinct().count() == 1 ? batch.get(0).name() : "steps";
    String job;
    synchronized (this) {
      job = String.format("%s-%04d-%s", jobPrefix, jobs, step);
    }
    try {
      options.setJobName(job);
      Pipeline pipeline = Pipeline.create(options);
      for (Pending p : batch) {
        pipeline.apply(p.label() + " " + p.name(), p.step());
      }
      PipelineResult.State state = pipeline.run().waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        throw new IllegalStateException("sweep job " + job + " ended " + state + "; rerun the sweep with --resume to redo it");
      }
      log.printf("sweep: job %s (%d searches) %.1f s%n", job, batch.size(), (System.nanoTime() - start) / 1e9);
      log.flush();
      batch.forEach(p -> p.done().complete(null));
    } catch (RuntimeException | Error e) {
      batch.forEach(p -> p.done().completeExceptionally(e)); // every search of the batch learns of it, none hangs
    }
  }
}
