package org.axnas.pipelines.run;

import org.apache.beam.sdk.util.ReleaseInfo;
import org.axnas.evaluation.ModelProvenance;

/** What made a result: axnas's version, Beam's (as Beam itself reports it) and Java's. */
public final class Versions {
  public static final String AXNAS = ModelProvenance.AXNAS_VERSION;

  private Versions() {}

  /** Beam's version from its own {@link ReleaseInfo}, not from our pom. */
  public static String beam() {
    return ReleaseInfo.getReleaseInfo().getVersion();
  }

  public static String java() {
    return System.getProperty("java.version");
  }
}
