package org.axnas.pipelines.report;

/**
 * One line of the experiment's table: the network a method gives for one benchmark and
 * error-bound group, chosen in energy mode at the comparison's accuracy threshold (for the AxBench
 * reference: its one hand-designed network).
 *
 * @param validationAccuracy accuracy on the validation split (what the search and the selection saw)
 * @param testAccuracy accuracy on the test split, never seen by the search; null if the model is missing
 * @param speedup against running the original function on the CPU
 * @param energyReduction against running the original function on the CPU
 * @param meetsThreshold whether the validation accuracy reaches the comparison's threshold
 * @param foundAt 1-based position of the chosen network's evaluation in its run history
 * @param evaluations evaluations the method's run spent (0 for the AxBench reference)
 * @param wallSeconds wall time of the run's rounds (0 for the AxBench reference)
 * @param precision the arithmetic the accuracies were scored in (the hardware's npu.precision)
 * @param floatValidationAccuracy validation accuracy in the trainer's float when the hardware computes otherwise, else null
 * @param floatTestAccuracy test accuracy in the trainer's float when the hardware computes otherwise, else null
 */
public record ReportRow(
    String benchmark,
    int group,
    Method method,
    String network,
    double validationAccuracy,
    Double testAccuracy,
    double speedup,
    double energyReduction,
    double fPerf,
    boolean meetsThreshold,
    int foundAt,
    int evaluations,
    long failed,
    int cacheHits,
    double wallSeconds,
    double trainingSeconds,
    String runDir,
    String precision,
    Double floatValidationAccuracy,
    Double floatTestAccuracy) {}
