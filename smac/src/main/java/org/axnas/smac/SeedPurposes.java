package org.axnas.smac;

/**
 * The optimiser's seed purposes: every random choice comes from a generator seeded by (run seed,
 * purpose, index) with {@link org.axnas.core.Seeds#derive}, never from a long-lived generator, so
 * a search rebuilt from its run history draws exactly what the uninterrupted search would have.
 * Each purpose gets its own stream so adding draws to one never shifts another.
 */
final class SeedPurposes {
  static final long TRIAL = 0x7472_6961_6cL;
  static final long INITIAL_DESIGN = 0x6465_7369_676eL;
  static final long INTERLEAVE = 0x696e_7465_726cL;
  static final long PROPOSAL = 0x7072_6f70_6f73L;
  static final long SURROGATE = 0x6d6f_6465_6cL;
  static final long CHALLENGERS = 0x6368_616c_6cL;
  static final long PAREGO_WEIGHTS = 0x7061_7265_676fL;

  private SeedPurposes() {}
}
