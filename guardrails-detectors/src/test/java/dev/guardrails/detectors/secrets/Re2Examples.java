package dev.guardrails.detectors.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds a string that a regex matches, for the RE2 subset gitleaks' rules use: literals and
 * escapes ({@code \d \w \s \S \x60 \n \r \t \. \\}), classes with ranges and negation,
 * {@code [[:alnum:]]}, groups ({@code (...)}, {@code (?:...)}, {@code (?i:...)}, {@code (?-i:...)},
 * {@code (?s:...)}), flags ({@code (?i)}, ignored: literals are emitted as written, which matches in
 * either mode), alternation, quantifiers {@code ? * + {n} {n,} {n,m}} (greedy or lazy) and the zero-width
 * {@code ^ $ \b \B \z} (emit nothing; alternatives holding {@code $}, {@code ^} or {@code \z} are
 * avoided). Repetitions take their minimum plus up to three more. In {@code filler} mode a class
 * repeated emits one char throughout ({@code x} when the class has it): the placeholder of that rule
 * ({@code ghp_xxxx...}).
 *
 * <p>Independent of the code under test: a small parser written for the test, checked by RE2/J
 * matching what it builds.
 */
final class Re2Examples {

  private final String re;
  private final Random rnd;
  private final boolean filler;
  private int pos;

  private Re2Examples(String re, long seed, boolean filler) {
    this.re = re;
    this.rnd = new Random(seed);
    this.filler = filler;
  }

  /** A string the regex matches (seeded). */
  static String example(String regex, long seed, boolean filler) {
    Re2Examples g = new Re2Examples(regex, seed, filler);
    StringBuilder out = new StringBuilder();
    g.alternation(out);
    return out.toString();
  }

  private void alternation(StringBuilder out) {
    List<Integer> starts = new ArrayList<>();
    int start = pos;
    starts.add(start);
    int depth = 0;
    int end = re.length();
    // find top-level '|' of this group
    for (int p = pos; p < re.length(); p++) {
      char c = re.charAt(p);
      if (c == '\\') {
        p++;
      } else if (c == '[') {
        p = classEnd(p);
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (depth == 0) {
          end = p;
          break;
        }
        depth--;
      } else if (c == '|' && depth == 0) {
        starts.add(p + 1);
      }
    }
    List<int[]> alts = new ArrayList<>();
    for (int k = 0; k < starts.size(); k++) {
      int s = starts.get(k);
      int e = k + 1 < starts.size() ? starts.get(k + 1) - 1 : end;
      alts.add(new int[] {s, e});
    }
    List<int[]> ok = new ArrayList<>();
    for (int[] a : alts) {
      String t = re.substring(a[0], a[1]);
      if (!t.contains("$") && !t.replace("[^", "").contains("^") && !t.contains("\\z") && !t.contains("\\\\[")) {
        ok.add(a);
      }
    }
    int[] pick = (ok.isEmpty() ? alts : ok).get(rnd.nextInt((ok.isEmpty() ? alts : ok).size()));
    pos = pick[0];
    sequence(out, pick[1]);
    pos = end;
  }

  private void sequence(StringBuilder out, int end) {
    while (pos < end) {
      int atomStart = out.length();
      int save = pos;
      atom(out);
      int[] rep = quantifier();
      if (rep == null) {
        continue;
      }
      // re-emit the atom: drop the first emission and emit count times
      out.setLength(atomStart);
      int count = rep[0] + (rep[1] > rep[0] ? rnd.nextInt(Math.min(rep[1] - rep[0], 3) + 1) : 0);
      int after = pos;
      String first = null;
      boolean outer = repeated;
      repeated = rep[1] > 1;
      for (int k = 0; k < count; k++) {
        pos = save;
        int before = out.length();
        atom(out);
        if (filler && first != null) {
          out.setLength(before);
          out.append(first);
        } else if (first == null) {
          first = out.substring(before);
        }
      }
      repeated = outer;
      pos = after;
    }
  }

  /** True while an atom is emitted under a quantifier that repeats it ({@code .{8,}}). */
  private boolean repeated;

  /** Emits one atom at pos and advances past it. */
  private void atom(StringBuilder out) {
    char c = re.charAt(pos);
    if (c == '(') {
      pos++;
      if (re.startsWith("?", pos)) {
        int close = re.indexOf(')', pos);
        int colon = re.indexOf(':', pos);
        if (colon < 0 || close < colon) { // a flag group "(?i)"
          pos = close + 1;
          return;
        }
        pos = colon + 1;
      }
      alternation(out);
      pos++; // ')'
      return;
    }
    if (c == '[') {
      int e = classEnd(pos);
      boolean[] set = classSet(re.substring(pos + 1, e));
      pos = e + 1;
      out.append(pick(set));
      return;
    }
    if (c == '\\') {
      char e = re.charAt(pos + 1);
      pos += 2;
      switch (e) {
        case 'd' -> out.append((char) ('0' + rnd.nextInt(10)));
        case 'w' -> out.append(pick(named("w")));
        case 's' -> out.append(' ');
        case 'S' -> out.append(pick(named("S")));
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'b', 'B', 'z', 'A' -> { }
        case 'x' -> {
          out.append((char) Integer.parseInt(re.substring(pos, pos + 2), 16));
          pos += 2;
        }
        default -> out.append(e);
      }
      return;
    }
    pos++;
    if (c == '^' || c == '$') {
      return;
    }
    if (c == '.') {
      // a dot matches the wildcard, and keeps "hooks.slack.com" a keyword; a repeated wildcard
      // (nuget's value=\"(.{8,})\") is a value: word chars, else it never passes an entropy bar
      out.append(repeated ? pick(named("w")) : '.');
      return;
    }
    out.append(c);
  }

