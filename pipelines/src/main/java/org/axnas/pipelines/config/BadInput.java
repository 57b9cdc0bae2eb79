package org.axnas.pipelines.config;

/** Marks an exception as the user's input being wrong (exit code 2). */
public interface BadInput {
  /** Bad user input: validation failures surface as IllegalArgumentException (config, file, flag). */
  static boolean is(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof BadInput || t instanceof IllegalArgumentException) {
        return true;
      }
    }
    return false;
  }
}
