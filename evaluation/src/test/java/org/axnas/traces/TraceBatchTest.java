package org.axnas.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.axnas.core.Splits;
import org.axnas.schemas.TraceSample;
import org.junit.jupiter.api.Test;

class TraceBatchTest {

  static List<TraceSample> samples(int n) {
    List<TraceSample> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(new TraceSample("toy", (long) (3 * i + 1), List.of((float) i, -0.0f, Float.MIN_VALUE), List.of(i / 7f)));
    }
    return l;
  }

  @Test
  void holdsTheSamplesInTheOrderAdded() {
    List<TraceSample> in = samples(50);
    List<TraceBatch> batches = TraceBatch.of(in, 16);
    assertEquals(List.of(16, 16, 16, 2), batches.stream().map(TraceBatch::size).toList());
    List<TraceSample> out = new ArrayList<>();
    batches.forEach(b -> out.addAll(b.samples()));
    assertEquals(in, out);
  }

  @Test
  void splitsEachSampleIntoThePartOfItsIndexKeepingOrder() {
    Splits splits = new Splits(0.5, 0.3, 9);
    List<TraceSample> in = samples(400);
    TraceBatch.Parts parts = TraceBatch.of(in, 400).get(0).split(splits);
    for (Splits.Part part : Splits.Part.values()) {
      List<TraceSample> want = in.stream().filter(s -> splits.of(s.getIndex()) == part).toList();
      assertEquals(want, parts.get(part).samples(), part.name());
    }
    assertEquals(List.of(), parts.nonFinite());
  }

  @Test
  void nonFiniteSamplesGoToNoPart() {
    List<TraceSample> in = samples(10);
    in.set(2, new TraceSample("toy", 7L, List.of(Float.NaN, 0f, 0f), List.of(1f)));
    in.set(5, new TraceSample("toy", 16L, List.of(0f, 0f, 0f), List.of(Float.NEGATIVE_INFINITY)));
    TraceBatch.Parts parts = TraceBatch.of(in, 10).get(0).split(new Splits(0.7, 0.15, 1));
    assertEquals(List.of(in.get(2), in.get(5)), parts.nonFinite());
    assertEquals(8, parts.train().size() + parts.validation().size() + parts.test().size());
  }

  @Test
  void aNewBatchStartsWhereTheWidthsChange() {
    List<TraceSample> in = new ArrayList<>(samples(3));
    in.add(new TraceSample("toy", 99L, List.of(1f), List.of(2f)));
    List<TraceBatch> batches = TraceBatch.of(in, 100);
    assertEquals(List.of(3, 1), batches.stream().map(TraceBatch::size).toList());
    assertEquals(1, batches.get(1).inputWidth());
  }

  @Test
  void refusesArraysThatDoNotMatchTheWidths() {
    assertThrows(IllegalArgumentException.class,
        () -> TraceBatch.wrap("toy", 2, 1, new long[] {1, 2}, new float[3], new float[2]));
    assertThrows(IllegalArgumentException.class,
        () -> TraceBatch.builder("toy", 2, 1).add(0, new float[3], new float[1]));
  }
}
