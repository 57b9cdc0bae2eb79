package org.axnas.evaluation;

import org.axnas.schemas.TrainingSpec;
import org.axnas.trainer.Backend;
import org.axnas.trainer.LearningRateSchedule;
import org.axnas.trainer.TrainingSettings;

/**
 * The trainer's {@link TrainingSettings} is the one training-settings type; the Avro
 * {@link TrainingSpec} is only its wire form inside a {@code Candidate} (and, as text, part of the
 * evaluation cache key). This is the one conversion between them: a new setting is added here
 * and to the schema.
 */
public final class TrainingSpecs {
  private TrainingSpecs() {}

  /** The wire form of the settings (the seed travels in the candidate, not here). */
  public static TrainingSpec toSpec(TrainingSettings s) {
    return TrainingSpec.newBuilder()
        .setEpochs(s.epochs())
        .setBatchSize(s.batchSize())
        .setOptimizer(s.optimizer())
        .setLearningRate(s.learningRate())
        .setPatience(s.patience())
        .setBackend(s.backend().name())
        .setTimeLimitSeconds(s.timeLimitSeconds())
        .setSchedule(s.schedule().notation())
        .build();
  }

  /** The settings a candidate trains with: its spec and its own seed. */
  public static TrainingSettings toSettings(TrainingSpec t, long seed) {
    return new TrainingSettings(t.getEpochs(), t.getBatchSize(), t.getOptimizer(), t.getLearningRate(),
        t.getPatience(), seed, Backend.valueOf(t.getBackend()), t.getTimeLimitSeconds(),
        LearningRateSchedule.parse(t.getSchedule()));
  }
}
