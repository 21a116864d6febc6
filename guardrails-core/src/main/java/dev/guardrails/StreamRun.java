package dev.guardrails;

import dev.guardrails.internal.StreamEngine;
import dev.guardrails.text.AnalyzedText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * The engine's side of one streamed answer, behind the public {@code stream.GuardedStream} (which
 * documents the behaviour: what is held back, equivalence with {@code check}, the input limit,
 * BLOCK). Runs the pipeline's partial-scan form over the windows each group of detectors has not
 * settled, links names, redacts through {@link Pipeline#redact} and completes the answer with the
 * pipeline's verdict rule. Reached from the stream package through
 * {@link dev.guardrails.internal.EngineAccess}. Not part of the public API.
 *
 * <p><b>Thread safety:</b> not thread-safe; one producer per stream.
 */
final class StreamRun implements StreamEngine<GuardResult> {

  private enum State { OPEN, BLOCKED, COMPLETED, CANCELLED }

  /**
   * Detectors scanned together over one range (see {@link #partition}): the stream's state of one
   * {@link Group}.
   */
  private static final class Part {
    final Pipeline engine;
    final int window;
    final boolean sentences;
    final int detectors;
    /** Every finding of this part starting before it is final and in {@link #known} or committed. */
    int settled;
    /** Final decisions starting at or after the emission point, in stream coordinates. */
    final List<Decision> known = new ArrayList<>();
    /** Per detector of {@link #engine}, the summed nanos of its runs; -1 until it reports one. */
    final long[] nanos;

    Part(Group g) {
      this.engine = g.engine();
      this.window = g.window();
      this.sentences = g.sentences();
      this.detectors = g.detectors();
      this.nanos = new long[g.detectors()];
      java.util.Arrays.fill(nanos, -1L);
    }
  }

  /**
   * The immutable part of a {@link Part}, the same for every stream of a pipeline.
   *
   * @param engine the partial-scan pipeline of the group's detectors
   * @param window the largest window among them
   * @param sentences true for the sentence-scoped group
   * @param detectors how many detectors it runs
   */
  record Group(Pipeline engine, int window, boolean sentences, int detectors) {}

  /**
   * What every stream of a pipeline derives from it alone: its partial-scan form, the detector
   * groups, the largest window. Built on a pipeline's first stream and kept by the pipeline
   * ({@link Pipeline#streamPlan}), so opening a stream builds no pipelines.
   *
   * @param engine the partial-scan form
   * @param groups the detector groups in scan order
   * @param window the largest window
   * @param sentenceScoped true when a detector is sentence-scoped
   */
  record Plan(Pipeline engine, List<Group> groups, int window, boolean sentenceScoped) {
    static Plan of(Pipeline pipeline) {
      Pipeline engine = pipeline.partialScans();
      int w = 1;
      boolean sentences = false;
      for (Detector d : engine.detectors()) {
        w = Math.max(w, d.window());
        sentences |= d.sentenceScoped();
      }
      return new Plan(engine, partition(engine), w, sentences);
    }
  }

  /** The guardrail's pipeline: its listener gets the stream's events, and it redacts. */
  private final Pipeline pipeline;
  /** Its partial-scan form (no listener, no linking, no safe text). */
  private final Pipeline engine;
  private final GuardListener listener;
  private final String blockMessage;
  private final CheckContext ctx;
  private final int window;
  private final int hold;
  private final int maxHold;
  private final int minStep;
  private final boolean sentenceScoped;
  private final long maxHoldNanos;

  private final List<Part> parts;
  private final int detectorCount;
  private final StringBuilder buf = new StringBuilder();
  private final StringBuilder shown = new StringBuilder();
  private final Redactor.Scope scope = new Redactor.Scope();
  private final List<Decision> committed = new ArrayList<>();
  /** Committed findings that may still link a name not yet emitted (see {@link Linker}). */
  private final List<Finding> recentLinkers = new ArrayList<>();
  private final int linkWindow;
  private final List<DetectorError> errors = new ArrayList<>(0);
  private final int maxInput;
  private final OversizeMode oversizeMode;
  private long received;
  private boolean truncated;
  private int emitted;
  private int nextScanAt;
  private long lastEmitNanos;
  private int scans;
  private long scannedChars;
  private State state = State.OPEN;
  /** What was shown, set by {@link #complete()} (one copy for the result and {@link #shown()}). */
  private String shownText;
  /** The result of the whole answer, set by {@link #complete()}. */
  private GuardResult result;

  /**
   * Opens the engine's side of a stream.
   *
   * @param pipeline the guardrail's pipeline
   * @param ctx the context of the answer
   * @param maxHoldOf the options' hold-back for a pipeline's largest window
   * @param firstScanOf the options' first re-check point for a pipeline's largest window
   * @param maxHoldNanos the options' hold time in nanos, 0 when only the char limit applies
   */
  StreamRun(Pipeline pipeline, CheckContext ctx, IntUnaryOperator maxHoldOf, IntUnaryOperator firstScanOf,
      long maxHoldNanos) {
    this.pipeline = pipeline;
    Plan plan = pipeline.streamPlan();
    this.engine = plan.engine();
    this.listener = pipeline.listener();
    this.blockMessage = pipeline.blockMessage();
    this.ctx = ctx;
    this.maxInput = engine.maxInputChars();
    this.oversizeMode = engine.oversizeMode();
    int w = plan.window();
    this.window = w;
    this.sentenceScoped = plan.sentenceScoped();
    List<Part> ps = new ArrayList<>(plan.groups().size());
    for (Group g : plan.groups()) {
      ps.add(new Part(g));
    }
    this.parts = ps;
    this.detectorCount = engine.detectors().size();
    this.maxHold = maxHoldOf.applyAsInt(w);
    this.minStep = Math.max(1, maxHold / 4);
    this.hold = Math.min(window, maxHold - minStep);
    this.linkWindow = engine.linkWindow();
    this.maxHoldNanos = maxHoldNanos;
    this.nextScanAt = firstScanOf.applyAsInt(w);
    this.lastEmitNanos = maxHoldNanos > 0 ? System.nanoTime() : 0L;
  }

  /**
   * Groups the detectors: the sentence-scoped ones (they read from a sentence start), then all
   * others over one range sized by the largest window among them. One range for all windowed
   * detectors lets them share the slice's analyses ({@link AnalyzedText#analysis}: the name and
   * address detectors share the address spans, which each group of a per-window split computed
   * again); on the default pipeline that saves more than the narrow detectors' longer re-reads cost.
   */
  private static List<Group> partition(Pipeline engine) {
    Map<Integer, List<Detector>> classes = new java.util.TreeMap<>();
    for (Detector d : engine.detectors()) {
      int key = d.sentenceScoped() ? -1 : 0;
      classes.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
    }
    List<Group> parts = new ArrayList<>(classes.size());
    for (Map.Entry<Integer, List<Detector>> c : classes.entrySet()) {
      List<Detector> members = c.getValue();
      int w = 1;
      for (Detector d : members) {
        w = Math.max(w, d.window());
      }
      Pipeline sub = classes.size() == 1 ? engine : engine.only(d -> containsSame(members, d));
      parts.add(new Group(sub, w, c.getKey() < 0, members.size()));
    }
    return List.copyOf(parts);
  }

  private static boolean containsSame(List<Detector> members, Detector d) {
    for (Detector m : members) {
      if (m == d) {
        return true;
      }
    }
    return false;
  }

  /**
   * Takes the next chunk of the answer and returns the text that is now safe to show (often empty:
   * text is released in batches).
   *
   * @param chunk the next chunk, possibly empty
   * @return the text to append to what was shown; empty once blocked
   * @throws IllegalStateException after {@link #complete()} or {@link #cancel()}
   */
  @Override
  public String accept(CharSequence chunk) {
    Objects.requireNonNull(chunk, "chunk");
    requireOpen("accept()");
    received += chunk.length();
    if (state == State.BLOCKED || truncated) {
      return "";
    }
    if (buf.length() + chunk.length() > maxInput && !admitOversize(chunk)) {
      return "";
    }
    if (!truncated) {
      buf.append(chunk);
    }
    int end = buf.length();
    if (end >= nextScanAt) {
      return scan(false, false);
    }
    if (maxHoldNanos > 0 && end - emitted > hold && System.nanoTime() - lastEmitNanos >= maxHoldNanos) {
      return scan(false, true);
    }
    return "";
  }

  /**
   * Applies the guardrail's input limit ({@link OversizeMode}) to a chunk that would
   * cross it, exactly as {@code check} treats a text that long: REJECT blocks the stream with an
   * {@code INPUT_TOO_LARGE} error; TRUNCATE_AND_FLAG keeps the chars up to the limit (never
   * splitting a surrogate pair), ignores everything after, and flags with {@code INPUT_TRUNCATED}.
   *
   * @return false when the stream was blocked
   */
  private boolean admitOversize(CharSequence chunk) {
    if (oversizeMode == OversizeMode.REJECT) {
      DetectorError err = new DetectorError(Guardrail.ENGINE_ID, "INPUT_TOO_LARGE", "", Action.BLOCK);
      errors.add(err);
      listener.detectorFailed(err);
      state = State.BLOCKED;
      return false;
    }
    int cut = maxInput - buf.length();
    if (cut > 0 && Character.isHighSurrogate(chunk.charAt(cut - 1))) {
      cut--;
    }
    buf.append(chunk, 0, cut);
    truncated = true;
    DetectorError err = new DetectorError(Guardrail.ENGINE_ID, "INPUT_TRUNCATED", "", Action.FLAG);
    errors.add(err);
    listener.detectorFailed(err);
    return true;
  }

  /**
   * Ends the answer: checks the held tail and returns it; the result of the whole answer is then
   * {@link #result()}.
   *
   * @return the rest to show
   * @throws IllegalStateException if called twice or after {@link #cancel()}
   */
  @Override
  public String complete() {
    requireOpen("complete()");
    String rest = state == State.OPEN ? scan(true, false) : "";
    boolean blocked = state == State.BLOCKED;
    state = State.COMPLETED;
    List<Decision> decisions = new ArrayList<>(committed);
    decisions.sort(Pipeline.DECISION_ORDER);
    Verdict verdict = blocked ? Verdict.BLOCK : Pipeline.verdictOf(decisions, errors);
    shownText = shown.toString(); // nothing is appended after complete()
    String safe = verdict == Verdict.BLOCK ? blockMessage : shownText;
    int length = (int) Math.min(Integer.MAX_VALUE, received);
    Map<String, Duration> timings = timings();
    result = new GuardResult(verdict, decisions, safe, length, timings, errors);
    if (listener != GuardListener.NONE) {
      listener.checkCompleted(new GuardListener.CheckEvent(verdict, length, decisions,
          SafeText.auditText(buf.toString(), decisions), timings, errors));
    }
    return rest;
  }

  /**
   * Returns the result of the whole answer: {@code safeText()} is everything shown, or the block
   * message when blocked.
   *
   * @return the result
   * @throws IllegalStateException before {@link #complete()}
   */
  @Override
  public GuardResult result() {
    if (result == null) {
      throw new IllegalStateException("result() before complete(); complete the stream first");
    }
    return result;
  }

  /**
   * Returns everything this stream emitted so far.
   *
   * @return the emitted text
   */
  @Override
  public String shown() {
    return shownText != null ? shownText : shown.toString();
  }

  /**
   * Abandons the stream (the user went away, the model call failed). Idempotent; later
   * {@link #accept} or {@link #complete()} calls throw.
   */
  @Override
  public void cancel() {
    if (state != State.COMPLETED) {
      state = State.CANCELLED;
    }
  }

  /**
   * Returns true once a BLOCK decision (or a fail-closed detector error) stopped emission.
   *
   * @return whether the stream is blocked
   */
  @Override
  public boolean isBlocked() {
    return state == State.BLOCKED || (state == State.COMPLETED && blockedAtEnd());
  }

  private boolean blockedAtEnd() {
    for (Decision d : committed) {
      if (d.action().effect() == Action.Effect.WITHHOLD_ANSWER) {
        return true;
      }
    }
    for (DetectorError e : errors) {
      if (e.action().effect() == Action.Effect.WITHHOLD_ANSWER) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns how many received chars are not yet emitted.
   *
   * @return the held-back length
   */
  @Override
  public int pendingChars() {
    return buf.length() - emitted;
  }

  /**
   * Returns the look-back this stream keeps before the end of the received text, in chars: the
   * pipeline's largest window, capped by the options.
   *
   * @return the hold-back
   */
  @Override
  public int holdback() {
    return hold;
  }

  /**
   * Returns how many times the stream ran the detectors so far.
   *
   * @return the number of scans
   */
  @Override
  public int scans() {
    return scans;
  }

  /**
   * Returns how many chars the detectors scanned so far, context included, averaged over the
   * detectors (each scan of a range counts its length times the detectors that read it, divided by
   * the pipeline's detector count), so one {@code check} of a text scores its length.
   *
   * @return chars scanned
   */
  @Override
  public long scannedChars() {
    return scannedChars;
  }

  @Override
  public String toString() {
    return "GuardedStream[state=" + state + ", received=" + buf.length() + ", emitted=" + emitted
        + ", holdback=" + hold + ", scans=" + scans + "]";
  }

  /**
   * Each detector's time summed over the scans that ran it, in scan order (the order in which
   * every detector first reported); a detector no scan ran is left out.
   */
  private Map<String, Duration> timings() {
    Map<String, Duration> out = new LinkedHashMap<>();
    for (Part part : parts) {
      for (int i = 0; i < part.nanos.length; i++) {
        if (part.nanos[i] >= 0) {
          out.put(part.engine.id(i), Duration.ofNanos(part.nanos[i]));
        }
      }
    }
    return out;
  }

  private void requireOpen(String call) {
    if (state == State.COMPLETED) {
      throw new IllegalStateException(call + " after complete(); open a new stream with GuardedStream.open(guard, ctx) for the next answer");
    }
    if (state == State.CANCELLED) {
      throw new IllegalStateException(call + " after cancel(); open a new stream with GuardedStream.open(guard, ctx) for the next answer");
    }
  }

  /** Re-checks what each group of detectors has not settled and emits what can no longer change. */
  private String scan(boolean fin, boolean timeForced) {
    int end = buf.length();
    int limit = fin ? end : emissionLimit(end, timeForced);
    scans++;
    List<Decision> open = new ArrayList<>();
    if (!rescan(fin, end, limit, open)) {
      return block(open);
    }
    int p = limit;
    int settledAll = limit;
    for (Part part : parts) {
      if (!part.sentences) {
        p = Math.min(p, Math.max(part.settled, emitted)); // nothing past what every group has settled
        settledAll = Math.min(settledAll, part.settled);
      }
    }
    p = Math.min(p, link(open, fin ? Integer.MAX_VALUE : settledAll));
    for (Decision d : open) {
      if (d.action().effect() == Action.Effect.WITHHOLD_ANSWER) {
        if (d.finding().start() < limit) {
          return block(open);
        }
        p = Math.min(p, d.finding().start()); // may still change with more text: hold, do not block yet
      }
    }
    List<List<Finding>> clusters = SafeText.redactionClusters(open);
    for (List<Finding> c : clusters) {
      int cs = SafeText.start(c);
      int ce = SafeText.end(c);
      if (cs < p && ce > p) {
        p = cs; // a redaction still open at the cut: hold it whole
      }
    }
    if (p < end && p > emitted && Character.isHighSurrogate(buf.charAt(p - 1))) {
      p--;
    }
    long next = end - p >= maxHold - minStep ? (long) end + minStep : (long) p + maxHold;
    nextScanAt = (int) Math.min(Integer.MAX_VALUE, next);
    if (maxHoldNanos > 0) {
      lastEmitNanos = System.nanoTime();
    }
    if (p <= emitted) {
      return "";
    }
    return emit(p, open, clusters);
  }

  /**
   * Runs each group over what it has not settled (the union of their ranges is normalized once and
   * each group gets its slice), collecting the decisions at or after the emission point into
   * {@code open}.
   *
   * @return false when a fail-closed error must block the stream
   */
  private boolean rescan(boolean fin, int end, int limit, List<Decision> open) {
    int[] froms = new int[parts.size()];
    int[] tos = new int[parts.size()];
    int unionFrom = end;
    int unionTo = 0;
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      if (part.sentences) {
        froms[i] = leftContext(part.window);
        tos[i] = end;
      } else if (part.settled < limit || (fin && part.settled < end)) {
        froms[i] = Math.max(0, part.settled - part.window);
        tos[i] = fin ? end : (int) Math.min(end, (long) limit + part.window);
      } else {
        froms[i] = -1; // settled past the emission limit already
        continue;
      }
      unionFrom = Math.min(unionFrom, froms[i]);
      unionTo = Math.max(unionTo, tos[i]);
    }
    AnalyzedText union = unionFrom < unionTo ? AnalyzedText.of(buf.substring(unionFrom, unionTo)) : null;
    double weighted = 0;
    try {
      for (int i = 0; i < parts.size(); i++) {
        Part part = parts.get(i);
        int from = froms[i];
        int to = tos[i];
        if (from < 0) {
          open.addAll(part.known);
          continue;
        }
        AnalyzedText slice = union == null ? AnalyzedText.of("") : union.slice(from - unionFrom, to - unionFrom);
        weighted += (double) (to - from) * part.detectors;
        if (!rescanPart(part, slice, from, fin, end, limit, open)) {
          return false;
        }
      }
      return true;
    } finally {
      scannedChars += Math.round(weighted / detectorCount);
    }
  }

  /**
   * Checks one group's slice (starting at {@code from} in the stream) on the partial-scan pipeline
   * and keeps its final decisions.
   *
   * @return false when a fail-closed error must block the stream
   */
  private boolean rescanPart(Part part, AnalyzedText slice, int from, boolean fin, int end, int limit, List<Decision> open) {
    GuardResult r = part.engine.run(slice.original(), slice, ctx);
    r.addTimings(part.nanos);
    // Kept: from where the last scan stopped (earlier ones were committed or kept then, or come
    // from the left cut) to the new settled point (later ones may still change).
    int keepFrom = part.sentences ? emitted : part.settled;
    int keepTo = part.sentences || fin ? end : limit;
    if (!part.sentences && !fin) {
      for (Decision d : r.decisions()) {
        int gs = from + d.finding().start();
        if (d.action().hidesSpan() && gs >= keepFrom && gs < keepTo && from + d.finding().end() > limit) {
          // a redaction running past the point being settled (an open PEM block may still grow):
          // emission stops before it, and the next re-check finds it again, whole
          keepTo = gs;
        }
      }
    }
    List<Decision> fresh = part.sentences ? open : part.known;
    for (Decision d : r.decisions()) {
      int gs = from + d.finding().start();
      if (gs >= keepFrom && (part.sentences || gs < keepTo)) {
        fresh.add(shift(d, from));
      }
    }
    if (!part.sentences) {
      part.settled = keepTo;
      open.addAll(part.known);
    }
    for (DetectorError e : r.errors()) {
      if (!errors.contains(e)) {
        errors.add(e);
        listener.detectorFailed(e); // the partial scans' engine has no listener: report each distinct failure once
      }
      if (e.action().effect() == Action.Effect.WITHHOLD_ANSWER) {
        return false;
      }
    }
    return true;
  }

  /** Emits up to {@code p}, redactions applied, and commits the decisions before it. */
  private String emit(int p, List<Decision> open, List<List<Finding>> clusters) {
    // one bulk copy of the range (appending a builder's range to another goes char by char)
    String piece = buf.substring(emitted, p);
    StringBuilder out = null; // only when a cluster is replaced
    int pos = emitted;
    for (List<Finding> c : clusters) {
      int cs = SafeText.start(c);
      int ce = SafeText.end(c);
      if (ce > p) {
        break;
      }
      String replacement = pipeline.redact(buf, c, scope, errors); // the one redaction step, as in check
      if (replacement == null) {
        return block(open); // a redactor failed: fail closed like check, nothing more is shown
      }
      if (out == null) {
        out = new StringBuilder(p - emitted + 16);
      }
      out.append(piece, pos - emitted, cs - emitted).append(replacement);
      pos = ce;
    }
    String text = out == null ? piece : out.append(piece, pos - emitted, p - emitted).toString();
    for (Decision d : open) {
      if (d.finding().start() < p) {
        committed.add(d);
        if (linkWindow > 0 && Linker.links(d.finding())) {
          recentLinkers.add(d.finding());
        }
      }
    }
    recentLinkers.removeIf(f -> f.end() < p - linkWindow); // too far back to link any name still held
    for (Part part : parts) {
      part.known.removeIf(d -> d.finding().start() < p);
    }
    emitted = p;
    shown.append(text);
    return text;
  }

  /**
   * The engine's linking step ({@link Linker}) over the findings of every group: each PERSON
   * decision in {@code open} is replaced by the decision on its linked finding, exactly as
   * {@code check} decides it. A name is final only once every finding that could link it has
   * settled (up to {@code linkWindow} chars after it); until then emission stops before it.
   *
   * @param open the decisions at or after the emission point, in stream coordinates; PERSON
   *     entries are replaced
   * @param settled the point before which every group's findings are final
   * @return the furthest emission point the names allow
   */
  private int link(List<Decision> open, int settled) {
    int p = Integer.MAX_VALUE;
    boolean any = false;
    for (Decision d : open) {
      if (Linker.isPerson(d.finding())) {
        any = true;
        break;
      }
    }
    if (!any) {
      return p;
    }
    int n = recentLinkers.size();
    for (Decision d : open) {
      if (Linker.links(d.finding())) {
        n++;
      }
    }
    long[] spans = new long[n];
    int maxLen = 0;
    int k = 0;
    for (Finding f : recentLinkers) {
      spans[k++] = ((long) f.start() << 32) | f.end();
      maxLen = Math.max(maxLen, f.end() - f.start());
    }
    for (Decision d : open) {
      Finding f = d.finding();
      if (Linker.links(f)) {
        spans[k++] = ((long) f.start() << 32) | f.end();
        maxLen = Math.max(maxLen, f.end() - f.start());
      }
    }
    java.util.Arrays.sort(spans);
    for (int i = 0; i < open.size(); i++) {
      Finding f = open.get(i).finding();
      if (!Linker.isPerson(f)) {
        continue;
      }
      if ((long) f.end() + linkWindow >= settled) { // data starting at f.end() + linkWindow still links
        p = Math.min(p, f.start()); // data that links it may still arrive: hold the name
      }
      Finding g = Linker.link(f, spans, maxLen, buf, ctx, linkWindow);
      open.set(i, new Decision(g, Linker.decide(engine.policy(), engine.echoAction(), g, buf, ctx)));
    }
    return p;
  }

  /** Stops emission; the decisions not yet committed (stream coordinates) join the result. */
  private String block(List<Decision> open) {
    for (Decision d : open) {
      if (d.finding().start() >= emitted && !committed.contains(d)) {
        committed.add(d);
      }
    }
    state = State.BLOCKED;
    return "";
  }

  /**
   * Start of the text a sentence-scoped group reads: the start of the sentence the emission point
   * is in, or one window back when no sentence ends in that window.
   */
  private int leftContext(int window) {
    if (emitted == 0) {
      return 0;
    }
    int lo = Math.max(0, emitted - window);
    int b = lastSentenceEnd(lo, emitted + 1 <= buf.length() ? emitted + 1 : emitted);
    return b > 0 ? b : lo;
  }

  /** The furthest point no later text can change, before clusters and BLOCK findings are considered. */
  private int emissionLimit(int end, boolean timeForced) {
    int limit = end - hold;
    if (sentenceScoped && !timeForced) {
      int b = lastSentenceEnd(emitted, end);
      int s = b > 0 ? Math.min(limit, b) : emitted;
      // the char maximum overrides waiting for a sentence end
      limit = end - s > maxHold - minStep ? limit : s;
    }
    return Math.max(limit, emitted);
  }

  /**
   * Returns the largest b in (from, to) such that a sentence ends just before b ('.', '!' or '?'
   * followed by whitespace, or a line break), or -1.
   */
  private int lastSentenceEnd(int from, int to) {
    for (int b = to - 1; b > from; b--) {
      char c = buf.charAt(b - 1);
      if (c == '\n' || ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(buf.charAt(b)))) {
        return b;
      }
    }
    return -1;
  }

  private static Decision shift(Decision d, int by) {
    if (by == 0) {
      return d;
    }
    return new Decision(d.finding().shifted(by), d.action());
  }
}
