package dev.guardrails;

import dev.guardrails.text.AnalyzedText;
import dev.guardrails.text.CharClass;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine (the shape of OkHttp's {@code RealCall} under {@code OkHttpClient}): runs the
 * detectors over an {@link AnalyzedText}, keeps the findings that fit the text, applies the fail
 * modes, links names to nearby personal data, lets the {@link Policy} decide, writes the safe text
 * and tells the listener. {@link Guardrail#check} runs it once per text; a
 * {@link dev.guardrails.stream.GuardedStream} runs its {@linkplain #partialScans() partial-scan
 * form} over windows of the stream and completes the answer with the same {@linkplain #verdictOf
 * verdict rule} and {@linkplain #redact redaction}. Not part of the public API.
 *
 * <p><b>Thread safety:</b> immutable; one instance serves any number of threads.
 */
final class Pipeline {

  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  /**
   * One detector with its fail mode.
   *
   * @param detector the detector
   * @param failMode what its failure does
   */
  public record Stage(Detector detector, FailMode failMode) {
    /** Creates a stage; both components are required. */
    public Stage {
      Objects.requireNonNull(detector, "detector");
      Objects.requireNonNull(failMode, "failMode");
    }
  }

  /** Span order, then detector id: the order of {@link GuardResult#decisions()}. */
  public static final Comparator<Decision> DECISION_ORDER = (a, b) -> {
    int c = a.finding().span().compareTo(b.finding().span());
    return c != 0 ? c : a.finding().detector().compareTo(b.finding().detector());
  };

  /** The verdict of a check with no decision and no error: {@link #verdictOf} of two empty lists. */
  private static final Verdict CLEAN = Verdict.of(Action.ALLOW);

  private final List<Stage> stages;
  private final String[] ids;
  /** Per stage, the {@link CharClass} mask of its {@link Detector#triggers()}; 0 runs it on every text. */
  private final int[] triggers;
  private final Policy policy;
  /** Guarded (see {@link GuardedListener}), or {@link GuardListener#NONE}. */
  private final GuardListener listener;
  private final Duration detectorTimeout;
  private final ExecutorService executor;
  private final String blockMessage;
  private final Action echoAction;
  private final int linkWindow;
  private final int maxInputChars;
  private final OversizeMode oversizeMode;
  /** True for a stream's partial scans: no linking (the stream links), no safe text, no listener. */
  private final boolean partial;
  /** What every stream of this pipeline derives from it; built on the first stream. */
  private volatile StreamRun.Plan streamPlan;

  /**
   * Creates a pipeline.
   *
   * @param stages the detectors in order, at least one
   * @param policy the policy
   * @param listener the listener (guarded here)
   * @param detectorTimeout each detector's budget, or null
   * @param executor runs time-bounded detectors
   * @param blockMessage the safe text of a blocked answer
   * @param echoAction the action on PII the user supplied
   * @param linkWindow the linking window, 0 for none
   * @param maxInputChars the input limit
   * @param oversizeMode what happens past it
   */
  public Pipeline(List<Stage> stages, Policy policy, GuardListener listener, Duration detectorTimeout,
      ExecutorService executor, String blockMessage, Action echoAction, int linkWindow, int maxInputChars,
      OversizeMode oversizeMode) {
    this(stages, policy, GuardedListener.of(listener), detectorTimeout, executor, blockMessage, echoAction,
        linkWindow, maxInputChars, oversizeMode, false);
  }

  private Pipeline(List<Stage> stages, Policy policy, GuardListener listener, Duration detectorTimeout,
      ExecutorService executor, String blockMessage, Action echoAction, int linkWindow, int maxInputChars,
      OversizeMode oversizeMode, boolean partial) {
    this.stages = List.copyOf(stages);
    this.ids = new String[this.stages.size()];
    this.triggers = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      Detector d = this.stages.get(i).detector();
      ids[i] = d.id();
      triggers[i] = CharClass.mask(Objects.requireNonNull(d.triggers(), "triggers() of detector " + ids[i]));
    }
    this.policy = Objects.requireNonNull(policy, "policy");
    this.listener = listener;
    this.detectorTimeout = detectorTimeout;
    this.executor = executor;
    this.blockMessage = blockMessage;
    this.echoAction = echoAction;
    this.linkWindow = linkWindow;
    this.maxInputChars = maxInputChars;
    this.oversizeMode = oversizeMode;
    this.partial = partial;
  }

  private Pipeline with(List<Stage> kept, GuardListener l, boolean partialScans) {
    return new Pipeline(kept, policy, l, detectorTimeout, executor, blockMessage, echoAction, linkWindow,
        maxInputChars, oversizeMode, partialScans);
  }

  /**
   * Returns the pipeline of the detectors {@code keep} accepts, in the same order, with everything
   * else the same.
   *
   * @param keep selects detectors
   * @return the new pipeline
   * @throws IllegalArgumentException if {@code keep} accepts none
   */
  public Pipeline only(Predicate<? super Detector> keep) {
    Objects.requireNonNull(keep, "keep");
    List<Stage> kept = new ArrayList<>();
    for (Stage s : stages) {
      if (keep.test(s.detector())) {
        kept.add(s);
      }
    }
    if (kept.isEmpty()) {
      throw new IllegalArgumentException("the predicate accepts none of the detectors " + List.of(ids));
    }
    return with(kept, listener, partial);
  }

  /**
   * Returns the form a stream's partial scans use: same detectors, policy and fail modes; no
   * listener (the stream reports once for the whole answer), no linking (the stream links the
   * findings of all its scans) and no safe text (the stream redacts what it emits).
   *
   * @return the partial-scan pipeline
   */
  public Pipeline partialScans() {
    return with(stages, GuardListener.NONE, true);
  }

  /**
   * Returns the plan of this pipeline's streams (partial-scan form, detector groups), built on the
   * first call: the same for every stream, so opening one builds no pipeline.
   *
   * @return the plan
   */
  StreamRun.Plan streamPlan() {
    StreamRun.Plan p = streamPlan;
    if (p == null) {
      p = StreamRun.Plan.of(this);
      streamPlan = p; // a racy fill is benign: every thread builds an equal, immutable plan
    }
    return p;
  }

  /** Returns the id of the detector at {@code i} in pipeline order. */
  String id(int i) {
    return ids[i];
  }

  /** Returns the detectors in order. */
  public List<Detector> detectors() {
    List<Detector> out = new ArrayList<>(stages.size());
    for (Stage s : stages) {
      out.add(s.detector());
    }
    return Collections.unmodifiableList(out);
  }

  /** Returns the policy. */
  public Policy policy() {
    return policy;
  }

  /** Returns the guarded listener, or {@link GuardListener#NONE}. */
  public GuardListener listener() {
    return listener;
  }

  /** Returns the safe text of a blocked answer. */
  public String blockMessage() {
    return blockMessage;
  }

  /** Returns the action on PII the user supplied. */
  public Action echoAction() {
    return echoAction;
  }

  /** Returns the linking window, 0 when off. */
  public int linkWindow() {
    return linkWindow;
  }

  /** Returns the input limit in chars. */
  public int maxInputChars() {
    return maxInputChars;
  }

  /** Returns what happens past the input limit. */
  public OversizeMode oversizeMode() {
    return oversizeMode;
  }

  /**
   * The verdict rule, the only one: the strongest action among the decisions and the errors.
   *
   * @param decisions the decisions
   * @param errors the detector and engine errors
   * @return the verdict
   */
  public static Verdict verdictOf(List<Decision> decisions, List<DetectorError> errors) {
    Action strongest = Action.ALLOW;
    for (int i = 0; i < decisions.size(); i++) {
      strongest = strongest.max(decisions.get(i).action());
    }
    for (int i = 0; i < errors.size(); i++) {
      strongest = strongest.max(errors.get(i).action());
    }
    return Verdict.of(strongest);
  }

  /**
   * Checks a text.
   *
   * @param text the text
   * @param analyzed its analysis, or null to analyze it here
   * @param ctx the context
   * @return the result; never throws for a detector's failure
   */
  public GuardResult run(String text, AnalyzedText analyzed, CheckContext ctx) {
    Found found = new Found(); // the check's findings and (created on the first) errors
    String scanned = text;
    if (text.length() > maxInputChars) {
      if (oversizeMode == OversizeMode.REJECT) {
        found.errors().add(new DetectorError(Guardrail.ENGINE_ID, "INPUT_TOO_LARGE", "", Action.BLOCK));
        return completed(Verdict.BLOCK, List.of(), blockMessage, text.length(), new long[0], found.errorsOrEmpty(), "");
      }
      int cut = maxInputChars;
      if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
        cut--;
      }
      scanned = text.substring(0, cut);
      analyzed = analyzed == null ? null : analyzed.slice(0, cut);
      found.errors().add(new DetectorError(Guardrail.ENGINE_ID, "INPUT_TRUNCATED", "", Action.FLAG));
    }
    AnalyzedText at = analyzed != null ? analyzed : AnalyzedText.of(scanned);
    long[] timings = new long[ids.length]; // runHere sets every slot; runAsync fills them with -1 first
    Instant deadline = executor == null ? null : ctx.deadlineOrNull();
    if (executor != null && (detectorTimeout != null || deadline != null)) {
      runAsync(at, ctx, deadline, timings, found);
    } else {
      runHere(at, ctx, timings, found);
    }
    if (found.isEmpty() && found.errors == null) {
      // A clean check (no finding, no error): nothing to link, decide or redact; it shares the
      // immutable empty lists, and allocates only the analyzed text, the sink, the timings and the result.
      return completed(CLEAN, List.of(), partial ? "" : scanned, text.length(), timings, List.of(), scanned);
    }
    if (!partial && !found.isEmpty()) {
      Linker.linkAll(found, scanned, ctx, linkWindow); // after every detector, before the policy
    }
    List<Decision> decisions = found.isEmpty() ? List.of() : new ArrayList<>(found.size());
    for (int i = 0; i < found.size(); i++) {
      Finding f = found.get(i);
      decisions.add(new Decision(f, Linker.decide(policy, echoAction, f, scanned, ctx)));
    }
    if (decisions.size() > 1) {
      decisions.sort(DECISION_ORDER);
    }
    Verdict verdict = verdictOf(decisions, found.errorsOrEmpty());
    String safe = blockMessage;
    if (verdict != Verdict.BLOCK && partial) {
      safe = ""; // a stream's partial scan: the stream redacts what it emits
    } else if (verdict != Verdict.BLOCK && !decisions.isEmpty()) {
      safe = redactAll(scanned, decisions, found.errors());
      verdict = safe == null ? Verdict.BLOCK : verdict;
      safe = safe == null ? blockMessage : safe;
    } else if (verdict != Verdict.BLOCK) {
      safe = scanned; // nothing to redact
    }
    return completed(verdict, decisions, safe, text.length(), timings, found.errorsOrEmpty(), scanned);
  }

  private GuardResult completed(Verdict verdict, List<Decision> decisions, String safe, int length, long[] timings,
      List<DetectorError> errors, String scanned) {
    String[] names = timings.length == 0 ? new String[0] : ids;
    GuardResult r = new GuardResult(verdict, decisions, safe, length, names, timings, errors);
    report(r, scanned, errors, false);
    return r;
  }

  /**
   * Reports a result served from a cache: the same verdict, decisions and audit text as the
   * computed check, no timings (no detector ran), and {@code cacheHit} set. Cached results never
   * carry errors and are never truncated, so the audit text comes from the text itself.
   *
   * @param hit the cached result
   * @param text the checked text
   */
  public void cacheHit(GuardResult hit, String text) {
    report(hit, text, hit.errors(), true);
  }

  /** Tells the listener; a cache hit has no timings (no detector ran). */
  private void report(GuardResult r, String text, List<DetectorError> errors, boolean cacheHit) {
    if (listener == GuardListener.NONE) {
      return;
    }
    try {
      String audit = r.blocked() && r.decisions().isEmpty() ? "" : SafeText.auditText(text, r.decisions());
      listener.checkCompleted(new GuardListener.CheckEvent(
          r.verdict(), r.textLength(), r.decisions(), audit, cacheHit ? Map.of() : r.timings(), errors, cacheHit));
    } catch (RuntimeException ex) { // building the event; the listener's own exceptions are guarded
      LOG.warn("audit event failed ({}); not reported", ex.getClass().getName());
    }
  }

  /**
   * The redaction of a whole text: every REDACT cluster replaced through {@link #redact}.
   *
   * @return the safe text, or null when a redactor failed (its error recorded)
   */
  private String redactAll(String text, List<Decision> decisions, List<DetectorError> errors) {
    if (decisions.isEmpty()) {
      return text; // nothing to redact
    }
    List<List<Finding>> clusters = SafeText.redactionClusters(decisions);
    if (clusters.isEmpty()) {
      return text;
    }
    Redactor.Scope scope = new Redactor.Scope();
    StringBuilder b = new StringBuilder(text.length());
    int pos = 0;
    for (List<Finding> c : clusters) {
      String replacement = redact(text, c, scope, errors);
      if (replacement == null) {
        return null;
      }
      b.append(text, pos, SafeText.start(c)).append(replacement);
      pos = SafeText.end(c);
    }
    return b.append(text, pos, text.length()).toString();
  }

  /**
   * Returns the replacement of one redaction cluster, the one place where whole texts and streams
   * redact. A redactor that throws (or returns null) fails closed: a {@code REDACTION_FAILED}
   * error (BLOCK) is added to {@code errors} and reported, and null returned.
   *
   * @param text the text the cluster's spans index
   * @param cluster a cluster of {@link SafeText#redactionClusters}, best finding first
   * @param scope the answer's redaction state (numbered tags)
   * @param errors where the failure is recorded
   * @return the replacement, or null when the redactor failed
   */
  public String redact(CharSequence text, List<Finding> cluster, Redactor.Scope scope, List<DetectorError> errors) {
    try {
      return SafeText.replacement(text, cluster, policy, scope);
    } catch (Exception | StackOverflowError | LinkageError | AssertionError ex) { // a custom Redactor failed
      // Fail closed: the text cannot be shown unredacted, and there is no redacted form.
      DetectorError err = new DetectorError(Guardrail.ENGINE_ID, "REDACTION_FAILED", ex.getClass().getName(), Action.BLOCK);
      errors.add(err);
      LOG.warn("redactor failed ({} {}); answer blocked", err.kind(), err.errorClass());
      listener.detectorFailed(err);
      return null;
    }
  }

  /**
   * Runs every detector on the calling thread, each appending to {@code found}. One clock read per
   * detector while all goes well: each one's end is the next one's start (the few nanoseconds of
   * checking a detector's findings count to the next detector).
   */
  private void runHere(AnalyzedText at, CheckContext ctx, long[] timings, Found found) {
    long t0 = 0;
    boolean clock = false; // read before the first detector that runs: none when all are skipped
    for (int i = 0; i < stages.size(); i++) {
      if (skips(i, at)) {
        timings[i] = 0;
        continue;
      }
      if (!clock) {
        t0 = System.nanoTime();
        clock = true;
      }
      Stage s = stages.get(i);
      int mark = found.size();
      Throwable failure = null;
      try {
        s.detector().detect(at, ctx, found);
      } catch (Exception | StackOverflowError | LinkageError | AssertionError ex) { // Exception: also sneaky-thrown checked ones
        failure = ex;
      }
      long t1 = System.nanoTime();
      timings[i] = t1 - t0;
      t0 = t1;
      collect(s, at, found, mark, failure);
      if (found.errors != null) {
        t0 = System.nanoTime(); // a failure was logged and reported: not the next detector's time
      }
    }
  }

  /** True when stage {@code i} has triggers and {@code at} holds none of them: it cannot find anything there. */
  private boolean skips(int i, AnalyzedText at) {
    int t = triggers[i];
    return t != 0 && (at.charClasses() & t) == 0;
  }

  /**
   * The findings of one check, in detector order: a list that is its own sink (no lambda, no
   * second list per check), and the check's errors, created on the first one so a clean check
   * allocates no error list.
   */
  private static final class Found extends ArrayList<Finding> implements FindingSink {
    private static final long serialVersionUID = 1L;
    private List<DetectorError> errors;

    Found() {
      super(0); // shares the JDK's empty array until the first finding
    }

    @Override
    public void accept(Finding finding) {
      add(finding);
    }

    /** Drops the findings from {@code from} on. */
    void truncate(int from) {
      removeRange(from, size());
    }

    /** Returns the error list, created on first use. */
    List<DetectorError> errors() {
      if (errors == null) {
        errors = new ArrayList<>(2);
      }
      return errors;
    }

    /** Returns the errors, or the shared empty list when there are none. */
    List<DetectorError> errorsOrEmpty() {
      return errors == null || errors.isEmpty() ? List.of() : errors;
    }
  }

  private void runAsync(AnalyzedText at, CheckContext ctx, Instant deadline, long[] timings, Found all) {
    List<DetectorError> errors = all.errors(); // the time-bounded path: allocation is not its concern
    Arrays.fill(timings, -1L); // a detector left unfinished (interrupted) reports no time
    List<Future<List<Finding>>> futures = new ArrayList<>(stages.size());
    long start = System.nanoTime();
    for (int i = 0; i < stages.size(); i++) {
      Stage s = stages.get(i);
      if (skips(i, at)) {
        futures.add(CompletableFuture.completedFuture(List.of()));
        continue;
      }
      try {
        futures.add(executor.submit(() -> {
          List<Finding> found = new ArrayList<>();
          s.detector().detect(at, ctx, found::add);
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
    for (int i = 0; i < stages.size(); i++) {
      Stage s = stages.get(i);
      if (skips(i, at)) {
        timings[i] = 0;
        continue;
      }
      Future<List<Finding>> f = futures.get(i);
      List<Finding> found = List.of();
      Throwable failure = null;
      try {
        long left = budgetNanos - (System.nanoTime() - start);
        found = f.get(Math.max(0, left), TimeUnit.NANOSECONDS);
      } catch (TimeoutException ex) {
        f.cancel(true);
        timings[i] = System.nanoTime() - start;
        applyFailure(s, "TIMEOUT", "", errors);
        continue;
      } catch (ExecutionException ex) {
        failure = ex.getCause() == null ? ex : ex.getCause();
        if (failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError)) {
          throw (VirtualMachineError) failure;
        }
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        for (int j = i; j < stages.size(); j++) {
          futures.get(j).cancel(true);
          applyFailure(stages.get(j), "INTERRUPTED", "", errors);
        }
        return;
      }
      timings[i] = System.nanoTime() - start;
      int mark = all.size();
      if (failure == null) {
        all.addAll(found);
      }
      collect(s, at, all, mark, failure);
    }
  }

  /**
   * Keeps the findings one detector appended to {@code found} from {@code mark} on whose spans fit
   * the text, in order; drops them all and records the failure when the detector threw.
   */
  private void collect(Stage s, AnalyzedText at, Found found, int mark, Throwable failure) {
    if (failure != null) {
      found.truncate(mark);
      applyFailure(s, "EXCEPTION", failure.getClass().getName(), found.errors());
      return;
    }
    int length = at.original().length();
    int kept = mark;
    for (int i = mark; i < found.size(); i++) {
      Finding f = found.get(i);
      if (f != null && f.span().fitsIn(length)) {
        found.set(kept++, f);
      }
    }
    if (kept < found.size()) {
      found.truncate(kept);
      applyFailure(s, "INVALID_FINDING", "", found.errors());
    }
  }

  private void applyFailure(Stage s, String kind, String errorClass, List<DetectorError> errors) {
    Action a = s.failMode() == FailMode.CLOSED ? Action.BLOCK : Action.FLAG;
    DetectorError err = new DetectorError(s.detector().id(), kind, errorClass, a);
    errors.add(err);
    LOG.warn("detector {} failed ({}{}); fail mode {} applied", err.detector(), kind,
        errorClass.isEmpty() ? "" : " " + errorClass, s.failMode());
    listener.detectorFailed(err);
  }

  @Override
  public String toString() {
    return "Pipeline" + describe();
  }

  /**
   * Returns {@code [detectors=[ids], policy=...]}: ids and the policy, never text.
   *
   * @return the description
   */
  public String describe() {
    StringBuilder b = new StringBuilder("[detectors=[");
    for (int i = 0; i < ids.length; i++) {
      b.append(i > 0 ? ", " : "").append(ids[i]);
    }
    return b.append("], policy=").append(policy).append(']').toString();
  }
}