  /** The quantifier at pos as {min, max}, or null; advances past it (and a lazy '?'). */
  private int[] quantifier() {
    if (pos >= re.length()) {
      return null;
    }
    char c = re.charAt(pos);
    int[] q = null;
    if (c == '?') {
      q = new int[] {0, 1};
      pos++;
    } else if (c == '*') {
      q = new int[] {0, 3};
      pos++;
    } else if (c == '+') {
      q = new int[] {1, 4};
      pos++;
    } else if (c == '{' && re.indexOf('}', pos) > 0 && re.substring(pos + 1, re.indexOf('}', pos)).matches("\\d+(,\\d*)?")) {
      String body = re.substring(pos + 1, re.indexOf('}', pos));
      pos = re.indexOf('}', pos) + 1;
      String[] parts = body.split(",", -1);
      int min = Integer.parseInt(parts[0]);
      int max = parts.length == 1 ? min : parts[1].isEmpty() ? min + 3 : Integer.parseInt(parts[1]);
      q = new int[] {min, max};
    }
    if (q != null && pos < re.length() && re.charAt(pos) == '?') {
      pos++;
    }
    return q;
  }

  private int classEnd(int open) {
    int p = open + 1;
    if (p < re.length() && re.charAt(p) == '^') {
      p++;
    }
    if (p < re.length() && re.charAt(p) == ']') {
      p++;
    }
    while (p < re.length()) {
      char c = re.charAt(p);
      if (c == '\\') {
        p += 2;
        continue;
      }
      if (c == '[' && re.startsWith("[:", p)) {
        p = re.indexOf(":]", p) + 2;
        continue;
      }
      if (c == ']') {
        return p;
      }
      p++;
    }
    throw new IllegalArgumentException("unclosed class at " + open);
  }

  private static boolean[] named(String n) {
    boolean[] s = new boolean[128];
    for (int c = 33; c < 127; c++) {
      boolean word = Character.isLetterOrDigit(c) || c == '_';
      s[c] = n.equals("w") ? word : n.equals("S") ? c != ' ' : n.equals("alnum") && Character.isLetterOrDigit(c);
    }
    return s;
  }

  private boolean[] classSet(String body) {
    boolean neg = body.startsWith("^");
    if (neg) {
      body = body.substring(1);
    }
    boolean[] s = new boolean[128];
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      int lo;
      if (body.startsWith("[:", i)) {
        int e = body.indexOf(":]", i);
        boolean[] named = named(body.substring(i + 2, e));
        for (int k = 0; k < 128; k++) {
          s[k] |= named[k];
        }
        i = e + 2;
        continue;
      }
      if (c == '\\') {
        char e = body.charAt(i + 1);
        i += 2;
        if (e == 'w' || e == 'S') {
          boolean[] named = named(String.valueOf(e));
          for (int k = 0; k < 128; k++) {
            s[k] |= named[k];
          }
          continue;
        } else if (e == 'd') {
          for (int k = '0'; k <= '9'; k++) {
            s[k] = true;
          }
          continue;
        } else if (e == 's') {
          s[' '] = true;
          s['\t'] = true;
          s['\n'] = true;
          continue;
        } else if (e == 'x') {
          lo = Integer.parseInt(body.substring(i, i + 2), 16);
          i += 2;
        } else if (e == 'n') {
          lo = '\n';
        } else if (e == 'r') {
          lo = '\r';
        } else if (e == 't') {
          lo = '\t';
        } else {
          lo = e;
        }
      } else {
        lo = c;
        i++;
      }
      int hi = lo;
      if (i + 1 < body.length() && body.charAt(i) == '-' && body.charAt(i + 1) != ']') {
        char h = body.charAt(i + 1);
        if (h == '\\') {
          hi = body.charAt(i + 2);
          i += 3;
        } else {
          hi = h;
          i += 2;
        }
      }
      for (int k = lo; k <= hi && k < 128; k++) {
        s[k] = true;
      }
    }
    if (neg) {
      for (int k = 0; k < 128; k++) {
        s[k] = !s[k] && k >= 33 && k < 127;
      }
    }
    return s;
  }

  private char pick(boolean[] set) {
    if (filler && set['x']) {
      return 'x';
    }
    List<Character> cs = new ArrayList<>();
    for (int k = 0; k < 128; k++) {
      if (set[k] && (k >= 32 || k == '\n' || k == '\t')) {
        cs.add((char) k);
      }
    }
    if (cs.isEmpty()) {
      return 'a';
    }
    return filler ? cs.get(0) : cs.get(rnd.nextInt(cs.size()));
  }
}
