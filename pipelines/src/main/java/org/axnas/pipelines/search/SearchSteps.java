package org.axnas.pipelines.search;

import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PDone;
import org.axnas.schemas.Candidate;
import org.axnas.schemas.DeadLetter;
import org.axnas.schemas.Evaluation;
import org.axnas.evaluation.ScoringSpec;
import org.axnas.transforms.EvaluateCandidates;

/**
 * The Beam step of a search round as a self-contained composite (inputs in their configuration, outputs
 * as Avro files under a staging folder), so that one pipeline can hold the steps of many searches.
 */
final class SearchSteps {
  private SearchSteps() {}

  /** A round: train, score and simulate the candidates; evaluations and failures to {@code staging}. */
  static PTransform<PBegin, PDone> evaluate(List<Candidate> candidates, ScoringSpec scoring, Path staging) {
    return new PTransform<>() {
      @Override
      public PDone expand(PBegin begin) {
        PCollectionTuple out = begin
            // one split per candidate, read where it is trained: spreads trainings as slots free up
            .apply("Candidates", Read.from(new CandidateSource(candidates)))
            .apply("EvaluateCandidates", EvaluateCandidates.with(scoring).withoutReshuffle());
        out.get(EvaluateCandidates.EVALUATIONS).apply("WriteEvaluations",
            AvroIO.write(Evaluation.class).to(staging.resolve("evaluations").toString()).withSuffix(".avro").withNumShards(1));
        out.get(EvaluateCandidates.FAILURES).apply("WriteFailures",
            AvroIO.write(DeadLetter.class).to(staging.resolve("failures").toString()).withSuffix(".avro").withNumShards(1));
        return PDone.in(begin.getPipeline());
      }
    };
  }
}
