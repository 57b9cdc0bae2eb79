package org.axnas.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.axnas.trainer.TrainingSettings;

/**
 * What made a trained model, written into its JSON as a {@code provenance} block so that a
 * model found anywhere (the cache, {@code selected/model.json}, a program's resources) can be
 * reproduced and compared: the network, the benchmark, the training settings, the training seed,
 * the fingerprint of the data it was trained on and the versions of axnas, Beam and Java that
 * trained it. Readers that do not know the block ignore it (the trainer's reader, PlainEvaluator).
 */
public record ModelProvenance(String network, String benchmark, TrainingSettings training, long seed, String dataFingerprint,
    Map<String, String> versions) {
  /** axnas's version (the command prints it; run manifests and models record it). */
  public static final String AXNAS_VERSION = "0.1.0";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The block as a JSON object. */
  public String toJson() {
    ObjectNode p = JSON.createObjectNode();
    p.put("network", network);
    p.put("benchmark", benchmark);
    try {
      p.set("training", JSON.readTree(TrainingSpecs.toSpec(training).toString())); // every setting, as the wire form has it
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    p.put("seed", seed);
    p.put("dataFingerprint", dataFingerprint);
    versions.forEach((k, v) -> p.put(k + "Version", v));
    return p.toString();
  }

  /** The model JSON with this block appended; the model's own bytes are left as they were. */
  public String attachTo(String modelJson) {
    String m = modelJson.strip();
    if (!m.endsWith("}")) {
      throw new IllegalArgumentException("not a JSON object: a model JSON ends with '}'");
    }
    return m.substring(0, m.length() - 1) + ",\"provenance\":" + toJson() + "}";
  }
}
