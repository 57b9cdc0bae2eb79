package org.axnas.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.SplittableRandom;
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
  void aWideSumOf32BitProductsIsExact() {
    // 129 products of two full 32-bit words overflow a long many times over (each up to 2^62);
    // the 128-bit Sum agrees with BigInteger arithmetic on every narrowing, both roundings
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 200; trial++) {
      long bias = random.nextLong(FixedPoint.min(32), FixedPoint.max(32) + 1);
      int up = random.nextInt(0, 65);
      BigInteger exact = BigInteger.valueOf(bias).shiftLeft(up);
      for (Rounding rounding : Rounding.values()) {
        FixedPoint.Sum sum = new FixedPoint.Sum().start(bias, 10, 10 + up, rounding);
        BigInteger expected = exact;
        SplittableRandom terms = new SplittableRandom(trial);
        for (int i = 0; i < 129; i++) {
          long a = terms.nextLong(FixedPoint.min(32), FixedPoint.max(32) + 1);
          long b = trial % 2 == 0 ? a : terms.nextLong(FixedPoint.min(32), FixedPoint.max(32) + 1);
          sum.addProduct(a, b);
          expected = expected.add(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)));
        }
        int fromFrac = 10 + up;
        for (int toFrac : new int[] {fromFrac + 3, fromFrac, fromFrac - 1, fromFrac - 40, fromFrac - 63, fromFrac - 64,
            fromFrac - 70, fromFrac - 100, fromFrac - 127, fromFrac - 140}) {
          assertEquals(narrowed(expected, fromFrac - toFrac, rounding), sum.narrow(fromFrac, toFrac, 32, rounding),
              "trial " + trial + " " + rounding + " drop " + (fromFrac - toFrac));
        }
      }
    }
    // within a long's range the Sum agrees with the long arithmetic it replaces
    FixedPoint.Sum small = new FixedPoint.Sum().start(-16, 6, 10, Rounding.NEAREST);
    small.addProduct(48, 20);
    small.addProduct(32, -40);
    assertEquals(-4, small.narrow(10, 3, 8, Rounding.NEAREST));
    assertEquals(-128, small.narrow(10, 8, 8, Rounding.NEAREST));
  }

  /** {@code v} moved {@code drop} places down (up when negative), rounded, saturated to 32 bits. */
  private static long narrowed(BigInteger v, int drop, Rounding rounding) {
    BigInteger moved;
    if (drop <= 0) {
      moved = v.shiftLeft(-drop);
    } else {
      BigInteger half = rounding == Rounding.NEAREST ? BigInteger.ONE.shiftLeft(drop - 1) : BigInteger.ZERO;
      moved = v.add(half).shiftRight(drop); // shiftRight floors, as an arithmetic shift
    }
    BigInteger max = BigInteger.valueOf(FixedPoint.max(32));
    BigInteger min = BigInteger.valueOf(FixedPoint.min(32));
    return moved.max(min).min(max).longValueExact();
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
