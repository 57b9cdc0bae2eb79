package org.axnas.kernels;

/** The two error bounds of the paper's Table 2 for one benchmark. */
record ErrorBounds(double group1, double group2) {

  double of(int group) {
    switch (group) {
      case 1:
        return group1;
      case 2:
        return group2;
      default:
        throw new IllegalArgumentException(
            "error-bound group must be 1 or 2 (paper Table 2), got " + group);
    }
  }
}
