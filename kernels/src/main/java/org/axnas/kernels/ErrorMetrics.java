package org.axnas.kernels;

import java.util.Locale;

/** Error metrics by name, for a user's own function: relative, absolute or classification. */
public final class ErrorMetrics {
  private ErrorMetrics() {}

  public static ErrorMetric byName(String name) {
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "relative":
        return new RelativeError();
      case "absolute":
        return new MeanAbsoluteDifference("output diff");
      case "classification":
        return new ClassificationError();
      default:
        throw new IllegalArgumentException("unknown error metric '" + name + "'; allowed: relative, absolute, classification");
    }
  }
}
