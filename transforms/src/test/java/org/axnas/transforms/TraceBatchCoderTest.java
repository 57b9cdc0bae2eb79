package org.axnas.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.axnas.traces.TraceBatch;
import org.junit.jupiter.api.Test;

class TraceBatchCoderTest {

  @Test
  void roundTripsBitForBitIncludingNaNPayloadsAndEmptyBatches() throws Exception {
    float oddNaN = Float.intBitsToFloat(0x7fc00123);
    TraceBatch b = TraceBatch.builder("sobel", 2, 1)
        .add(5, new float[] {oddNaN, -0.0f}, new float[] {Float.MAX_VALUE})
        .add(Long.MAX_VALUE, new float[] {Float.MIN_VALUE, 1f}, new float[] {Float.NEGATIVE_INFINITY})
        .build();
    CoderProperties.coderDecodeEncodeEqual(TraceBatchCoder.of(), b);
    CoderProperties.coderDecodeEncodeEqual(TraceBatchCoder.of(), TraceBatch.builder("x", 0, 3).build());
    CoderProperties.coderDeterministic(TraceBatchCoder.of(), b, CoderUtils.clone(TraceBatchCoder.of(), b));
    TraceBatch back = CoderUtils.clone(TraceBatchCoder.of(), b);
    assertEquals(0x7fc00123, Float.floatToRawIntBits(back.input(0, 0)));
    assertEquals(0x80000000, Float.floatToRawIntBits(back.input(0, 1)));
    assertArrayEquals(new long[] {5, Long.MAX_VALUE}, new long[] {back.index(0), back.index(1)});
  }
}
