package org.axnas.pipelines.search;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PDone;

/**
 * Runs the Beam steps of a search (a round's evaluation, the Pareto front), each a composite
 * transform that reads nothing but its own configuration and writes its results to files. A
 * single search runs one pipeline per step; a sweep ({@link SweepSteps}) runs the same step of
 * all its searches as one pipeline, so a cluster gets one job per round for the whole sweep.
 */
@FunctionalInterface
public interface StepRunner {
  /**
   * Runs the step to completion; throws when its pipeline does not end DONE.
   *
   * @param name a label unique within the search, e.g. {@code round-0003}
   */
  void run(String name, PTransform<PBegin, PDone> step);

  /** One pipeline per step, named {@code jobPrefix-name} (the Flink job name). */
  static StepRunner onePipelineEach(PipelineOptions options, String jobPrefix) {
    return (name, step) -> {
      options.setJobName(jobPrefix + "-" + name);
      Pipeline pipeline = Pipeline.create(options);
      pipeline.apply(name, step);
      PipelineResult.State state = pipeline.run().waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        throw new IllegalStateException(name + " pipeline ended " + state + "; rerun with --resume to redo it");
      }
    };
  }
}
