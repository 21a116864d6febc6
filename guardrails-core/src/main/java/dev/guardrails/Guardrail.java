package dev.guardrails;

import dev.guardrails.internal.EngineAccess;
import dev.guardrails.text.AnalyzedText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;

/**
 * The front door: runs a pipeline of {@link Detector}s over a model's answer, applies a
 * {@link Policy} to what they find, and returns a {@link GuardResult} with the verdict, the
 * findings and the safe text.
 *
 * <pre>{@code
 * Guardrail guard = Guardrail.builder()
 *     .discoverDetectors()              // built-in detectors on the classpath
 *     .policy(Policy.defaults())
 *     .build();
 * GuardResult r = guard.check(answer);
 * if (!r.blocked()) show(r.safeText());
 * }</pre>
 *
 * <p>Configures and holds the engine (like OkHttp's {@code OkHttpClient} over {@code RealCall}); streams
 * ({@code GuardedStream.open}) and wrapped calls ({@code GuardedModel.of}) run on the same engine.
 *
 * <p><b>Failures.</b> {@code check} never throws for a detector's sake: a detector that throws,
 * reports a span outside the text, or runs past its time budget is recorded in
 * {@link GuardResult#errors()} and its {@link FailMode} applied (CLOSED blocks, OPEN flags). A
 * {@link dev.guardrails.Redactor} that throws (or returns null) fails closed: the answer is blocked, the safe
 * text is the block message, and a {@code REDACTION_FAILED} error is recorded under
 * {@link #ENGINE_ID}. Late detectors are abandoned: see {@link Builder#executor(ExecutorService)}.
 *
 * <p><b>Thread safety:</b> immutable once built; one instance serves any number of threads.
 */
public final class Guardrail {

  static { EngineAccess.install(new RootAccess()); } // the engine's access to the pipeline and results

  /** The id that engine-level errors (such as an oversize input) are reported under. */
  public static final String ENGINE_ID = "guardrail";

  /** Default upper bound on the input length, in chars: 16 Mi. */
  public static final int DEFAULT_MAX_INPUT_CHARS = 1 << 24;

  /** Default char budget of the result cache (see {@link Builder#cache(long, long)}): 16 Mi chars. */
  public static final long DEFAULT_CACHE_BUDGET_CHARS = ResultCache.DEFAULT_BUDGET_CHARS;

  final Pipeline pipeline; // the engine: detectors, policy, limits, fail modes, the guarded listener
  private final GuardListener listener; // as given to the builder
  private final ResultCache cache; // null when results are not cached

  private Guardrail(Pipeline pipeline, GuardListener listener, ResultCache cache) {
    this.pipeline = pipeline;
    this.listener = listener;
    this.cache = cache;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a guardrail with every detector found on the classpath and {@link Policy#defaults()}:
   * the CLI's default pipeline.
   *
   * @return the guardrail
   * @throws IllegalStateException if no detector is on the classpath
   */
  public static Guardrail withDefaults() {
    return builder().discoverDetectors().build();
  }

  /**
   * Checks a text with an empty context.
   *
   * @param text the model's answer
   * @return the result
   * @throws NullPointerException if text is null
   */
  public GuardResult check(String text) {
    return check(text, CheckContext.empty());
  }

  /**
   * Checks a text.
   *
   * @param text the model's answer
   * @param ctx what the check may know: prompt, sources, user-supplied values, deadline
   * @return the result; never throws for a detector's failure
   * @throws NullPointerException if an argument is null
   */
  public GuardResult check(String text, CheckContext ctx) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(ctx, "ctx");
    if (cache == null) {
      return pipeline.run(text, null, ctx);
    }
    GuardResult hit = cache.get(text, ctx);
    if (hit != null) {
      pipeline.cacheHit(hit, text);
      return hit;
    }
    GuardResult r = pipeline.run(text, null, ctx);
    cache.put(text, ctx, r); // skips results with errors: a timeout or crash may be transient
    return r;
  }

  /**
   * Checks a text analyzed beforehand ({@link AnalyzedText#of(String)}, or a
   * {@link AnalyzedText#slice(int, int)} of a larger one), so checks can share one normalization.
   * Same result as {@code check(text.original(), ctx)} for a text from {@code AnalyzedText.of}; never cached.
   *
   * @param text the analyzed answer
   * @param ctx what the check may know
   * @return the result; never throws for a detector's failure
   * @throws NullPointerException if an argument is null
   */
  public GuardResult check(AnalyzedText text, CheckContext ctx) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(ctx, "ctx");
    return pipeline.run(text.original(), text, ctx);
  }

  /** Returns the policy. */
  public Policy policy() {
    return pipeline.policy();
  }

  /** Returns the detectors in pipeline order. */
  public List<Detector> detectors() {
    return pipeline.detectors();
  }

  /** Returns the message that replaces a blocked answer. */
  public String blockMessage() {
    return pipeline.blockMessage();
  }

