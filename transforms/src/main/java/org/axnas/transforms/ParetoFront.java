package org.axnas.transforms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.axnas.schemas.ParetoEntry;
import org.axnas.runtime.Pareto;
import org.axnas.runtime.Scored;

/**
 * The non-dominated evaluations on (accuracy, speedup, energy reduction): the offline stage's
 * result. Failed evaluations never enter the front. One global combine: the history of a search
 * is at most thousands of rows.
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
        .apply("OnlySuccessful", Filter.by((Evaluation e) -> "OK".equals(e.getStatus())))
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
      for (ParetoEntry p : entries(list, modelDir)) {
        out.output(p);
      }
    }
  }

  /** The front of a list of evaluations, as entries (plain Java; the driver and tests use it too). */
  public static List<ParetoEntry> entries(List<Evaluation> all, String modelDir) {
    Map<Integer, Evaluation> byTrial = new HashMap<>();
    List<Scored> scored = new ArrayList<>();
    for (Evaluation e : all) {
      if (!"OK".equals(e.getStatus())) {
        continue;
      }
      byTrial.put(e.getTrialId(), e);
      scored.add(new Scored(e.getTrialId(), e.getNetwork(), e.getAccuracy(), e.getSpeedup(), e.getEnergyReduction(), e.getFPerf()));
    }
    List<ParetoEntry> out = new ArrayList<>();
    for (Scored s : Pareto.front(scored)) {
      Evaluation e = byTrial.get(s.trialId());
      String key = e.getModelKey();
      out.add(ParetoEntry.newBuilder()
          .setTrialId(s.trialId())
          .setNetwork(s.network())
          .setAccuracy(s.accuracy())
          .setSpeedup(s.speedup())
          .setEnergyReduction(s.energyReduction())
          .setFPerf(s.fPerf())
          .setModelKey(key)
          .setModelPath(modelDir == null || key == null ? null : modelDir + "/" + key + ".json")
          .build());
    }
    return out;
  }
}
