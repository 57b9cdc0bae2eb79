package org.axnas.core;

/**
 * Classes of dynamic operations counted while a kernel runs; the CPU model prices each class.
 * The split follows what differs in cost on an out-of-order x86 core: adds, multiplies and
 * divides use different units, transcendental functions are library calls of tens of
 * instructions, and memory and control operations are priced apart from arithmetic.
 */
public enum OpClass {
  /** Floating-point add, subtract, compare, min/max, abs, negate. */
  FADD,
  /** Floating-point multiply (a fused multiply-add counts as FADD + FMUL). */
  FMUL,
  /** Floating-point divide. */
  FDIV,
  /** Square root. */
  FSQRT,
  /** exp, log, pow (libm calls). */
  FEXP,
  /** sin, cos, tan, asin, acos, atan, atan2 (libm calls). */
  FTRIG,
  /** Integer arithmetic, logic, shifts, conversions between int and float. */
  INT,
  /** Memory loads. */
  LOAD,
  /** Memory stores. */
  STORE,
  /** Conditional branches (including loop back-edges). */
  BRANCH
}
