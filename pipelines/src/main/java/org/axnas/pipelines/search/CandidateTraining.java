package org.axnas.pipelines.search;

import org.axnas.evaluation.TrainingSpecs;
import org.axnas.pipelines.config.RunConfig;
import org.axnas.schemas.TrainingSpec;
import org.axnas.trainer.Backend;
import org.axnas.trainer.LearningRateSchedule;
import org.axnas.trainer.TrainingSettings;

/**
 * How every candidate of a run is trained: the run-config's {@code training} section (checked
 * field by field when the config is read) as the trainer's {@link TrainingSettings}, the one
 * settings type, made once per run. This is the one mapping from the config: a new training
 * setting is added to {@link RunConfig.Training}, here, and in {@link TrainingSpecs} (the wire form).
 *
 * <p>Both default to {@code optimizer: auto}, which picks optimiser, schedule and budget per
 * network (trainer/README.md); the run-config's batch size (128) is the one a search uses.
 */
record CandidateTraining(TrainingSettings settings, TrainingSpec spec) {

  static CandidateTraining of(RunConfig config) {
    RunConfig.Training t = config.training();
    // the seed here is the run's; each candidate trains with its own (core's Seeds.trainingSeed, in CandidateFactory)
    TrainingSettings s = new TrainingSettings(t.epochs(), t.batchSize(), t.optimizer(), t.learningRate(), t.patience(),
        config.seed(), Backend.valueOf(t.backend()), t.timeLimitSeconds(), LearningRateSchedule.parse(t.schedule()));
    return new CandidateTraining(s, TrainingSpecs.toSpec(s));
  }
}