  /** Returns the longest text checked, in chars (see {@link Builder#maxInput(int, OversizeMode)}). */
  public int maxInputChars() {
    return pipeline.maxInputChars();
  }

  /** Returns the listener. */
  public GuardListener listener() {
    return listener;
  }

  /**
   * Returns a guardrail that runs only the detectors {@code keep} accepts, in the same order, with
   * this one's policy, fail modes, limits, executor, block message and listener. Useful to check a
   * prompt for PII only, or to run cheap detectors first. When this guardrail caches results the
   * copy has a cache of its own of the same size (results of different pipelines never mix).
   *
   * <pre>{@code
   * Guardrail piiOnly = guard.only(d -> d.id().startsWith("pii.") || d.id().equals("secrets"));
   * }</pre>
   *
   * @param keep selects the detectors to keep
   * @return the new guardrail
   * @throws IllegalArgumentException if {@code keep} accepts no detector
   */
  public Guardrail only(Predicate<? super Detector> keep) {
    return new Guardrail(pipeline.only(keep), listener, cache == null ? null : cache.copy());
  }

  @Override
  public String toString() {
    return "Guardrail" + pipeline.describe();
  }

  /**
   * Builds a {@link Guardrail}. Setters check their arguments and repeated detector ids;
   * {@link #build()} checks the combination and returns an immutable guardrail. Not thread-safe.
   */
  public static final class Builder {
    private final Map<String, Detector> entries = new LinkedHashMap<>();
    private Policy policy = Policy.defaults();
    private GuardListener listener = GuardListener.NONE;
    private FailMode defaultFailMode = FailMode.CLOSED;
    private final Map<String, FailMode> explicitFailModes = new LinkedHashMap<>();
    private Duration detectorTimeout;
    private ExecutorService executor;
    private String blockMessage = "";
    private Action echoAction = Action.ALLOW;
    private int linkWindow = Linker.DEFAULT_WINDOW;
    private int maxInputChars = DEFAULT_MAX_INPUT_CHARS;
    private OversizeMode oversizeMode = OversizeMode.REJECT;
    private long cacheSize;
    private long cacheBudgetChars = ResultCache.DEFAULT_BUDGET_CHARS;

    private Builder() {}

    /**
     * Adds a detector with the builder's default fail mode.
     *
     * @param detector the detector
     * @return this builder
     * @throws IllegalArgumentException if a detector with the same id was already added
     */
    public Builder detector(Detector detector) {
      return add(Objects.requireNonNull(detector, "detector"), null);
    }

    /**
     * Adds a detector with its own fail mode.
     *
     * @param detector the detector
     * @param failMode what a failure of this detector does
     * @return this builder
     * @throws IllegalArgumentException if a detector with the same id was already added
     */
    public Builder detector(Detector detector, FailMode failMode) {
      return add(Objects.requireNonNull(detector, "detector"), Objects.requireNonNull(failMode, "failMode"));
    }

    private Builder add(Detector detector, FailMode mode) {
      String id = detector.id();
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("detector id must not be blank: " + detector.getClass().getName());
      }
      if (entries.containsKey(id)) {
        throw new IllegalArgumentException("detector '" + id + "' was already added");
      }
      entries.put(id, detector);
      if (mode != null) {
        explicitFailModes.put(id, mode);
      }
      return this;
    }

    /**
     * Adds every {@link Detector} that {@link ServiceLoader} finds on the class path, in service
     * file order, skipping ids already added.
     *
     * @return this builder
     */
    public Builder discoverDetectors() {
      return discoverDetectors(Thread.currentThread().getContextClassLoader());
    }

    /**
     * Adds every {@link Detector} that {@link ServiceLoader} finds through {@code loader}.
     *
     * @param loader the class loader to search
     * @return this builder
     */
    public Builder discoverDetectors(ClassLoader loader) {
      for (Detector d : ServiceLoader.load(Detector.class, loader)) {
        if (!entries.containsKey(d.id())) {
          add(d, null);
        }
      }
      return this;
    }

    /**
     * Sets the policy; {@link Policy#defaults()} if never called.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(Policy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the listener for metrics and audit events.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(GuardListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the fail mode of detectors added without one; {@link FailMode#CLOSED} by default.
     *
     * @param failMode the mode
     * @return this builder
     */
    public Builder failMode(FailMode failMode) {
      this.defaultFailMode = Objects.requireNonNull(failMode, "failMode");
      return this;
    }

