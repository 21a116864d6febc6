package dev.guardrails;

import dev.guardrails.internal.Linker;
import dev.guardrails.internal.SafeText;
import dev.guardrails.redact.Redactor;
import dev.guardrails.text.AnalyzedText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p><b>Failures.</b> {@code check} never throws for a detector's sake: a detector that throws,
 * reports a span outside the text, or runs past its time budget is recorded in
 * {@link GuardResult#errors()} and its {@link FailMode} applied (CLOSED blocks, OPEN flags). A
 * {@link Redactor} that throws (or returns null) fails closed: the answer is blocked, the safe
 * text is the block message, and a {@code REDACTION_FAILED} error is recorded under
 * {@link #ENGINE_ID}.
 *
 * <p><b>Abandoned detectors.</b> With a time budget, a late detector is interrupted and its
 * result dropped, but Java cannot stop a thread: a detector that ignores interrupts keeps running
 * on its executor thread until it returns. The default executor is a bounded pool of daemon
 * threads (see {@link Builder#executor(ExecutorService)}), so such work never keeps the JVM alive
 * and never grows the thread count without bound; once every pool thread is stuck, further
 * time-bounded checks time out or are rejected, and either way their fail mode applies.
 *
 * <p><b>Thread safety:</b> immutable once built; one instance serves any number of threads.
 */
public final class Guardrail {

  private static final Logger LOG = LoggerFactory.getLogger(Guardrail.class);

  /** The id that engine-level errors (such as an oversize input) are reported under. */
  public static final String ENGINE_ID = "guardrail";

  /** Default upper bound on the input length, in chars: 16 Mi. */
  public static final int DEFAULT_MAX_INPUT_CHARS = 1 << 24;

  /** Default char budget of the result cache (see {@link Builder#cache(long, long)}): 16 Mi chars. */
  public static final long DEFAULT_CACHE_BUDGET_CHARS = ResultCache.DEFAULT_BUDGET_CHARS;

  private final List<Entry> entries;
  private final String[] ids;
  private final Policy policy;
  private final GuardListener listener;
  private final Duration detectorTimeout;
  private final ExecutorService executor;
  private final String blockMessage;
  private final Action echoAction;
  private final int linkWindow;
  /** False for a stream's partial scans: the stream links the findings of all its scans itself. */
  private final boolean link;
  private final int maxInputChars;
  private final OversizeMode oversizeMode;
  /** Null when results are not cached. */
  private final ResultCache cache;
  /** True for a stream's partial-scan copy: its callers read the decisions, never the safe text. */
  private final boolean decisionsOnly;

  private record Entry(Detector detector, FailMode failMode) {}

  private Guardrail(Builder b) {
    this.entries = List.copyOf(b.entries.values());
    this.ids = new String[entries.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = entries.get(i).detector().id();
    }
    this.policy = b.policy;
    this.listener = b.listener;
    this.detectorTimeout = b.detectorTimeout;
    this.executor = b.executor;
    this.blockMessage = b.blockMessage;
    this.echoAction = b.echoAction;
    this.linkWindow = b.linkWindow;
    this.link = true;
    this.maxInputChars = b.maxInputChars;
    this.oversizeMode = b.oversizeMode;
    this.decisionsOnly = false;
    this.cache = ResultCache.create(b.cacheSize, b.cacheBudgetChars);
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
      return run(text, null, ctx);
    }
    GuardResult hit = cache.get(text, ctx);
    if (hit != null) {
      notifyCacheHit(hit, text);
      return hit;
    }
    GuardResult r = run(text, null, ctx);
    cache.put(text, ctx, r); // skips results with errors: a timeout or crash may be transient
    return r;
  }

  /**
   * Checks a text analyzed beforehand with {@link AnalyzedText#of(String)} (or cut from a larger
   * analysis with {@link AnalyzedText#slice(int, int)}), so several checks can share one
   * normalization. Same result as {@code check(text.original(), ctx)} for a text from
   * {@code AnalyzedText.of}; never cached.
   *
   * @param text the analyzed answer
   * @param ctx what the check may know
   * @return the result; never throws for a detector's failure
   * @throws NullPointerException if an argument is null
   */
  public GuardResult check(AnalyzedText text, CheckContext ctx) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(ctx, "ctx");
    return run(text.original(), text, ctx);
  }

  /**
   * Runs the detectors only, without policy or redaction.
   *
   * @param text the text
   * @param ctx the context
   * @return the findings in span order, and an empty list when none
   */
  public List<Finding> findings(String text, CheckContext ctx) {
    return check(text, ctx).findings();
  }

  /** Returns the policy. */
  public Policy policy() {
    return policy;
  }

  /** Returns the detectors in pipeline order. */
  public List<Detector> detectors() {
    List<Detector> out = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      out.add(e.detector());
    }
    return Collections.unmodifiableList(out);
  }

  /** Returns the message that replaces a blocked answer. */
  public String blockMessage() {
    return blockMessage;
  }

  /**
   * Returns the longest text checked, in chars (see {@link Builder#maxInput(int, OversizeMode)}).
   *
   * @return the limit
   */
  public int maxInputChars() {
    return maxInputChars;
  }

  /**
   * Returns what happens to a text longer than {@link #maxInputChars()}.
   *
   * @return the mode
   */
  public OversizeMode oversizeMode() {
    return oversizeMode;
  }

  /**
   * Returns the action for PII findings whose value the user supplied (see
   * {@link Builder#echoAction(Action)}).
   *
   * @return the echo action
   */
  public Action echoAction() {
    return echoAction;
  }

  /**
   * Returns the largest distance, in chars, between a PERSON finding and other personal data that
   * makes it {@link Finding#LINKED} (see {@link Builder#linkWindow(int)}); 0 when linking is off.
   *
   * @return the link window
   */
  public int linkWindow() {
    return linkWindow;
  }

  /** Returns the listener. */
  public GuardListener listener() {
    return listener;
  }

  // --- streaming and client wrapping (issue 6) ---

  /**
   * Opens a {@link dev.guardrails.stream.GuardedStream} for one streamed answer, with
   * {@link dev.guardrails.stream.StreamOptions#defaults()}.
   *
   * @param ctx the context of the answer
   * @return a new stream; one producer at a time
   */
  public dev.guardrails.stream.GuardedStream stream(CheckContext ctx) {
    return stream(ctx, dev.guardrails.stream.StreamOptions.defaults());
  }

  /**
   * Opens a {@link dev.guardrails.stream.GuardedStream} for one streamed answer. Partial scans
   * bypass the cache and the listener; the listener gets one event for the whole answer.
   *
   * @param ctx the context of the answer
   * @param options the hold-back limits
   * @return a new stream; one producer at a time
   */
  public dev.guardrails.stream.GuardedStream stream(CheckContext ctx, dev.guardrails.stream.StreamOptions options) {
    return dev.guardrails.stream.GuardedStream.open(new Guardrail(this), listener, ctx, options);
  }

  /**
   * Guards a synchronous model call with {@link dev.guardrails.client.WrapOptions#defaults()}:
   * the returned function calls {@code model} and returns the safe text, or throws
   * {@link dev.guardrails.client.GuardrailViolationException} on BLOCK.
   *
   * @param model the model call
   * @param <I> the model's input type
   * @return the guarded function; thread-safe if {@code model} is
   */
  public <I> dev.guardrails.client.GuardedModel<I> wrap(java.util.function.Function<I, String> model) {
    return wrap(model, dev.guardrails.client.WrapOptions.defaults());
  }

  /**
   * Guards a synchronous model call.
   *
   * @param model the model call
   * @param options what to do on BLOCK (fallback, re-ask, throw) and the context of each check
   * @param <I> the model's input type
   * @return the guarded function; thread-safe if {@code model} is
   */
  public <I> dev.guardrails.client.GuardedModel<I> wrap(
      java.util.function.Function<I, String> model, dev.guardrails.client.WrapOptions<I> options) {
    return dev.guardrails.client.GuardedModel.of(this, model, options);
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
  public Guardrail only(java.util.function.Predicate<? super Detector> keep) {
    Objects.requireNonNull(keep, "keep");
    List<Entry> kept = new ArrayList<>();
    for (Entry e : entries) {
      if (keep.test(e.detector())) {
        kept.add(e);
      }
    }
    if (kept.isEmpty()) {
      throw new IllegalArgumentException("the predicate accepts none of the detectors " + List.of(ids));
    }
    return new Guardrail(this, kept, listener, cache == null ? null : cache.copy(), decisionsOnly);
  }

  /**
   * A copy for partial scans of a stream: same pipeline and policy, no cache, no listener, and no
   * safe text (the stream redacts what it emits itself).
   */
  private Guardrail(Guardrail g) {
    this(g, g.entries, GuardListener.NONE, null, true);
  }

  private Guardrail(Guardrail g, List<Entry> entries, GuardListener listener, ResultCache cache, boolean decisionsOnly) {
    this.entries = List.copyOf(entries);
    this.ids = new String[this.entries.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = this.entries.get(i).detector().id();
    }
    this.policy = g.policy;
    this.listener = listener;
    this.detectorTimeout = g.detectorTimeout;
    this.executor = g.executor;
    this.blockMessage = g.blockMessage;
    this.echoAction = g.echoAction;
    this.linkWindow = g.linkWindow;
    this.link = !decisionsOnly;
    this.maxInputChars = g.maxInputChars;
    this.oversizeMode = g.oversizeMode;
    this.decisionsOnly = decisionsOnly;
    this.cache = cache;
  }

  /** The verdict rule: the strongest action among the decisions and the detector errors. */
  private static Verdict verdictOf(List<Decision> decisions, List<DetectorError> errors) {
    Action strongest = Action.ALLOW;
    for (int i = 0; i < decisions.size(); i++) {
      strongest = strongest.max(decisions.get(i).action());
    }
    for (int i = 0; i < errors.size(); i++) {
      strongest = strongest.max(errors.get(i).action());
    }
    return Verdict.of(strongest);
  }

  private GuardResult run(String text, AnalyzedText analyzed, CheckContext ctx) {
    List<DetectorError> errors = new ArrayList<>(0);
    String scanned = text;
    if (text.length() > maxInputChars) {
      if (oversizeMode == OversizeMode.REJECT) {
        errors.add(new DetectorError(ENGINE_ID, "INPUT_TOO_LARGE", "", Action.BLOCK));
        GuardResult r = new GuardResult(Verdict.BLOCK, List.of(), blockMessage, text.length(), new String[0], new long[0], errors);
        notifyListener(r, "", errors);
        return r;
      }
      int cut = maxInputChars;
      if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
        cut--;
      }
      scanned = text.substring(0, cut);
      analyzed = analyzed == null ? null : analyzed.slice(0, cut);
      errors.add(new DetectorError(ENGINE_ID, "INPUT_TRUNCATED", "", Action.FLAG));
    }
    AnalyzedText at = analyzed != null ? analyzed : AnalyzedText.of(scanned);
    long[] timings = new long[entries.size()];
    java.util.Arrays.fill(timings, -1L);
    List<Finding> valid = new ArrayList<>();
    Instant deadline = ctx.deadlineOrNull();
    boolean async = executor != null && (detectorTimeout != null || deadline != null);
    if (async) {
      runAsync(at, ctx, deadline, timings, valid, errors);
    } else {
      Found found = new Found(); // the list is its own sink: no lambda per check
      for (int i = 0; i < entries.size(); i++) {
        Entry e = entries.get(i);
        long t0 = System.nanoTime();
        Throwable failure = null;
        try {
          e.detector().detect(at, ctx, found);
        } catch (Exception | StackOverflowError | LinkageError | AssertionError ex) { // Exception: also sneaky-thrown checked ones
          failure = ex;
        }
        timings[i] = System.nanoTime() - t0;
        collect(e, at, found, failure, valid, errors);
        found.clear();
      }
    }
    if (link && !valid.isEmpty()) {
      Linker.linkAll(valid, scanned, ctx, linkWindow); // after every detector, before the policy
    }
    // A clean check (no finding, no error) shares the immutable empty lists: its only
    // allocations are the analyzed text, the timings and the result.
    List<Decision> decisions = valid.isEmpty() ? List.of() : new ArrayList<>(valid.size());
    for (int i = 0; i < valid.size(); i++) {
      Finding f = valid.get(i);
      decisions.add(new Decision(f, Linker.decide(policy, echoAction, f, scanned, ctx)));
    }
    if (decisions.size() > 1) {
      decisions.sort(DECISION_ORDER);
    }
    Verdict verdict = verdictOf(decisions, errors);
    String safe = blockMessage;
    if (verdict != Verdict.BLOCK && decisionsOnly) {
      safe = ""; // a stream's partial scan: the stream redacts what it emits
    } else if (verdict != Verdict.BLOCK && decisions.isEmpty()) {
      safe = scanned; // nothing to redact (SafeText.apply would return it as well)
    } else if (verdict != Verdict.BLOCK) {
      try {
        safe = SafeText.apply(scanned, decisions, policy, new Redactor.Scope());
      } catch (Exception | StackOverflowError | LinkageError | AssertionError ex) { // a custom Redactor failed
        // Fail closed: the text cannot be shown unredacted, and there is no redacted form.
        DetectorError err = new DetectorError(ENGINE_ID, "REDACTION_FAILED", ex.getClass().getName(), Action.BLOCK);
        errors.add(err);
        reportFailure(err, "redactor failed ({} {}); answer blocked", err.kind(), err.errorClass());
        verdict = Verdict.BLOCK;
      }
    }
    GuardResult r = new GuardResult(verdict, decisions, safe, text.length(), ids, timings,
        errors.isEmpty() ? List.of() : errors);
    notifyListener(r, scanned, errors);
    return r;
  }

  /** Span order, then detector id: the order of {@link GuardResult#decisions()}. */
  private static final java.util.Comparator<Decision> DECISION_ORDER = (a, b) -> {
    int c = a.finding().span().compareTo(b.finding().span());
    return c != 0 ? c : a.finding().detector().compareTo(b.finding().detector());
  };

  /** The findings of one detector run: a list that is its own sink. */
  private static final class Found extends ArrayList<Finding> implements FindingSink {
    private static final long serialVersionUID = 1L;

    @Override
    public void accept(Finding finding) {
      add(finding);
    }
  }

  private void runAsync(
      AnalyzedText at,
      CheckContext ctx,
      Instant deadline,
      long[] timings,
      List<Finding> valid,
      List<DetectorError> errors) {
    List<Future<List<Finding>>> futures = new ArrayList<>(entries.size());
    long start = System.nanoTime();
    for (Entry e : entries) {
      try {
        futures.add(executor.submit(() -> {
          List<Finding> found = new ArrayList<>();
          e.detector().detect(at, ctx, found::add);
          return found;
        }));
      } catch (RejectedExecutionException ex) { // e.g. the caller's executor was shut down
        futures.add(CompletableFuture.failedFuture(ex));
      }
    }
    long budgetNanos = detectorTimeout == null ? Long.MAX_VALUE : detectorTimeout.toNanos();
    if (deadline != null) {
      long untilDeadline = Duration.between(Instant.now(), deadline).toNanos();
      budgetNanos = Math.min(budgetNanos, Math.max(0, untilDeadline));
    }
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      Future<List<Finding>> f = futures.get(i);
      List<Finding> found = List.of();
      Throwable failure = null;
      try {
        long left = budgetNanos - (System.nanoTime() - start);
        found = f.get(Math.max(0, left), TimeUnit.NANOSECONDS);
      } catch (TimeoutException ex) {
        f.cancel(true);
        timings[i] = System.nanoTime() - start;
        applyFailure(e, "TIMEOUT", "", errors);
        continue;
      } catch (ExecutionException ex) {
        failure = ex.getCause() == null ? ex : ex.getCause();
        if (failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError)) {
          throw (VirtualMachineError) failure;
        }
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        for (int j = i; j < entries.size(); j++) {
          futures.get(j).cancel(true);
          applyFailure(entries.get(j), "INTERRUPTED", "", errors);
        }
        return;
      }
      timings[i] = System.nanoTime() - start;
      collect(e, at, found, failure, valid, errors);
    }
  }

  /** Keeps a detector's findings whose spans fit the text (into {@code valid}), or records its failure. */
  private void collect(
      Entry e,
      AnalyzedText at,
      List<Finding> found,
      Throwable failure,
      List<Finding> valid,
      List<DetectorError> errors) {
    if (failure != null) {
      applyFailure(e, "EXCEPTION", failure.getClass().getName(), errors);
      return;
    }
    boolean invalid = false;
    String text = at.original();
    for (int i = 0; i < found.size(); i++) {
      Finding f = found.get(i);
      if (f == null || !f.span().fitsIn(text.length())) {
        invalid = true;
        continue;
      }
      valid.add(f);
    }
    if (invalid) {
      applyFailure(e, "INVALID_FINDING", "", errors);
    }
  }

  private void applyFailure(Entry e, String kind, String errorClass, List<DetectorError> errors) {
    Action a = e.failMode() == FailMode.CLOSED ? Action.BLOCK : Action.FLAG;
    DetectorError err = new DetectorError(e.detector().id(), kind, errorClass, a);
    errors.add(err);
    LOG.warn("detector {} failed ({}{}); fail mode {} applied", err.detector(), kind,
        errorClass.isEmpty() ? "" : " " + errorClass, e.failMode());
    notifyFailure(err);
  }

  private void reportFailure(DetectorError err, String format, Object... args) {
    LOG.warn(format, args);
    notifyFailure(err);
  }

  private void notifyFailure(DetectorError err) {
    try {
      listener.detectorFailed(err);
    } catch (RuntimeException ex) {
      LOG.warn("listener threw {} from detectorFailed; ignored", ex.getClass().getName());
    }
  }

  /**
   * Reports a result served from the cache: the same verdict, decisions and audit text as the
   * computed check, no timings (no detector ran), and {@code cacheHit} set. Cached results never
   * carry errors and are never truncated, so the audit text comes from the text itself.
   */
  private void notifyCacheHit(GuardResult hit, String text) {
    if (listener == GuardListener.NONE) {
      return;
    }
    try {
      String audit = hit.blocked() && hit.decisions().isEmpty() ? "" : SafeText.auditText(text, hit.decisions());
      listener.checkCompleted(new GuardListener.CheckEvent(
          hit.verdict(), hit.textLength(), hit.decisions(), audit, Map.of(), hit.errors(), true));
    } catch (RuntimeException ex) {
      LOG.warn("listener threw {} from checkCompleted; ignored", ex.getClass().getName());
    }
  }

  private void notifyListener(GuardResult r, String scanned, List<DetectorError> errors) {
    if (listener == GuardListener.NONE) {
      return;
    }
    try {
      String audit = r.blocked() && r.decisions().isEmpty() ? "" : SafeText.auditText(scanned, r.decisions());
      listener.checkCompleted(new GuardListener.CheckEvent(
          r.verdict(), r.textLength(), r.decisions(), audit, r.timings(), errors, false));
    } catch (RuntimeException ex) {
      LOG.warn("listener threw {} from checkCompleted; ignored", ex.getClass().getName());
    }
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Guardrail[detectors=[");
    for (int i = 0; i < entries.size(); i++) {
      b.append(i > 0 ? ", " : "").append(entries.get(i).detector().id());
    }
    return b.append("], policy=").append(policy).append(']').toString();
  }

  /**
   * Builds a {@link Guardrail}. Setters check their arguments and repeated detector ids;
   * {@link #build()} checks the combination and returns an immutable guardrail. Not thread-safe.
   */
  public static final class Builder {
    private final Map<String, Entry> entries = new LinkedHashMap<>();
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
      Objects.requireNonNull(detector, "detector");
      return add(detector, null);
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
      Objects.requireNonNull(detector, "detector");
      Objects.requireNonNull(failMode, "failMode");
      return add(detector, failMode);
    }

    private Builder add(Detector detector, FailMode mode) {
      String id = detector.id();
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("detector id must not be blank: " + detector.getClass().getName());
      }
      if (entries.containsKey(id)) {
        throw new IllegalArgumentException("detector '" + id + "' was already added");
      }
      entries.put(id, new Entry(detector, null));
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
     * a task it rejects is an {@code EXCEPTION} error of that detector, its fail mode applied).
     * Checks without time bounds always run on the calling thread. The guardrail does not shut
     * the executor down. An abandoned detector keeps its thread until it returns (Java cannot
     * stop a thread that ignores interrupts): give untrusted detectors an executor of their own.
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
     * Sets how far, in chars, other personal data (an email, a phone or card number, an ID, an
     * address, a date of birth: any other PII finding) may be from a PERSON finding to make it
     * {@link Finding#LINKED}: an identifiable person rather than a bare name. The engine links
     * once, after every detector ran and before the policy decides. {@value dev.guardrails.internal.Linker#DEFAULT_WINDOW} by default; 0 turns
     * linking off. A streaming guard holds a name back until this much text after it settled.
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
     * Caches results of up to about {@code maxEntries} distinct (text, context) pairs, holding at
     * most {@value #DEFAULT_CACHE_BUDGET_CHARS} chars (16 Mi, at most 32 MB of UTF-16 text)
     * together; same as {@code cache(maxEntries, DEFAULT_CACHE_BUDGET_CHARS)}. Off by default.
     *
     * @param maxEntries the maximum number of cached results, {@code >= 1}
     * @return this builder
     * @see #cache(long, long)
     */
    public Builder cache(long maxEntries) {
      return cache(maxEntries, DEFAULT_CACHE_BUDGET_CHARS);
    }

    /**
     * Caches results (Caffeine, weighted): up to about {@code maxEntries} distinct (text, context)
     * pairs whose texts, safe texts, prompts, sources and user values hold at most
     * {@code budgetChars} chars together. A result heavier than the whole budget is not cached, so
     * one huge text never pushes out many small ones. The key ignores
     * {@link CheckContext#deadline()}: checks of the same text and context with different deadlines
     * share one entry. Results with errors (a timeout, a crash) are not cached, so a transient
     * failure is retried on the next check. Each copy made by {@link Guardrail#only} has a cache of
     * its own with the same bounds. Off by default.
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
      for (Map.Entry<String, Entry> e : entries.entrySet()) {
        FailMode mode = explicitFailModes.getOrDefault(e.getKey(), defaultFailMode);
        e.setValue(new Entry(e.getValue().detector(), mode));
      }
      if (executor == null) {
        executor = DetectorPool.shared();
      }
      return new Guardrail(this);
    }
  }
}
