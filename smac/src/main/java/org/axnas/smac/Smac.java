package org.axnas.smac;

import org.axnas.core.Seeds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.axnas.smac.SurrogateModel.Surrogate;

/**
 * SMAC (Hutter et al., LION 2011) as an ask/tell optimiser, assembled like SMAC3's
 * hyperparameter-optimisation facade. It <b>minimises</b> cost; the pipeline tells
 * {@code cost = -f_perf}.
 *
 * <p>Each {@link #ask} proposal is, by trial id: a configuration of the initial design while
 * the design lasts; else, with the random design's probability, a uniformly random unseen
 * configuration; else the maximiser's best unseen configuration under the acquisition function of
 * a forest trained on every finished trial, with every pending trial (earlier batches and earlier
 * picks of this batch) entered as a lie.
 *
 * <p>Determinism: every random choice for trial {@code id} is drawn from generators seeded by
 * (seed, purpose, id), and the model is trained on the finished trials in id order. So the same
 * seed and the same run history give the same proposals: replaying a history through ask and tell
 * (with the same batch sizes) continues a search exactly as the uninterrupted one would. Not
 * thread-safe.
 */
public final class Smac {
  private final Builder settings;
  private final ConfigurationSpace space;
  private final List<Configuration> initialDesign;
  private final List<Observation> warmStart;
  private final double cardinality;
  private final RunHistory history = new RunHistory();
  private final TreeMap<Integer, Trial> pending = new TreeMap<>();
  private final Set<Configuration> taken = new HashSet<>();
  /** Multi-fidelity results by budget, then trial id; empty in a single-fidelity search. */
  private final TreeMap<Double, TreeMap<Integer, HistoryEntry>> byBudget = new TreeMap<>();
  private int nextId;

  private Smac(Builder b) {
    this.settings = b.copy();
    this.space = b.space;
    this.cardinality = space.cardinality();
    this.warmStart = b.warmStart;
    for (Observation o : warmStart) {
      taken.add(o.config());
    }
    this.initialDesign = List.copyOf(makeInitialDesign(b));
  }

  public static Builder builder(ConfigurationSpace space) {
    return new Builder(space);
  }