    /**
     * Sets the time budget of each detector. Detectors then run on the executor (see
     * {@link #executor(ExecutorService)}); one still running after the budget is abandoned
     * (interrupted, its findings dropped) and its fail mode applied.
     *
     * @param timeout the budget, positive
     * @return this builder
     */
    public Builder detectorTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("detector timeout must be positive: " + timeout);
      }
      this.detectorTimeout = timeout;
      return this;
    }

    /**
     * Sets the executor that runs detectors when a timeout or a {@link CheckContext#deadline()}
     * applies. Without one, a shared, bounded pool of daemon threads is used for that
     * ({@code max(8, 4 x cores)} threads, idle ones retire after 30 s, at most 4,096 queued tasks;
     * a task it rejects is an {@code EXCEPTION} error of that detector, its fail mode applied), so
     * stuck work never keeps the JVM alive nor grows the thread count without bound. Checks without
     * time bounds always run on the calling thread. The guardrail does not shut the executor down.
     * An abandoned detector keeps its thread until it returns (Java cannot stop a thread that
     * ignores interrupts): give untrusted detectors an executor of their own.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(ExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Sets the text that replaces a blocked answer in {@link GuardResult#safeText()}; empty by
     * default.
     *
     * @param message the message
     * @return this builder
     */
    public Builder blockMessage(String message) {
      this.blockMessage = Objects.requireNonNull(message, "message");
      return this;
    }

    /**
     * Sets the action for PII findings whose value the user supplied in
     * {@link CheckContext#userValues()} (an echo, not a leak); {@link Action#ALLOW} by default.
     *
     * @param action the action
     * @return this builder
     */
    public Builder echoAction(Action action) {
      this.echoAction = Objects.requireNonNull(action, "action");
      return this;
    }

    /**
     * Sets how far, in chars, other personal data (any other PII finding) may be from a PERSON
     * finding to make it {@link Finding#LINKED}: an identifiable person rather than a bare name,
     * decided after every detector ran and before the policy. {@value Linker#DEFAULT_WINDOW} by
     * default; 0 turns linking off. A stream holds a name back until this much text after it settled.
     *
     * @param chars the window, {@code 0..4096}
     * @return this builder
     */
    public Builder linkWindow(int chars) {
      if (chars < 0 || chars > 4096) {
        throw new IllegalArgumentException("link window must be in [0, 4096]: " + chars);
      }
      this.linkWindow = chars;
      return this;
    }

    /**
     * Sets the longest text checked, in chars, and what happens past it.
     *
     * @param maxChars the limit, {@code >= 1}; {@link #DEFAULT_MAX_INPUT_CHARS} by default
     * @param mode what to do past it; {@link OversizeMode#REJECT} by default
     * @return this builder
     */
    public Builder maxInput(int maxChars, OversizeMode mode) {
      if (maxChars < 1) {
        throw new IllegalArgumentException("max input chars must be >= 1: " + maxChars);
      }
      this.maxInputChars = maxChars;
      this.oversizeMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Caches results: {@code cache(maxEntries, DEFAULT_CACHE_BUDGET_CHARS)}, a budget of 16 Mi chars
     * (at most 32 MB of UTF-16 text). Off by default.
     *
     * @param maxEntries the maximum number of cached results, {@code >= 1}
     * @return this builder
     * @see #cache(long, long)
     */
    public Builder cache(long maxEntries) {
      return cache(maxEntries, DEFAULT_CACHE_BUDGET_CHARS);
    }

    /**
     * Caches results (Caffeine, weighted): up to about {@code maxEntries} (text, context) pairs
     * whose texts, safe texts, prompts, sources and user values hold at most {@code budgetChars}
     * chars together; a result heavier than the whole budget is not cached. The key ignores
     * {@link CheckContext#deadline()}; results with errors are not cached (a failure may be
     * transient). Each copy made by {@link Guardrail#only} has a cache of its own. Off by default.
     *
     * @param maxEntries the maximum number of cached results, {@code >= 1}
     * @param budgetChars the maximum number of chars the cached entries hold, {@code >= 1}
     * @return this builder
     */
    public Builder cache(long maxEntries, long budgetChars) {
      if (maxEntries < 1) {
        throw new IllegalArgumentException("cache size must be >= 1: " + maxEntries);
      }
      if (budgetChars < 1) {
        throw new IllegalArgumentException("cache budget must be >= 1 char: " + budgetChars);
      }
      this.cacheSize = maxEntries;
      this.cacheBudgetChars = budgetChars;
      return this;
    }

    /**
     * Returns the immutable guardrail.
     *
     * @return the guardrail
     * @throws IllegalStateException if no detector was added
     */
    public Guardrail build() {
      if (entries.isEmpty()) {
        throw new IllegalStateException(
            "no detectors were added; call detector(...) or discoverDetectors() (is guardrails-detectors on the class path?)");
      }
      List<Pipeline.Stage> stages = new ArrayList<>(entries.size());
      entries.forEach((id, d) -> stages.add(new Pipeline.Stage(d, explicitFailModes.getOrDefault(id, defaultFailMode))));
      if (executor == null) {
        executor = DetectorPool.shared();
      }
      Pipeline p = new Pipeline(stages, policy, listener, detectorTimeout, executor, blockMessage, echoAction,
          linkWindow, maxInputChars, oversizeMode);
      return new Guardrail(p, listener, ResultCache.create(cacheSize, cacheBudgetChars));
    }
  }
}
