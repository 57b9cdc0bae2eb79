package org.axnas.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Fixed-point words, rounding, saturation and a multiply-accumulate, against values computed by hand. */
class FixedPointTest {
  @Test
  void quantisingRoundsAsAskedAndSaturates() {
    // 0.3 * 2^4 = 4.8
    assertEquals(5, FixedPoint.quantise(0.3, 4, 8, Rounding.NEAREST));
    assertEquals(4, FixedPoint.quantise(0.3, 4, 8, Rounding.TRUNCATE));
    // -0.3 * 2^4 = -4.8: nearest -5, truncation toward -infinity -5
    assertEquals(-5, FixedPoint.quantise(-0.3, 4, 8, Rounding.NEAREST));
    assertEquals(-5, FixedPoint.quantise(-0.3, 4, 8, Rounding.TRUNCATE));
    // -0.28125 * 2^4 = -4.5: a tie goes toward +infinity
    assertEquals(-4, FixedPoint.quantise(-0.28125, 4, 8, Rounding.NEAREST));
    assertEquals(-5, FixedPoint.quantise(-0.28125, 4, 8, Rounding.TRUNCATE));
    // 3.0 * 2^6 = 192 > 127: saturates; -192 < -128
    assertEquals(127, FixedPoint.quantise(3.0, 6, 8, Rounding.NEAREST));
    assertEquals(-128, FixedPoint.quantise(-3.0, 6, 8, Rounding.NEAREST));
    assertEquals(32767, FixedPoint.quantise(1e30, 0, 16, Rounding.TRUNCATE));
    assertEquals(0, FixedPoint.quantise(Double.NaN, 4, 8, Rounding.NEAREST));
    assertEquals(0.3125, FixedPoint.value(5, 4));
  }

  @Test
  void aMultiplyAccumulateMatchesTheHandComputedSum() {
    // 8-bit words: weights 0.75, 0.5 and bias -0.25 at 6 fraction bits; inputs 1.25, -2.5 at 4
    long w0 = FixedPoint.quantise(0.75, 6, 8, Rounding.NEAREST);
    long w1 = FixedPoint.quantise(0.5, 6, 8, Rounding.NEAREST);
    long b = FixedPoint.quantise(-0.25, 6, 8, Rounding.NEAREST);
    long x0 = FixedPoint.quantise(1.25, 4, 8, Rounding.NEAREST);
    long x1 = FixedPoint.quantise(-2.5, 4, 8, Rounding.NEAREST);
    assertEquals(48, w0);
    assertEquals(32, w1);
    assertEquals(-16, b);
    assertEquals(20, x0);
    assertEquals(-40, x1);
    // products at 6 + 4 = 10 fraction bits: -16 << 4 + 48 * 20 + 32 * -40 = -256 + 960 - 1280
    long acc = FixedPoint.align(b, 6, 10, Rounding.NEAREST) + w0 * x0 + w1 * x1;
    assertEquals(-576, acc);
    assertEquals(-0.5625, FixedPoint.value(acc, 10)); // -0.25 + 0.9375 - 1.25
    // written back at 3 fraction bits: -576 / 2^7 = -4.5
    assertEquals(-4, FixedPoint.narrow(acc, 10, 3, 8, Rounding.NEAREST));
    assertEquals(-5, FixedPoint.narrow(acc, 10, 3, 8, Rounding.TRUNCATE));
    // at 8 fraction bits -576 / 4 = -144 < -128: saturates
    assertEquals(-128, FixedPoint.narrow(acc, 10, 8, 8, Rounding.NEAREST));
    assertEquals(127, FixedPoint.narrow(1000, 0, 0, 8, Rounding.NEAREST));
  }

  @Test
  void theBinaryPointLeavesRoomForTheRange() {
    assertEquals(7, FixedPoint.fractionBits(0.75, 8)); // 0.75 * 128 = 96
    assertEquals(14, FixedPoint.fractionBits(1.0, 16)); // 1.0 needs one integer bit
    assertEquals(4, FixedPoint.fractionBits(5, 8)); // 5 * 16 = 80
    assertEquals(9, FixedPoint.fractionBits(0.2, 8)); // 0.2 * 512 = 102.4: more fraction bits than the word
    assertEquals(7, FixedPoint.fractionBits(0, 8));
    assertEquals(-8, FixedPoint.fractionBits(1e30, 8)); // kept within [-bits, 2 bits]
    assertEquals(16, FixedPoint.fractionBits(1e-30, 8));
  }
}
