package dev.guardrails.text;

/**
 * The two copies {@link Normalizer#analyze} makes without the rule chain, when its scan found that
 * the chain would only collapse whitespace runs ({@link #collapseRuns}), and write no-break spaces
 * and ellipses as ASCII ({@link #substitute}). Each gives the view and offsets the chain gives
 * ({@code NormalizerFastPathTest} compares them on random texts). Stateless; the copies are written
 * into the calling thread's {@link Scratch}.
 */
final class RunCollapse {

  private RunCollapse() {}

  /**
   * The normalized view of a text whose only rule is the whitespace collapse ({@link Normalizer#RUNS_ONLY}):
   * each run of two or more spaces and line breaks becomes one {@code '\n'} when it holds a line
   * break, else one space, mapped to the whole run; everything else is copied one to one. Every run
   * holds a line break or two spaces in a row, so the JDK's vectorized {@code indexOf} finds them
   * (a per-char loop costs more than the copy itself), and the text between runs is copied whole:
   * as bytes when the text is ASCII (most are), which spares the string the chars' compression.
   * A text without a line break (by its {@link Normalizer#scan}) skips the search for one, and
   * the search stops once the runs found hold all the neighbouring whitespace pairs the scan counted
   * (so the text after the last run is not searched again for a line break or two spaces).
   */
  static AnalyzedText collapseRuns(String s, long scan) {
    int n = s.length();
    int classes = Normalizer.classes(scan);
    boolean ascii = (classes & CharClass.NON_ASCII.bit()) == 0;
    Scratch out = ascii ? Scratch.getAscii(n) : Scratch.get(n);
    OffsetMap.Recorder map = out.map;
    int copied = 0; // chars before this were written
    int nl = Normalizer.hasLineBreak(scan) ? s.indexOf('\n') : -1;
    int twoSpaces = s.indexOf("  ");
    long pairsLeft = Normalizer.whitespacePairs(scan); // not yet in a run found
    while (nl >= 0 || twoSpaces >= 0) {
      int p = nl < 0 ? twoSpaces : twoSpaces < 0 ? nl : Math.min(nl, twoSpaces);
      int from = p; // the run around p
      while (from > copied && s.charAt(from - 1) == ' ') {
        from--;
      }
      int to = p + 1;
      boolean line = s.charAt(p) == '\n';
      char c;
      while (to < n && ((c = s.charAt(to)) == ' ' || c == '\n')) {
        line |= c == '\n';
        to++;
      }
      if (to - from >= 2) {
        if (from > copied) {
          if (ascii) {
            out.appendAscii(s, copied, from);
          } else {
            out.append(s, copied, from);
          }
          map.addRun(copied, from);
        }
        if (ascii) {
          out.appendAscii(line ? '\n' : ' ');
        } else {
          out.append(line ? '\n' : ' ');
        }
        map.add(from, to);
        copied = to;
        pairsLeft -= to - from - 1; // a run of k chars holds k - 1 pairs
        if (pairsLeft == 0) {
          break; // no run after this one
        }
      }
      if (nl >= 0 && nl < to) {
        nl = s.indexOf('\n', to);
      }
      if (twoSpaces >= 0 && twoSpaces < to) {
        twoSpaces = s.indexOf("  ", to);
      }
    }
    if (copied < n) {
      if (ascii) {
        out.appendAscii(s, copied, n);
      } else {
        out.append(s, copied, n);
      }
      map.addRun(copied, n);
    }
    AnalyzedText a = AnalyzedText.create(s, ascii ? out.asciiText() : out.text(), map.build(n), classes);
    out.release();
    return a;
  }

  /**
   * The normalized view of a {@link Normalizer#SUBSTITUTIONS} text, as the rule chain writes it: each run of
   * spaces, line breaks and no-break spaces becomes one {@code '\n'} when it holds a line break,
   * else one space, mapped to the whole run (a lone no-break space becomes a space); each
   * {@code '\u2026'} becomes three dots, each mapped to it; every other char is copied. Char by char:
   * these texts are rare, and the chain costs several times as much.
   */
  static AnalyzedText substitute(String s, int classes) {
    int n = s.length();
    Scratch out = Scratch.get(n + 16);
    OffsetMap.Recorder map = out.map;
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (isRunChar(c)) {
        int j = i + 1;
        boolean line = c == '\n';
        while (j < n && isRunChar(s.charAt(j))) {
          line |= s.charAt(j) == '\n';
          j++;
        }
        out.append(line ? '\n' : ' ');
        map.add(i, j);
        i = j;
      } else if (c == 0x2026) {
        for (int k = 0; k < 3; k++) {
          out.append('.');
          map.add(i, i + 1);
        }
        i++;
      } else {
        out.append(c);
        map.add(i, i + 1);
        i++;
      }
    }
    AnalyzedText a = AnalyzedText.create(s, out.text(), map.build(n), classes);
    out.release();
    return a;
  }

  /** The whitespace of a {@link Normalizer#SUBSTITUTIONS} text: ' ', '\n' and the two no-break spaces. */
  static boolean isRunChar(char c) {
    return c == ' ' || c == '\n' || c == 0xA0 || c == 0x202F;
  }
}
