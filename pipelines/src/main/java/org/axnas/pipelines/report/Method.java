package org.axnas.pipelines.report;

import org.axnas.pipelines.config.ConfigException;

/** The three ways of choosing a network that the paper's experiment compares. */
public enum Method {
  /** SMAC search ({@code axnas search}). */
  NAS("nas", "NAS (SMAC)"),
  /** The paper's baseline, fixed topology enumeration ({@code axnas enumerate}). */
  ENUMERATION("enumeration", "enumeration"),
  /** AxBench's hand-designed network, as trained and scored by the enumeration (it is one of its topologies). */
  AXBENCH("axbench", "AxBench network");

  private final String key;
  private final String label;

  Method(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /** The name in JSON rows. */
  public String key() {
    return key;
  }

  /** The name in tables and legends. */
  public String label() {
    return label;
  }

  static Method ofKind(String kind, String file) {
    switch (kind) {
      case "search":
        return NAS;
      case "enumerate":
        return ENUMERATION;
      default:
        throw new ConfigException(file, "kind", "unknown run kind '" + kind + "'; expected search or enumerate");
    }
  }
}
