package org.axnas.pipelines.search;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.axnas.schemas.Candidate;

/**
 * A round's candidates as a bounded source that splits into one candidate per split, whatever
 * size the runner asks for. Read without a shuffle, each split's candidate is trained by the
 * worker that read it: on Flink the read and the training are one chained task, and each task
 * asks the JobManager for its next split only when its training is done, so trainings of uneven
 * length spread over the slots as they free up. (A Reshuffle on Flink's batch runner hashes
 * random keys onto slots: two candidates on two slots land on the same slot half of the time,
 * and train one after the other.) On the DirectRunner every split is a bundle of its own, run in
 * parallel as before.
 */
final class CandidateSource extends BoundedSource<Candidate> {
  private final List<Candidate> candidates;

  CandidateSource(List<Candidate> candidates) {
    this.candidates = List.copyOf(candidates);
  }

  @Override
  public List<CandidateSource> split(long desiredBundleSizeBytes, PipelineOptions options) {
    if (candidates.size() <= 1) {
      return List.of(this);
    }
    List<CandidateSource> one = new ArrayList<>();
    for (Candidate c : candidates) {
      one.add(new CandidateSource(List.of(c)));
    }
    return one;
  }

  @Override
  public long getEstimatedSizeBytes(PipelineOptions options) {
    return 1024L * candidates.size(); // a candidate is a small record; the work it stands for is what counts
  }

  @Override
  public Coder<Candidate> getOutputCoder() {
    return AvroCoder.of(Candidate.class);
  }

  @Override
  public BoundedReader<Candidate> createReader(PipelineOptions options) {
    return new BoundedReader<>() {
      private int next = -1;

      @Override
      public boolean start() {
        return advance();
      }

      @Override
      public boolean advance() {
        next++;
        return next < candidates.size();
      }

      @Override
      public Candidate getCurrent() {
        if (next < 0 || next >= candidates.size()) {
          throw new NoSuchElementException();
        }
        return candidates.get(next);
      }

      @Override
      public void close() {}

      @Override
      public BoundedSource<Candidate> getCurrentSource() {
        return CandidateSource.this;
      }
    };
  }
}
