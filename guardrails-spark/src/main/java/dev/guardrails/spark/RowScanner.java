package dev.guardrails.spark;

import dev.guardrails.CheckContext;
import dev.guardrails.Decision;
import dev.guardrails.DetectorError;
import dev.guardrails.Detector;
import dev.guardrails.Finding;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import dev.guardrails.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The per-row work shared by both scan methods: one {@link Guardrail} per JVM and spec, and the
 * conversion of a row's values into the four result columns. Never throws for a row: whatever goes
 * wrong becomes the row's {@code error} and the spec's error verdict.
 *
 * <p>Thread-safe: Spark runs several tasks of one executor in parallel on the same guardrail.
 */
final class RowScanner {

  /** Specs are few per JVM (one per scan definition); a bound keeps a long-lived driver safe. */
  private static final int MAX_GUARDS = 16;

  private static final Map<ScanSpec, Guardrail> GUARDS = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<ScanSpec, Guardrail> eldest) {
      return size() > MAX_GUARDS;
    }
  };

  private static final Row[] NO_FINDINGS = new Row[0];

  private RowScanner() {}

  /**
   * Returns this JVM's guardrail for the spec, building it on first use. Building loads the
   * detectors and their lexicons once; every later task of the JVM reuses it.
   *
   * @throws IllegalArgumentException if the policy is malformed or a detector id is unknown
   */
  static Guardrail guard(ScanSpec spec) {
    synchronized (GUARDS) {
      Guardrail g = GUARDS.get(spec);
      if (g == null) {
        g = build(spec);
        GUARDS.put(spec, g);
      }
      return g;
    }
  }

  private static Guardrail build(ScanSpec spec) {
    Policy policy = spec.policyPreset().isPresent()
        ? Policy.preset(spec.policyPreset().get())
        : Policy.parse(spec.policyText().orElseThrow());
    Guardrail.Builder b = Guardrail.builder().failMode(spec.failMode()).policy(policy);
    b.discoverDetectors(RowScanner.class.getClassLoader());
    spec.blockMessage().ifPresent(b::blockMessage);
    Guardrail g = b.build();
    if (spec.detectors().isEmpty()) {
      return g;
    }
    Set<String> known = new HashSet<>();
    for (Detector d : g.detectors()) {
      known.add(d.id());
    }
    for (String id : spec.detectors()) {
      if (!known.contains(id)) {
        throw new IllegalArgumentException("detector '" + id + "' is not on the class path; known: " + known);
      }
    }
    Set<String> keep = Set.copyOf(spec.detectors());
    return g.only(d -> keep.contains(d.id()));
  }

  /**
   * Checks one row's values and returns {@code verdict, safe_text, findings, error}.
   *
   * @param text the text column's value (anything: null and non-strings become a row error)
   * @param sources the sources column's value, or null
   * @param userValues the user-values column's value, or null
   * @param prompt the prompt column's value, or null
   */
  static Object[] scan(Guardrail guard, ScanSpec spec, Object text, Object sources, Object userValues, Object prompt) {
    if (text == null) {
      return error(guard, spec, null, "text column '" + spec.textColumn() + "' is null");
    }
    if (!(text instanceof String)) {
      return error(guard, spec, null,
          "text column '" + spec.textColumn() + "' holds " + text.getClass().getSimpleName() + ", not a string");
    }
    String s = (String) text;
    GuardResult r;
    try {
      CheckContext.Builder ctx = CheckContext.builder();
      int i = 0;
      for (String src : strings(sources, spec.sourcesColumn().orElse(""))) {
        ctx.source("source-" + (++i), src);
      }
      for (String v : strings(userValues, spec.userValuesColumn().orElse(""))) {
        ctx.userValue(v);
      }
      if (prompt != null) {
        if (!(prompt instanceof String)) {
          throw new RowException("prompt column '" + spec.promptColumn().orElse("") + "' holds "
              + prompt.getClass().getSimpleName() + ", not a string");
        }
        ctx.prompt((String) prompt);
      }
      r = guard.check(s, ctx.build());
    } catch (RowException e) {
      return error(guard, spec, s, e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      // A bug in a detector or the engine: the row is judged by the spec, the job goes on.
      return error(guard, spec, s, "check failed: " + e.getClass().getName());
    }
    return new Object[] {r.verdict().name(), r.safeText(), findings(r), errors(r)};
  }

  /** The struct rows of the {@code findings} column, in the result's span order. */
  static Row[] findings(GuardResult r) {
    List<Decision> ds = r.decisions();
    if (ds.isEmpty()) {
      return NO_FINDINGS;
    }
    Row[] out = new Row[ds.size()];
    for (int i = 0; i < out.length; i++) {
      Decision d = ds.get(i);
      Finding f = d.finding();
      out[i] = RowFactory.create(f.detector(), f.type().category().name(), f.type().toString(),
          f.span().start(), f.span().end(), f.score(), d.action().name());
    }
    return out;
  }

  /** Detector errors (a crash or a timeout, already judged by the fail mode) as one line, or null. */
  private static String errors(GuardResult r) {
    List<DetectorError> es = r.errors();
    if (es.isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (DetectorError e : es) {
      if (b.length() > 0) {
        b.append("; ");
      }
      b.append(e.detector()).append(": ").append(e.kind()).append(" (").append(e.errorClass()).append(')');
    }
    return b.toString();
  }

  private static Object[] error(Guardrail guard, ScanSpec spec, String text, String message) {
    Verdict v = spec.errorVerdict();
    String safe = v == Verdict.BLOCK ? guard.blockMessage() : text;
    return new Object[] {v.name(), safe, NO_FINDINGS, message};
  }

  /** Strings from an array column (Java list, Scala sequence or array) or a plain string; nulls skipped. */
  private static List<String> strings(Object value, String column) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof String) {
      return List.of((String) value);
    }
    Iterable<?> items;
    if (value instanceof Iterable) {
      items = (Iterable<?>) value;
    } else if (value instanceof scala.collection.Iterable) {
      items = scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Iterable<?>) value);
    } else if (value instanceof Object[]) {
      items = Arrays.asList((Object[]) value);
    } else {
      throw new RowException("column '" + column + "' holds " + value.getClass().getSimpleName()
          + ", not an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (Object o : items) {
      if (o == null) {
        continue;
      }
      if (!(o instanceof String)) {
        throw new RowException("column '" + column + "' holds an element of type "
            + o.getClass().getSimpleName() + ", not a string");
      }
      out.add((String) o);
    }
    return out;
  }

  /** A row whose values cannot be checked; its message names columns and types, never values. */
  private static final class RowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RowException(String message) {
      super(message, null, false, false);
    }
  }
}
