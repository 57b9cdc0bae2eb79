package org.axnas.transforms;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.beam.sdk.values.PCollection;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.EvaluationStatus;
import org.axnas.schemas.ParetoEntry;
import org.axnas.evaluation.ParetoSet;

/**
 * The non-dominated evaluations on (accuracy, speedup, energy reduction) as a Beam stage, for a
 * pipeline that has its evaluations in a {@code PCollection}; failed evaluations never enter the
 * front. One global combine over {@link ParetoSet#of}, the one computation of the set (the round
 * driver, whose history is in memory, calls that directly).
 */
public final class ParetoFront extends PTransform<PCollection<Evaluation>, PCollection<ParetoEntry>> {
  private final String modelDir;

  private ParetoFront(String modelDir) {
    this.modelDir = modelDir;
  }

  public static ParetoFront create() {
    return new ParetoFront(null);
  }

  /** Names each entry's model file in this folder (the evaluation cache). */
  public ParetoFront withModelDir(String dir) {
    return new ParetoFront(dir);
  }

  @Override
  public PCollection<ParetoEntry> expand(PCollection<Evaluation> evaluations) {
    return evaluations
        .apply("OnlySuccessful", Filter.by((Evaluation e) -> e.getStatus() == EvaluationStatus.OK))
        .apply("OneKey", WithKeys.<String, Evaluation>of("all").withKeyType(TypeDescriptors.strings()))
        .apply("All", GroupByKey.create())
        .apply("NonDominated", ParDo.of(new FrontFn(modelDir)))
        .setCoder(AvroCoder.of(ParetoEntry.class));
  }

  static final class FrontFn extends DoFn<KV<String, Iterable<Evaluation>>, ParetoEntry> {
    private final String modelDir;

    FrontFn(String modelDir) {
      this.modelDir = modelDir;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<Evaluation>> all, OutputReceiver<ParetoEntry> out) {
      List<Evaluation> list = new ArrayList<>();
      all.getValue().forEach(list::add);
      for (ParetoEntry p : ParetoSet.of(list, modelDir)) {
        out.output(p);
      }
    }
  }
}
