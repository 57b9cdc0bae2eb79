package org.axnas.smac;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A search space of integer, real and categorical hyperparameters, some active only under
 * conditions on others (a parent is always declared before its children, so the order of
 * declaration resolves activity in one pass). Immutable.
 *
 * <p>Inside, a configuration is handled as an array over all hyperparameters with {@code null}
 * for inactive ones; the public face is {@link Configuration}.
 */
public final class ConfigurationSpace {
  /** The feature an inactive hyperparameter gets: outside every active encoding (>= 0). */
  public static final double INACTIVE = -1.0;

  /** Largest space {@link #enumerate} walks through. */
  public static final double ENUMERATION_LIMIT = 5_000_000;

  private final List<Hyperparameter> parameters;
  private final List<Condition> conditions;
  private final Map<String, Integer> index;
  private final int[][] conditionParents;
  private final Condition[][] conditionsOf;
  private final boolean[] isParent;
  private final String[] names;

  private ConfigurationSpace(List<Hyperparameter> parameters, List<Condition> conditions) {
    this.parameters = List.copyOf(parameters);
    this.conditions = List.copyOf(conditions);
    int d = parameters.size();
    this.index = new HashMap<>();
    this.names = new String[d];
    for (int i = 0; i < d; i++) {
      names[i] = parameters.get(i).name();
      index.put(names[i], i);
    }
    List<List<Condition>> byChild = new ArrayList<>();
    for (int i = 0; i < d; i++) {
      byChild.add(new ArrayList<>());
    }
    isParent = new boolean[d];
    for (Condition c : conditions) {
      byChild.get(index.get(c.child())).add(c);
      isParent[index.get(c.parent())] = true;
    }
    conditionsOf = new Condition[d][];
    conditionParents = new int[d][];
    for (int i = 0; i < d; i++) {
      conditionsOf[i] = byChild.get(i).toArray(new Condition[0]);
      conditionParents[i] = new int[conditionsOf[i].length];
      for (int k = 0; k < conditionsOf[i].length; k++) {
        conditionParents[i][k] = index.get(conditionsOf[i][k].parent());
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Hyperparameters in declaration order (the order of encodings and of JSON keys). */
  public List<Hyperparameter> parameters() {
    return parameters;
  }

  public List<Condition> conditions() {
    return conditions;
  }

  public int dimensions() {
    return parameters.size();
  }

  public Hyperparameter parameter(String name) {
    Integer i = index.get(name);
    if (i == null) {
      throw new IllegalArgumentException("no hyperparameter '" + name + "' in the space; have " + index.keySet());
    }
    return parameters.get(i);
  }

  public boolean contains(String name) {
    return index.containsKey(name);
  }

  // ---------------------------------------------------------------- making configurations

  /**
   * The configuration with these values. Every active hyperparameter must have a value and no
   * inactive one may have one.
   *
   * @throws IllegalArgumentException naming the offending hyperparameter
   */
  public Configuration configuration(Map<String, ?> values) {
    for (String name : values.keySet()) {
      if (!index.containsKey(name)) {
        throw new IllegalArgumentException("unknown hyperparameter '" + name + "'; the space has " + List.of(names));
      }
    }
    Object[] full = new Object[names.length];
    for (int i = 0; i < names.length; i++) {
      boolean active = isActive(i, full);
      Object v = values.get(names[i]);
      if (active && v == null) {
        throw new IllegalArgumentException("active hyperparameter '" + names[i] + "' has no value in " + values);
      }
      if (!active && v != null) {
        throw new IllegalArgumentException("hyperparameter '" + names[i] + "' is inactive here but has value "
            + v + " in " + values);
      }
      full[i] = active ? parameters.get(i).canonical(v) : null;
    }
    return fromFull(full);
  }

  /** Parses {@link Configuration#toJson()} output; the round trip gives an equal configuration. */
  public Configuration fromJson(String json) {
    return configuration(Json.parseFlatObject(json));
  }

  /** Every active hyperparameter at its default. */
  public Configuration defaultConfiguration() {
    Object[] full = new Object[names.length];
    for (int i = 0; i < names.length; i++) {
      full[i] = isActive(i, full) ? parameters.get(i).defaultValue() : null;
    }
    return fromFull(full);
  }

  /** A random configuration: each active hyperparameter drawn from its own law. */
  public Configuration sample(SplittableRandom random) {
    return fromFull(sampleFull(random));
  }

  Object[] sampleFull(SplittableRandom random) {
    Object[] full = new Object[names.length];
    for (int i = 0; i < names.length; i++) {
      full[i] = isActive(i, full) ? parameters.get(i).sample(random) : null;
    }
    return full;
  }

  /**
   * The configuration at a point of the unit cube (one coordinate per hyperparameter, in order);
   * coordinates of inactive hyperparameters are ignored. Space-filling designs go through here.
   */
  public Configuration fromUnit(double[] point) {
    if (point.length != names.length) {
      throw new IllegalArgumentException("unit point has " + point.length + " coordinates, the space " + names.length);
    }
    Object[] full = new Object[names.length];
    for (int i = 0; i < names.length; i++) {
      full[i] = isActive(i, full) ? parameters.get(i).fromUnit(point[i]) : null;
    }
    return fromFull(full);
  }

  // ---------------------------------------------------------------- encoding

  /**
   * The feature vector the surrogate sees: {@link Hyperparameter#encode} of each active value
   * and {@link #INACTIVE} for inactive hyperparameters.
   */
  public double[] encode(Configuration c) {
    double[] x = new double[names.length];
    java.util.Arrays.fill(x, INACTIVE);
    for (int k = 0; k < c.size(); k++) {
      Integer i = index.get(c.nameAt(k));
      if (i == null) {
        throw new IllegalArgumentException("configuration " + c + " is not from this space");
      }
      x[i] = parameters.get(i).encode(c.valueAt(k));
    }
    return x;
  }

  /** Per encoded column: the number of choices of a categorical hyperparameter, 0 for a numeric one. */
  public int[] categories() {
    int[] out = new int[names.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = parameters.get(i) instanceof CategoricalHyperparameter c ? c.choices().size() : 0;
    }
    return out;
  }

  double[] encodeFull(Object[] full) {
    double[] x = new double[names.length];
    for (int i = 0; i < names.length; i++) {
      x[i] = full[i] == null ? INACTIVE : parameters.get(i).encode(full[i]);
    }
    return x;
  }

  // ---------------------------------------------------------------- neighbourhood

  /**
   * The one-exchange neighbourhood: every configuration that changes one active value (see
   * {@link Hyperparameter#neighbours}). When the changed hyperparameter is a parent, children
   * that become active get a random value and children that become inactive are dropped (so
   * adding a hidden layer draws its width and activation).
   */
  public List<Configuration> neighbours(Configuration c, SplittableRandom random) {
    Object[] full = toFull(c);
    List<Configuration> out = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      if (full[i] == null) {
        continue;
      }
      for (Object v : parameters.get(i).neighbours(full[i], random)) {
        Object[] n = full.clone();
        n[i] = v;
        if (isParent[i]) {
          for (int j = i + 1; j < names.length; j++) {
            if (!isActive(j, n)) {
              n[j] = null;
            } else if (n[j] == null) {
              n[j] = parameters.get(j).sample(random);
            }
          }
        }
        out.add(fromFull(n));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- size and enumeration

  /**
   * Number of distinct configurations; {@link Double#POSITIVE_INFINITY} when an active real
   * hyperparameter exists. Branches only on parents, so conditional spaces count fast.
   */
  public double cardinality() {
    return count(0, new Object[names.length]);
  }

  private double count(int i, Object[] full) {
    if (i == names.length) {
      return 1;
    }
    if (!isActive(i, full)) {
      return count(i + 1, full);
    }
    Hyperparameter p = parameters.get(i);
    if (!isParent[i]) {
      return p.cardinality() * count(i + 1, full);
    }
    if (Double.isInfinite(p.cardinality())) {
      return Double.POSITIVE_INFINITY;
    }
    double total = 0;
    for (Object v : p.values()) {
      full[i] = v;
      total += count(i + 1, full);
    }
    full[i] = null;
    return total;
  }

  /**
   * Every configuration, in lexicographic order of the values in declaration order.
   *
   * @throws IllegalStateException when the space is infinite or larger than {@link #ENUMERATION_LIMIT}
   */
  public List<Configuration> enumerate() {
    List<Configuration> all = new ArrayList<>();
    forEach(all::add);
    return all;
  }

  /** Visits every configuration without keeping them (same order and limit as {@link #enumerate}). */
  public void forEach(Consumer<Configuration> visitor) {
    double n = cardinality();
    if (n > ENUMERATION_LIMIT) {
      throw new IllegalStateException("space of " + n + " configurations is too large to enumerate");
    }
    walk(0, new Object[names.length], visitor);
  }

  private void walk(int i, Object[] full, Consumer<Configuration> visitor) {
    if (i == names.length) {
      visitor.accept(fromFull(full));
      return;
    }
    if (!isActive(i, full)) {
      full[i] = null;
      walk(i + 1, full, visitor);
      return;
    }
    for (Object v : parameters.get(i).values()) {
      full[i] = v;
      walk(i + 1, full, visitor);
    }
    full[i] = null;
  }

  // ---------------------------------------------------------------- description

  /** One line per hyperparameter and condition; equal spaces describe equally (resume checks). */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (Hyperparameter p : parameters) {
      sb.append(p.describe()).append('\n');
    }
    for (Condition c : conditions) {
      sb.append(c.describe()).append('\n');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return describe();
  }

  // ---------------------------------------------------------------- internals

  boolean isActive(int i, Object[] full) {
    Condition[] cs = conditionsOf[i];
    for (int k = 0; k < cs.length; k++) {
      if (!cs[k].holdsFor(full[conditionParents[i][k]])) {
        return false;
      }
    }
    return true;
  }

  Object[] toFull(Configuration c) {
    Object[] full = new Object[names.length];
    for (int k = 0; k < c.size(); k++) {
      Integer i = index.get(c.nameAt(k));
      if (i == null) {
        throw new IllegalArgumentException("configuration " + c + " is not from this space");
      }
      full[i] = c.valueAt(k);
    }
    return full;
  }

  Configuration fromFull(Object[] full) {
    int n = 0;
    for (Object v : full) {
      if (v != null) {
        n++;
      }
    }
    String[] ns = new String[n];
    Object[] vs = new Object[n];
    int k = 0;
    for (int i = 0; i < full.length; i++) {
      if (full[i] != null) {
        ns[k] = names[i];
        vs[k++] = full[i];
      }
    }
    return new Configuration(ns, vs);
  }

  static void checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a hyperparameter needs a non-blank name");
    }
  }

  /** Collects hyperparameters and conditions; a condition's parent must be added before its child. */
  public static final class Builder {
    private final List<Hyperparameter> parameters = new ArrayList<>();
    private final List<Condition> conditions = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    private Builder() {}

    public Builder add(Hyperparameter p) {
      if (index.containsKey(p.name())) {
        throw new IllegalArgumentException("hyperparameter '" + p.name() + "' added twice");
      }
      index.put(p.name(), parameters.size());
      parameters.add(p);
      return this;
    }

    public Builder add(Condition c) {
      Integer child = index.get(c.child());
      Integer parent = index.get(c.parent());
      if (child == null || parent == null) {
        throw new IllegalArgumentException("condition " + c.describe() + " names an unknown hyperparameter");
      }
      if (parent > child) {
        throw new IllegalArgumentException("condition " + c.describe()
            + ": declare the parent '" + c.parent() + "' before its child '" + c.child() + "'");
      }
      Hyperparameter p = parameters.get(parent);
      Set<Object> values = new LinkedHashSet<>();
      for (Object v : c.parentValues()) {
        values.add(p.canonical(v));
      }
      conditions.add(new Condition(c.child(), c.parent(), values));
      return this;
    }

    public ConfigurationSpace build() {
      return new ConfigurationSpace(parameters, Collections.unmodifiableList(conditions));
    }
  }
}
