package dev.guardrails;

import java.util.Arrays;
import java.util.List;

/**
 * The engine's linking step, run once after every detector has reported and before the policy
 * decides: a PERSON finding with other personal data near it (any other PII finding, such as an
 * email, a phone or card number, an ID, an address or a date of birth, whose span is at most
 * {@code window} chars away, even across a blank line: contact cards and address blocks put the
 * name on a line of its own) becomes {@link Finding#LINKED}, its score
 * raised to at least {@value #LINKED_SCORE}; a PERSON whose text the user supplied
 * ({@link CheckContext#isUserValue}) becomes {@link Finding#ECHO}.
 *
 * <p>Only the findings and the text between them are read, so a linked decision depends on at
 * most {@code window} chars on either side of the name: the streaming guard holds a name back
 * until that much text after it has settled. Without a PERSON finding nothing is allocated.
 *
 * <p>Stateless and thread-safe.
 */
final class Linker {

  /** The default distance, in chars, between a name and the personal data that links it. */
  public static final int DEFAULT_WINDOW = 200;

  /** The lowest score of a linked name. */
  public static final double LINKED_SCORE = 0.9;

  /** The type whose findings are linked. */
  public static final FindingType PERSON = FindingType.of(Category.PII, "PERSON");

  private Linker() {}

  /** Whether a finding is a PERSON finding. */
  public static boolean isPerson(Finding f) {
    return f.type().equals(PERSON);
  }

  /** Whether a finding is personal data that links a name near it. */
  public static boolean links(Finding f) {
    return f.category() == Category.PII && !f.type().equals(PERSON);
  }

  /**
   * Links the PERSON findings of {@code found} in place (each replaced by its linked copy).
   *
   * @param found every finding of one text, in any order; PERSON entries may be replaced
   * @param text the text the spans index
   * @param ctx the check's context (user values)
   * @param window the largest gap, in chars, between a name and linking data; 0 links nothing
   */
  public static void linkAll(List<Finding> found, CharSequence text, CheckContext ctx, int window) {
    int persons = 0;
    int linkers = 0;
    for (Finding f : found) {
      if (isPerson(f)) {
        persons++;
      } else if (links(f)) {
        linkers++;
      }
    }
    if (persons == 0) {
      return;
    }
    long[] spans = new long[linkers]; // start << 32 | end, sorted by start
    int maxLen = 0;
    int k = 0;
    for (Finding f : found) {
      if (links(f)) {
        spans[k++] = ((long) f.start() << 32) | f.end();
        maxLen = Math.max(maxLen, f.end() - f.start());
      }
    }
    Arrays.sort(spans);
    for (int i = 0; i < found.size(); i++) {
      Finding f = found.get(i);
      if (isPerson(f)) {
        found.set(i, link(f, spans, maxLen, text, ctx, window));
      }
    }
  }

  /**
   * Returns the PERSON finding {@code f} with its linking attributes.
   *
   * @param f the PERSON finding
   * @param spans the spans of the linking findings near it, {@code start << 32 | end}, sorted
   * @param maxLen the longest of those spans
   * @param text the text the spans index
   * @param ctx the check's context
   * @param window the largest gap between the name and linking data
   * @return {@code f} or its linked copy
   */
  public static Finding link(Finding f, long[] spans, int maxLen, CharSequence text, CheckContext ctx, int window) {
    Finding g = f;
    if (window > 0 && !f.has(Finding.LINKED) && near(f, spans, maxLen, text, window)) {
      g = g.withAttribute(Finding.LINKED).withScore(Math.max(g.score(), LINKED_SCORE));
    }
    if (!ctx.userValues().isEmpty() && ctx.isUserValue(text.subSequence(f.start(), f.end()))) {
      g = g.withAttribute(Finding.ECHO);
    }
    return g;
  }

  private static boolean near(Finding f, long[] spans, int maxLen, CharSequence text, int window) {
    long lo = (long) f.start() - window - maxLen;
    int i = lowerBound(spans, Math.max(0, lo) << 32);
    for (; i < spans.length; i++) {
      int s = (int) (spans[i] >>> 32);
      int e = (int) spans[i];
      if (s > f.end() + window) {
        break;
      }
      if (e < f.start() - window || (s < f.end() && e > f.start())) {
        continue; // too far before, or overlapping the name itself
      }
      return true; // a blank line does not break it: a contact card or an address block follows its name
    }
    return false;
  }

  private static int lowerBound(long[] a, long key) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The action for one finding: the policy's, then the echo rule (PII the user supplied gets
   * {@code echoAction} unless the policy allows it anyway). The one decision rule of
   * {@code Guardrail.check} and the streaming guard.
   *
   * @param policy the policy
   * @param echoAction the action for echoed PII
   * @param f the finding
   * @param text the text its span indexes
   * @param ctx the check's context
   * @return the action
   */
  public static Action decide(Policy policy, Action echoAction, Finding f, CharSequence text, CheckContext ctx) {
    Action a = policy.decide(f);
    // the span's text is cut out only when the user supplied values (a String's subSequence copies)
    if (a != Action.ALLOW && f.category() == Category.PII && !ctx.userValues().isEmpty()
        && ctx.isUserValue(text.subSequence(f.start(), f.end()))) {
      a = echoAction;
    }
    return a;
  }
}