  /**
   * An optimiser with {@code settings} that has seen {@code entries} (finished, or pending when
   * the result is null): the next {@link #ask} returns what the original optimiser would have.
   *
   * Package-private: the tests and {@code AskBenchmark} build optimisers in a known state with it;
   * a search resumes by replaying its history through {@link #ask} and {@link #tell} (the pipeline's
   * driver does so for every proposal source, SMAC or not).
   *
   * @throws IllegalArgumentException when an entry does not fit the space or ids repeat
   */
  static Smac restore(Builder settings, Collection<HistoryEntry> entries) {
    Smac smac = settings.build();
    List<HistoryEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingInt(e -> e.trial().id()));
    int next = 0;
    for (HistoryEntry e : sorted) {
      Trial t = e.trial();
      if (t.id() < next) {
        throw new IllegalArgumentException("trial id " + t.id() + " appears twice in the history");
      }
      Configuration c = smac.space.configuration(t.config().values());
      if (!c.equals(t.config())) {
        throw new IllegalArgumentException("trial " + t.id() + ": " + t.config() + " is not a configuration of the space");
      }
      if (!smac.taken.add(c)) {
        throw new IllegalArgumentException("trial " + t.id() + ": configuration " + c + " appears twice in the history");
      }
      if (e.isPending()) {
        smac.pending.put(t.id(), t);
      } else {
        smac.history.add(e);
      }
      next = t.id() + 1;
    }
    smac.nextId = next;
    return smac;
  }

  // ------------------------------------------------------------------ ask / tell

  /**
   * Up to {@code k} new trials: distinct configurations never evaluated nor pending. Fewer when
   * the budget or the space runs out (then possibly none).
   */
  public List<Trial> ask(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("ask for at least one trial, got " + k);
    }
    long room = Math.max(0, (long) settings.budget - nextId);
    int n = (int) Math.min(k, room);
    List<Trial> out = new ArrayList<>(n);
    BelievedModel model = null;
    // results told do not change during an ask: what the model would learn from is counted once
    int modelData = modelEntries().size() + warmStart.size();
    for (int j = 0; j < n; j++) {
      int id = nextId;
      Configuration c = fromInitialDesign(id);
      if (c == null) {
        if (settings.randomDesign.isRandom(id, settings.seed) || modelData < 2) {
          c = randomUnseen(Seeds.random(settings.seed, SeedPurposes.PROPOSAL, id));
        } else {
          if (model == null) {
            model = trainModel(id);
          }
          c = model.propose(id);
        }
      }
      if (c == null) {
        break; // the space is exhausted
      }
      Trial trial = new Trial(id, c, Seeds.derive(settings.seed, SeedPurposes.TRIAL, id));
      pending.put(id, trial);
      taken.add(c);
      nextId++;
      out.add(trial);
      if (model != null) {
        model.believe(c);
      }
      if (settings.parEgo != null) {
        model = null; // ParEGO: the next pick looks in a direction of its own, on a forest that believes this one
      }
    }
    return out;
  }

  /**
   * Records the result of a pending trial. A non-OK result is kept with its status; the model
   * sees the worst OK cost for it and its configuration is never proposed again.
   *
   * @throws IllegalStateException when the trial is not pending
   */
  public void tell(Trial trial, TrialResult result) {
    Trial asked = pending.get(trial.id());
    if (asked == null || !asked.equals(trial)) {
      throw new IllegalStateException("trial " + trial.id() + " is not pending (asked and not yet told): " + trial);
    }
    if (result == null) {
      throw new IllegalArgumentException("tell needs a result for trial " + trial.id());
    }
    pending.remove(trial.id());
    history.add(new HistoryEntry(trial, result));
  }

  /**
   * Records the result of a pending trial evaluated at {@code budget} (multi-fidelity: the rung it
   * entered at). From then on the model is trained on the results of one budget only (see
   * {@link #modelEntries}).
   */
  public void tell(Trial trial, TrialResult result, double budget) {
    tell(trial, result);
    atBudget(trial, budget).put(trial.id(), new HistoryEntry(trial, result));
  }

  /**
   * Records a further result of a trial already told, at a higher {@code budget} (multi-fidelity:
   * the trial was promoted to the next rung). The run history keeps the first result; the model
   * uses the results of the budget it is trained on.
   *
   * @throws IllegalStateException when the trial was not told before, or was told at this budget
   */
  public void observe(Trial trial, TrialResult result, double budget) {
    if (!history.get(trial.config()).map(e -> e.trial().equals(trial)).orElse(false)) {
      throw new IllegalStateException("trial " + trial.id() + " has no earlier result to add a budget to: " + trial);
    }
    if (result == null) {
      throw new IllegalArgumentException("observe needs a result for trial " + trial.id());
    }
    TreeMap<Integer, HistoryEntry> at = atBudget(trial, budget);
    if (at.containsKey(trial.id())) {
      throw new IllegalStateException("trial " + trial.id() + " already has a result at budget " + budget);
    }
    at.put(trial.id(), new HistoryEntry(trial, result));
  }

  private TreeMap<Integer, HistoryEntry> atBudget(Trial trial, double budget) {
    if (!(budget > 0) || Double.isInfinite(budget)) {
      throw new IllegalArgumentException("trial " + trial.id() + ": a budget must be positive and finite, got " + budget);
    }
    return byBudget.computeIfAbsent(budget, b -> new TreeMap<>());
  }

  /**
   * The results the model is trained on, by trial id: every result in a single-fidelity search;
   * with budgets, those of the highest budget that has at least {@code dimensions + 1} of them
   * (BOHB's N_min, Falkner et al., ICML 2018; SMAC3's config selector also takes the highest
   * budget with enough trials), else those of the budget with the most.
   */
  List<HistoryEntry> modelEntries() {
    var chosen = chosenBudget();
    return chosen == null ? history.entriesById() : List.copyOf(chosen.getValue().values());
  }

  /** The budget the next model is trained on (NaN in a single-fidelity search). */
  public double modelBudget() {
    var chosen = chosenBudget();
    return chosen == null ? Double.NaN : chosen.getKey();
  }

  private java.util.Map.Entry<Double, TreeMap<Integer, HistoryEntry>> chosenBudget() {
    if (byBudget.isEmpty()) {
      return null;
    }
    int needed = space.dimensions() + 1;
    java.util.Map.Entry<Double, TreeMap<Integer, HistoryEntry>> most = null;
    for (var at : byBudget.descendingMap().entrySet()) {
      if (at.getValue().size() >= needed) {
        return at;
      }
      if (most == null || at.getValue().size() > most.getValue().size()) {
        most = at;
      }
    }
    return most;
  }

  /** True when nothing is pending and the budget (or the space) is used up. */
  public boolean isDone() {
    return pending.isEmpty() && (nextId >= settings.budget || isExhausted());
  }

  /** Trials that may still be asked for. */
  public int remainingBudget() {
    return Math.max(0, settings.budget - nextId);
  }

  public RunHistory history() {
    return history;
  }

  /** History entries of finished and pending trials by id: what {@link #restore} needs. */
  List<HistoryEntry> snapshot() {
    List<HistoryEntry> all = new ArrayList<>(history.entries());
    for (Trial t : pending.values()) {
      all.add(new HistoryEntry(t, null));
    }
    all.sort(Comparator.comparingInt(e -> e.trial().id()));
    return all;
  }

  public List<Trial> pending() {
    return List.copyOf(pending.values());
  }

  public Optional<HistoryEntry> incumbent() {
    return history.incumbent();
  }

  public ConfigurationSpace space() {
    return space;
  }

  /** The earlier evaluations the search started with (deduplicated, in the order given). */
  public List<Observation> warmStart() {
    return warmStart;
  }

  /** The initial design in the order it is proposed. */
  public List<Configuration> initialDesign() {
    return initialDesign;
  }

  /** Settings and space as text; a resumed search should find the saved one equal. */
  public String scenario() {
    return settings.describe() + "space:\n" + space.describe();
  }

  // ------------------------------------------------------------------ proposals

  private Configuration fromInitialDesign(int id) {
    if (id >= initialDesign.size()) {
      return null;
    }
    for (Configuration c : initialDesign) {
      if (!taken.contains(c)) {
        return c;
      }
    }
    return null;
  }

  private boolean isExhausted() {
    return taken.size() >= cardinality;
  }

  /** A uniformly drawn configuration not yet taken; null when none is left. */
  private Configuration randomUnseen(SplittableRandom random) {
    if (isExhausted()) {
      return null;
    }
    for (int tries = 0; tries < 1000; tries++) {
      Configuration c = space.sample(random);
      if (!taken.contains(c)) {
        return c;
      }
    }
    // nearly exhausted finite space: list what is left
    if (cardinality <= ConfigurationSpace.ENUMERATION_LIMIT) {
      List<Configuration> left = new ArrayList<>();
      space.forEach(c -> {
        if (!taken.contains(c)) {
          left.add(c);
        }
      });
      return left.isEmpty() ? null : left.get(random.nextInt(left.size()));
    }
    return null;
  }

  private BelievedModel trainModel(int id) {
    // the warm start first, then this search's trials (of the model's budget) by id: a fixed order, so a fixed forest
    List<Observation> observed = new ArrayList<>(warmStart);
    for (HistoryEntry e : modelEntries()) {
      observed.add(new Observation(e.trial().config(), e.result()));
    }
    ExpectedHypervolumeImprovement ehvi = settings.ehvi;
    ToDoubleFunction<TrialResult> cost = settings.parEgo != null
        ? settings.parEgo.scalarisation(observed, settings.parEgo.weights(settings.seed, id))
        : ehvi != null ? ehvi::cost : TrialResult::cost;
    // EHVI's forest predicts 1 - accuracy itself: a mean and variance in accuracy units, not log-scaled
    TrainingData data = (ehvi != null ? RunHistoryEncoder.unscaled() : settings.encoder).encode(space, observed, cost);
    Surrogate surrogate = settings.surrogate.train(data, Seeds.derive(settings.seed, SeedPurposes.SURROGATE, id));
    List<Configuration> evaluated = new ArrayList<>(observed.size());
    for (Observation o : observed) {
      evaluated.add(o.config());
    }
    AcquisitionMaximizer.Search search = settings.maximizer.start(space, surrogate, evaluated,
        Seeds.random(settings.seed, SeedPurposes.CHALLENGERS, id), ehvi == null ? null : ehvi::knownValues);
    BelievedModel model = new BelievedModel(surrogate, data, search,
        ehvi == null ? null : ehvi.front(observed)); // the warm start's networks are on this run's front too
    for (Trial t : pending.values()) {
      model.believe(t.config());
    }
    return model;
  }

  /**
   * The forest of one ask, the lies told to it so far, and the batch's acquisition search; with
   * EHVI also the front, to which each pick is added at its predicted mean.
   */
  private final class BelievedModel {
    final Surrogate surrogate;
    final TrainingData data;
    final AcquisitionMaximizer.Search search;
    double best;
    ExpectedHypervolumeImprovement.Front front;

    BelievedModel(Surrogate surrogate, TrainingData data, AcquisitionMaximizer.Search search,
        ExpectedHypervolumeImprovement.Front front) {
      this.surrogate = surrogate;
      this.data = data;
      this.search = search;
      this.front = front;
      this.best = incumbentPrediction(surrogate, data);
    }

    void believe(Configuration c) {
      double[] row = space.encode(c);
      if (front != null) {
        // kriging believer: the forest and the front take the pick at its predicted accuracy
        double predicted = Liar.BELIEVER.lie(data, surrogate, row);
        surrogate.believe(row, predicted);
        double[] known = settings.ehvi.knownValues(c);
        if (known != null) {
          front = front.with(1 - predicted, known[0], known[1]);
        }
        return;
      }
      double lie = settings.liar.lie(data, surrogate, row);
      surrogate.believe(row, lie);
      best = Math.min(best, lie);
    }

    Configuration propose(int id) {
      SplittableRandom random = Seeds.random(settings.seed, SeedPurposes.PROPOSAL, id);
      Optional<Configuration> found = front == null ? search.next(settings.acquisition(), best, taken::contains, random)
          : search.next(expectedImprovementOf(front), taken::contains, random);
      return found.isPresent() ? found.get() : randomUnseen(random);
    }
  }

  /** EHVI of a candidate from the forest's cost prediction (1 - accuracy); none without known objectives. */
  private static CandidateScore expectedImprovementOf(ExpectedHypervolumeImprovement.Front front) {
    return (known, mean, variance) -> known == null ? Double.NEGATIVE_INFINITY
        : front.expected(known[0], known[1], 1 - mean, Math.sqrt(variance));
  }

  /**
   * The acquisition's reference: the lowest predicted mean over the evaluated configurations, as
   * in SMAC3's config selector, rather than the lowest observed cost. A forest's prediction at the
   * incumbent also averages the trees whose bootstrap missed it, so a lucky or log-stretched
   * minimum does not make every other region look hopeless.
   */
  private static double incumbentPrediction(Surrogate surrogate, TrainingData data) {
    double[] mean = new double[data.size()];
    surrogate.predict(data.x(), mean, new double[data.size()]);
    double best = Double.POSITIVE_INFINITY;
    for (double m : mean) {
      best = Math.min(best, m);
    }
    return best;
  }

  private static List<Configuration> makeInitialDesign(Builder b) {
    LinkedHashSet<Configuration> design = new LinkedHashSet<>();
    for (Configuration c : b.additionalConfigurations) {
      design.add(b.space.configuration(c.values()));
    }
    // what the warm start already tells takes the design's place
    int n = Math.max(0, b.initialDesignSize() - b.warmStart.size());
    if (n > 0) {
      design.addAll(b.initialDesign.configurations(b.space, n, Seeds.derive(b.seed, SeedPurposes.INITIAL_DESIGN, 0)));
    }
    return new ArrayList<>(design);
  }

  // ------------------------------------------------------------------ settings

  /**
   * Settings with SMAC3 HPO-facade defaults: Sobol initial design of 10 configurations per
   * hyperparameter capped at a quarter of the budget, random forest of 10 trees, log-scaled costs
   * with log-EI, local search from the 10 best plus 10,000 random challengers, 20% random
   * interleaving; batches lie with the worst cost seen.
   */
  public static final class Builder {
    private final ConfigurationSpace space;
    private long seed = 0;
    private int budget = 100;
    private InitialDesign initialDesign = InitialDesign.sobol();
    private int initialDesignSize = -1;
    private int configsPerHyperparameter = 10;
    private double maxInitialRatio = 0.25;
    private List<Configuration> additionalConfigurations = List.of();
    private SurrogateModel surrogate = RandomForestSurrogate.defaults();
    private RunHistoryEncoder encoder = RunHistoryEncoder.logScaled();
    private AcquisitionFunction acquisition;
    private AcquisitionMaximizer maximizer = LocalAndRandomSearch.defaults();
    private RandomDesign randomDesign = RandomDesign.probability(0.2);
    private Liar liar = Liar.WORST;
    private ParEgo parEgo;
    private ExpectedHypervolumeImprovement ehvi;
    private List<Observation> warmStart = List.of();

    private Builder(ConfigurationSpace space) {
      if (space == null || space.dimensions() == 0) {
        throw new IllegalArgumentException("SMAC needs a non-empty configuration space");
      }
      this.space = space;
    }

    /** The one seed every random choice derives from. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Total number of trials (evaluations) the search may ask for. */
    public Builder budget(int budget) {
      if (budget < 1) {
        throw new IllegalArgumentException("budget must be at least 1, got " + budget);
      }
      this.budget = budget;
      return this;
    }

    public Builder initialDesign(InitialDesign design) {
      this.initialDesign = require(design, "initial design");
      return this;
    }

    /** A fixed initial-design size (overrides the per-hyperparameter rule); 0 starts with the model at once. */
    public Builder initialDesignSize(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("initial design size must be >= 0, got " + n);
      }
      this.initialDesignSize = n;
      return this;
    }

    /** Initial design size rule: {@code perHyperparameter * dimensions}, at most {@code maxRatio * budget}. */
    public Builder initialDesignPerHyperparameter(int perHyperparameter, double maxRatio) {
      if (perHyperparameter < 1 || !(maxRatio > 0 && maxRatio <= 1)) {
        throw new IllegalArgumentException("need perHyperparameter >= 1 and maxRatio in (0, 1]");
      }
      this.configsPerHyperparameter = perHyperparameter;
      this.maxInitialRatio = maxRatio;
      this.initialDesignSize = -1;
      return this;
    }

    /** Configurations evaluated first, before the design (e.g. a known good topology). */
    public Builder additionalConfigurations(List<Configuration> configs) {
      this.additionalConfigurations = List.copyOf(configs);
      return this;
    }

    public Builder surrogate(SurrogateModel surrogate) {
      this.surrogate = require(surrogate, "surrogate");
      return this;
    }

    /** Log-scaled costs (SMAC3 HPO default, with log-EI) or linear ones (with EI). */
    public Builder logScaledCosts(boolean log) {
      this.encoder = log ? RunHistoryEncoder.logScaled() : RunHistoryEncoder.linear();
      return this;
    }

    public Builder encoder(RunHistoryEncoder encoder) {
      this.encoder = require(encoder, "run-history encoder");
      return this;
    }

    /** Overrides the acquisition function (default: log-EI for log-scaled costs, else EI). */
    public Builder acquisition(AcquisitionFunction acquisition) {
      this.acquisition = require(acquisition, "acquisition function");
      return this;
    }

    public Builder maximizer(AcquisitionMaximizer maximizer) {
      this.maximizer = require(maximizer, "acquisition maximizer");
      return this;
    }

    public Builder randomDesign(RandomDesign randomDesign) {
      this.randomDesign = require(randomDesign, "random design");
      return this;
    }

    /** Probability that a model-based trial is drawn at random instead (default 0.2). */
    public Builder randomProbability(double p) {
      this.randomDesign = RandomDesign.probability(p);
      return this;
    }

    public Builder liar(Liar liar) {
      this.liar = require(liar, "liar");
      return this;
    }

    /**
     * Proposes by ParEGO over the results' objectives instead of by their cost (null: by cost, the
     * default). The cost still decides the incumbent.
     */
    public Builder parEgo(ParEgo parEgo) {
      this.parEgo = parEgo;
      return this;
    }

    /**
     * Proposes by expected hypervolume improvement instead of by cost (null: by cost, the default):
     * the forest learns {@code 1 - accuracy} (unscaled), EHVI scores candidates against the front of
     * the OK results, and later picks of a batch believe the earlier ones at their predicted mean
     * (in the forest and on the front). The cost still decides the incumbent. Not with ParEGO.
     */
    public Builder expectedHypervolumeImprovement(ExpectedHypervolumeImprovement ehvi) {
      this.ehvi = ehvi;
      return this;
    }

    /**
     * Earlier evaluations the model learns from before the first proposal; their configurations are
     * never proposed and they use no budget. They shrink the initial design by their number. A
     * configuration given twice counts once (the first); each must be a configuration of the space.
     */
    public Builder warmStart(List<Observation> observations) {
      java.util.LinkedHashMap<Configuration, Observation> unique = new java.util.LinkedHashMap<>();
      for (Observation o : observations) {
        Configuration c = space.configuration(o.config().values());
        if (!c.equals(o.config())) {
          throw new IllegalArgumentException("warm start: " + o.config() + " is not a configuration of the space");
        }
        unique.putIfAbsent(c, o);
      }
      this.warmStart = List.copyOf(unique.values());
      return this;
    }

    public Smac build() {
      if (parEgo != null && ehvi != null) {
        throw new IllegalArgumentException("propose by ParEGO or by EHVI, not both");
      }
      return new Smac(this);
    }

    /** {@link Smac#restore} with these settings. */
    Smac restore(Collection<HistoryEntry> entries) {
      return Smac.restore(this, entries);
    }

    /** The number of initial-design configurations these settings give (the rule, or the size set). */
    public int initialDesignSize() {
      if (initialDesignSize >= 0) {
        return Math.min(initialDesignSize, budget);
      }
      int rule = configsPerHyperparameter * space.dimensions();
      int cap = (int) Math.floor(maxInitialRatio * budget);
      return Math.max(1, Math.min(rule, cap));
    }

    AcquisitionFunction acquisition() {
      if (acquisition != null) {
        return acquisition;
      }
      return encoder instanceof RunHistoryEncoder.LogScaledCostEncoder
          ? LogExpectedImprovement.standard() : ExpectedImprovement.standard();
    }

    String describe() {
      return "seed: " + seed + "\nbudget: " + budget + "\ninitial design: " + initialDesign + " x "
          + initialDesignSize() + " (+" + additionalConfigurations.size() + " given)\nsurrogate: " + surrogate
          + "\nencoder: " + encoder
          + "\nacquisition: " + (ehvi == null ? acquisition() : "EHVI (proposals)") + "\nmaximizer: " + maximizer
          + "\nrandom design: " + randomDesign + "\nliar: " + liar + "\n"
          + (parEgo == null ? "" : "proposals: " + parEgo + "\n")
          + (ehvi == null ? "" : "proposals: " + ehvi + "\n")
          + (warmStart.isEmpty() ? "" : "warm start: " + warmStart.size() + " observations\n");
    }

    private Builder copy() {
      Builder b = new Builder(space);
      b.seed = seed;
      b.budget = budget;
      b.initialDesign = initialDesign;
      b.initialDesignSize = initialDesignSize;
      b.configsPerHyperparameter = configsPerHyperparameter;
      b.maxInitialRatio = maxInitialRatio;
      b.additionalConfigurations = additionalConfigurations;
      b.surrogate = surrogate;
      b.encoder = encoder;
      b.acquisition = acquisition;
      b.maximizer = maximizer;
      b.randomDesign = randomDesign;
      b.liar = liar;
      b.parEgo = parEgo;
      b.ehvi = ehvi;
      b.warmStart = warmStart;
      return b;
    }

    private static <T> T require(T value, String what) {
      if (value == null) {
        throw new IllegalArgumentException("the " + what + " must not be null");
      }
      return value;
    }
  }
}
