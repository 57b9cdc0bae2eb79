package org.axnas.kernels;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.axnas.core.OpCounter;

/**
 * PARSEC/AxBench blackscholes: the price of a European option without dividends, from (S/120,
 * K/120, r, v, t, otype), otype 1 for a put and 0 for a call. Because S and K are divided by 120
 * (AxBench's {@code DIVIDE}) the output is the option's price divided by 120.
 *
 * <p>Arithmetic follows AxBench's {@code BlkSchlsEqEuroNoDiv} and {@code CNDF} with {@code fptype
 * float}: float variables, double where the C source mixes in double literals, the
 * Abramowitz-Stegun polynomial for the normal distribution, and libm's float overloads (the file
 * is compiled as C++ with {@code <math.h>}) emulated by computing in double and rounding to float.
 *
 * <p>Operation counts (see {@link OpBlock}) mirror the C source statement by statement: each
 * arithmetic operator, negation, comparison; {@code exp}/{@code log} as one FEXP and {@code sqrt}
 * as one FSQRT each; the two "greater than one" sanity checks; loads of the six inputs from
 * AxBench's arrays and stores of the price and of N1/N2. The sign branches of CNDF add their
 * extra negations only when taken, and the call/put branch its own arithmetic.
 */
final class Blackscholes extends AxbenchBenchmark {
  /** AxBench's {@code DIVIDE}: S and K are scaled by it before the call. */
  static final double DIVIDE = 120.0;

  private static final double INV_SQRT_2PI = 0.39894228040143270286;

  /** Price function body without CNDF (including the caller's loads and stores). */
  private static final OpBlock PRICE =
      OpBlock.EMPTY.fadd(6).fmul(6).fdiv(2).fsqrt(1).fexp(2).integer(1).branch(3).load(6).store(3);
  private static final OpBlock CALL = OpBlock.EMPTY.fadd(1).fmul(2);
  private static final OpBlock PUT = OpBlock.EMPTY.fadd(3).fmul(2);
  private static final OpBlock CNDF = OpBlock.EMPTY.fadd(7).fmul(14).fdiv(1).fexp(1).branch(2);
  /** The negation on entry and the {@code 1 - N} on exit of a negative argument. */
  private static final OpBlock CNDF_NEGATIVE = OpBlock.EMPTY.fadd(2);

  Blackscholes() {
    super("blackscholes", new RelativeError(), new ErrorBounds(0.01, 0.015),
        "6-8:sigmoid-8:sigmoid-1");
  }

  @Override
  public void compute(float[] input, float[] output, OpCounter ops) {
    output[0] = price(input[0], input[1], input[2], input[3], input[4], (int) input[5], ops);
    ops.invocation();
  }

  /** AxBench's {@code BlkSchlsEqEuroNoDiv}; otype 0 is a call, anything else a put. */
  static float price(float spot, float strike, float rate, float volatility, float time, int otype,
      OpCounter ops) {
    PRICE.addTo(ops);
    float sqrtTime = (float) Math.sqrt(time);
    float logTerm = (float) Math.log(spot / strike);
    float powerTerm = volatility * volatility;
    powerTerm = (float) (powerTerm * 0.5);
    float d1 = rate + powerTerm;
    d1 = d1 * time;
    d1 = d1 + logTerm;
    float den = volatility * sqrtTime;
    d1 = d1 / den;
    float d2 = d1 - den;
    float nd1 = cndf(d1, ops);
    float nd2 = cndf(d2, ops);
    float futureValue = strike * (float) Math.exp(-rate * time);
    if (otype == 0) {
      CALL.addTo(ops);
      return (spot * nd1) - (futureValue * nd2);
    }
    PUT.addTo(ops);
    float negNd1 = (float) (1.0 - nd1);
    float negNd2 = (float) (1.0 - nd2);
    return (futureValue * negNd2) - (spot * negNd1);
  }

  /** AxBench's {@code CNDF}: Hull's polynomial approximation of the normal distribution. */
  static float cndf(float x, OpCounter ops) {
    CNDF.addTo(ops);
    boolean negative = x < 0.0f;
    if (negative) {
      CNDF_NEGATIVE.addTo(ops);
      x = -x;
    }
    float nPrime = (float) Math.exp(-0.5f * x * x);
    nPrime = (float) (nPrime * INV_SQRT_2PI);
    float k = (float) (0.2316419 * x);
    k = (float) (1.0 + k);
    k = (float) (1.0 / k);
    float k2 = k * k;
    float k3 = k2 * k;
    float k4 = k3 * k;
    float k5 = k4 * k;
    float local1 = (float) (k * 0.319381530);
    float local2 = (float) (k2 * (-0.356563782));
    float local3 = (float) (k3 * 1.781477937);
    local2 = local2 + local3;
    local3 = (float) (k4 * (-1.821255978));
    local2 = local2 + local3;
    local3 = (float) (k5 * 1.330274429);
    local2 = local2 + local3;
    local1 = local2 + local1;
    float n = local1 * nPrime;
    n = (float) (1.0 - n);
    return negative ? (float) (1.0 - n) : n;
  }

  /**
   * Options drawn uniformly over the ranges of the PARSEC option set (SOURCES.md): S in [42, 100],
   * K in [40, 110], r in [0.0275, 0.10], v in [0.05, 0.65], t in [0.05, 1.00], calls and puts
   * equally likely. K is redrawn until K/S lies in [0.825, 1.215], the moneyness span of the
   * PARSEC options (41.25/50 to 60.75/50): independent draws would otherwise make options like
   * K/S = 2.6 that PARSEC never prices. S and K are then scaled as AxBench does.
   */
  @Override
  public InputSource generator(long seed) {
    return new GeneratedInputs(name(), seed, Blackscholes::sampleOption);
  }

  private static void sampleOption(SplittableRandom rnd, float[] dst) {
    float spot = (float) uniform(rnd, 42, 100);
    float strike;
    do {
      strike = (float) uniform(rnd, 40, 110);
    } while (strike < 0.825f * spot || strike > 1.215f * spot);
    dst[0] = (float) (spot / DIVIDE);
    dst[1] = (float) (strike / DIVIDE);
    dst[2] = (float) uniform(rnd, 0.0275, 0.10);
    dst[3] = (float) uniform(rnd, 0.05, 0.65);
    dst[4] = (float) uniform(rnd, 0.05, 1.00);
    dst[5] = rnd.nextBoolean() ? 1f : 0f;
  }

  private static double uniform(SplittableRandom rnd, double lo, double hi) {
    return lo + (hi - lo) * rnd.nextDouble();
  }

  @Override
  public InputSource reader(Path file) throws IOException {
    return OptionFile.read(file);
  }
}
