package org.axnas.hwsim;

import java.util.Locale;

/**
 * Classes of micro-operations in a measured x86 instruction mix; the CPU model prices each class
 * by the core's issue cost for it (hwsim/README.md, "CPU baselines"). An instruction with a memory
 * source counts as its operation plus a {@link #LOAD}; one with a memory destination adds a load
 * and a {@link #STORE}; a plain move to or from memory is only the load or the store.
 */
public enum InstructionClass {
  /** Scalar integer ALU, lea, register moves, compares, sign/zero extension, nop. */
  INT,
  /** Integer multiply. */
  IMUL,
  /** A memory read (a load instruction, a memory source operand, a pop or a return). */
  LOAD,
  /** A memory write (a store, a push or a call). */
  STORE,
  /** Conditional and unconditional jumps, calls and returns. */
  BRANCH,
  /** SSE floating-point add, subtract, compare, min and max. */
  FADD,
  /** SSE floating-point multiply. */
  FMUL,
  /** Single-precision divide (divss). */
  FDIV,
  /** Double-precision divide (divsd). */
  FDIVD,
  /** Single-precision square root (sqrtss). */
  FSQRT,
  /** Double-precision square root (sqrtsd). */
  FSQRTD,
  /** Conversions between int, float and double (cvt*). */
  FCONV,
  /** Register moves and bitwise logic in XMM registers (movaps, andps, xorps, movd, ...). */
  FMOVE,
  /** Packed integer add, subtract, logic, shifts and compares. */
  VINT,
  /** Packed integer multiply (pmullw, pmaddwd, ...). */
  VMUL,
  /** Shuffles, unpacks and packs. */
  VSHUF;

  /** The name in hardware YAML and the mix tables: lower case. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
