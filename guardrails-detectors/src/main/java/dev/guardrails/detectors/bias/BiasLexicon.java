package dev.guardrails.detectors.bias;

import dev.guardrails.Category;
import dev.guardrails.FindingType;
import dev.guardrails.detectors.internal.WordLists;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;

/**
 * The bias lexicon: parsed once from the resource files (format described in
 * {@code package-info}), then compiled per configuration into Lucene {@link CharArrayMap}s keyed
 * by canonical token n-grams, so the detector does one hash lookup per token.
 *
 * <p>Immutable after construction and thread-safe.
 */
final class BiasLexicon {

  static final String[] FILES = {"lexicon-core.tsv", "lexicon-holistic.tsv", "lexicon-retext.tsv"};

  /** One lexicon row (a set of surface forms sharing category, severity and advice). */
  record Entry(List<String> forms, FindingType type, String severity, double score, List<String> suggestions,
      String note, Set<String> conditions, String source, int flags) {

    private static final int ALLOW = 1;
    private static final int PROPER = 2;
    private static final int NOMINAL = 4;
    private static final int PRONOUN = 8;

    /** An entry whose condition flags are derived from {@code conditions} (read once, not per match). */
    Entry(List<String> forms, FindingType type, String severity, double score, List<String> suggestions,
        String note, Set<String> conditions, String source) {
      this(forms, type, severity, score, suggestions, note, conditions, source,
          (conditions.contains("allow") ? ALLOW : 0) | (conditions.contains("proper") ? PROPER : 0)
              | (conditions.contains("nominal") ? NOMINAL : 0) | (conditions.contains("opt:pronouns") ? PRONOUN : 0));
    }

    boolean allow() {
      return (flags & ALLOW) != 0;
    }

    /** True if this entry is active in a configuration. */
    boolean enabled(BiasDetector.Options o) {
      if (conditions.contains("off")) {
        return false;
      }
      if (conditions.contains("opt:roles")) {
        return o.roles();
      }
      if (conditions.contains("opt:pronouns")) {
        return o.pronouns();
      }
      if (conditions.contains("opt:coded")) {
        return o.coded();
      }
      return true;
    }

    /** Forms normally written capitalized (ethnonyms, religions): capitals do not mean a name. */
    boolean proper() {
      return (flags & PROPER) != 0;
    }

    /** "the blind": a noun phrase only when no noun follows ("the blind angel" is not). */
    boolean nominal() {
      return (flags & NOMINAL) != 0;
    }

    boolean pronoun() {
      return (flags & PRONOUN) != 0;
    }
  }

  /** Per first token: the entry for the single word (or null) and the longest phrase lengths. */
  static final class Node {
    Entry single;
    int maxPhrase;   // tokens in the longest lexicon phrase starting with this word, 0 if none
    String group;    // group kind if this single word is a group term
    int maxGroup;    // tokens in the longest group phrase starting with this word
    boolean singular; // a singular group noun, generic after a/every/any ("a woman can't")
  }

  final CharArrayMap<Node> first;
  /** {@link Tokens#hash}es of the heads that matter alone, without a next token (see {@link #aloneHeadHashes}). */
  private final int[] aloneHeads;
  /** {@link Tokens#hash}es of the heads of lexicon and group phrases of two or more tokens. */
  private final int[] phraseHeads;
  /** The tokenizer's per-token table over these heads and the stereotype path's words, made on first use. */
  private volatile TokenMarks marks;
  /** Two-probe Bloom filter over the first two tokens of every lexicon and group phrase (see {@link #mayBePair}). */
  private final long[] pairBloom = new long[1024];
  /** Open-addressing table of {@link #first} keyed by {@link Tokens#hash}: (hash, index + 1) per slot, 0 if empty. */
  private final long[] headSlots;
  private final char[] headChars; // the heads' chars, one after another
  private final int[] headStart;  // head k is headChars[headStart[k], headStart[k + 1])
  private final Node[] headNodes;
  final CharArrayMap<Entry> phrases;
  final CharArrayMap<String> groups;
  /** Proper prefixes (two or more tokens) of lexicon and group phrases: lets a match grow token by token. */
  final CharArraySet prefixes;
  final CharArraySet traits;
  final int maxTokens;

  private BiasLexicon(BiasDetector.Options options) {
    List<Entry> all = Parsed.ENTRIES;
    first = new CharArrayMap<>(4096, false);
    phrases = new CharArrayMap<>(4096, false);
    groups = new CharArrayMap<>(256, false);
    prefixes = new CharArraySet(4096, false);
    int longest = 1;
    for (Entry e : all) {
      if (!e.enabled(options)) {
        continue;
      }
      for (String form : e.forms()) {
        String key = Tokens.key(form);
        if (key.isEmpty()) {
          continue;
        }
        int tokens = tokenCount(key);
        String head = tokens == 1 ? key : key.substring(0, key.indexOf(' '));
        Node node = node(head);
        if (tokens == 1) {
          if (node.single == null) {
            node.single = e;
          }
        } else if (!phrases.containsKey(key)) {
          phrases.put(key, e);
          addPrefixes(key);
          node.maxPhrase = Math.max(node.maxPhrase, tokens);
          longest = Math.max(longest, tokens);
        }
      }
    }
    if (options.generalizations()) {
      for (Map.Entry<String, String> g : Parsed.GROUPS.entrySet()) {
        String key = g.getKey();
        int tokens = tokenCount(key);
        String head = key.startsWith("@") || tokens == 1 ? key : key.substring(0, key.indexOf(' '));
        groups.put(key, g.getValue());
        if (key.startsWith("@")) {
          node(key.substring(1)).singular = true;
          continue;
        }
        Node node = node(head);
        node.maxGroup = Math.max(node.maxGroup, tokens);
        addPrefixes(key);
        if (tokens == 1) {
          node.group = g.getValue();
        }
      }
    }
    traits = Parsed.TRAITS;
    maxTokens = longest;
    int slots = Integer.highestOneBit(Math.max(16, first.size() * 2)) * 2;
    headSlots = new long[slots];
    headStart = new int[first.size() + 1];
    headNodes = new Node[first.size()];
    StringBuilder chars = new StringBuilder();
    int index = 0;
    int[] alone = new int[first.size()];
    int[] phrase = new int[first.size()];
    int nAlone = 0;
    int nPhrase = 0;
    for (Map.Entry<Object, Node> e : first.entrySet()) {
      char[] k = (char[]) e.getKey();
      int h = Tokens.hash(new String(k));
      Node node = e.getValue();
      if (node.single != null || node.group != null || node.singular) {
        alone[nAlone++] = h;
      }
      if (node.maxPhrase > 1 || node.maxGroup > 1) {
        phrase[nPhrase++] = h;
      }
      chars.append(k);
      headStart[index + 1] = chars.length();
      headNodes[index] = node;
      int slot = mix(h) & (slots - 1);
      while (headSlots[slot] != 0) {
        slot = (slot + 1) & (slots - 1);
      }
      headSlots[slot] = ((long) h << 32) | (index + 1);
      index++;
    }
    headChars = chars.toString().toCharArray();
    aloneHeads = Arrays.copyOf(alone, nAlone);
    phraseHeads = Arrays.copyOf(phrase, nPhrase);
  }

  /**
   * The {@link Tokens#hash}es of the heads that matter without their next token: a single-word entry, a one-word
   * group term or a singular group noun (a fresh array). A token with none of these hashes needs the head lookup only
   * if {@link #mayBePair} passes for it and its next token.
   */
  int[] aloneHeadHashes() {
    return aloneHeads.clone();
  }

  /** The {@link Tokens#hash}es of the first tokens of lexicon and group phrases of two or more tokens (a fresh array). */
  int[] phraseHeadHashes() {
    return phraseHeads.clone();
  }

  /** The tokenizer's table of this lexicon's heads and the stereotype path's words ({@link TokenMarks#of}). */
  TokenMarks marks() {
    TokenMarks m = marks;
    if (m == null) {
      m = TokenMarks.of(this); // a race builds two equal tables: harmless
      marks = m;
    }
    return m;
  }

  private void addPrefixes(String key) {
    int sp1 = key.indexOf(' ');
    if (sp1 < 0) {
      return;
    }
    int sp2 = key.indexOf(' ', sp1 + 1);
    String second = sp2 < 0 ? key.substring(sp1 + 1) : key.substring(sp1 + 1, sp2);
    int m = pairMix(Tokens.hash(key.substring(0, sp1)), Tokens.hash(second));
    pairBloom[(m & 0xFFFF) >>> 6] |= 1L << m;
    pairBloom[(m >>> 16) >>> 6] |= 1L << (m >>> 16);
    for (int sp = sp2; sp > 0; sp = key.indexOf(' ', sp + 1)) {
      prefixes.add(key.substring(0, sp));
    }
  }

  private Node node(String head) {
    Node node = first.get(head);
    if (node == null) {
      node = new Node();
      first.put(head, node);
    }
    return node;
  }

  /**
   * The node of the token {@code c[off, off + len)} whose {@link Tokens#hash} is {@code h}, or null
   * if no lexicon or group phrase starts with it: {@code first.get} without rehashing the chars.
   */
  Node head(char[] c, int off, int len, int h) {
    long[] slots = headSlots;
    int mask = slots.length - 1;
    for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
      long e = slots[slot];
      if (e == 0) {
        return null;
      }
      if ((int) (e >>> 32) == h) {
        int k = (int) e - 1;
        int from = headStart[k];
        if (headStart[k + 1] - from == len && same(headChars, from, c, off, len)) {
          return headNodes[k];
        }
      }
    }
  }

  /** A plain loop: heads are a few chars, too short for {@code Arrays.equals}' vectorized setup. */
  private static boolean same(char[] a, int aOff, char[] b, int bOff, int len) {
    for (int j = 0; j < len; j++) {
      if (a[aOff + j] != b[bOff + j]) {
        return false;
      }
    }
    return true;
  }

  /**
   * False when no lexicon or group phrase of two or more tokens starts with tokens of these
   * {@link Tokens#hash}es, so a phrase cannot grow past the head: a 65,536-bit, two-probe Bloom
   * filter over the first two tokens of every such phrase. Never false for a phrase's first pair. The tokenizer
   * asks it only after a {@link Tokens#PHRASE_HEAD}.
   */
  boolean mayBePair(int firstHash, int secondHash) {
    int m = mix(mix(firstHash) * 31 + secondHash);
    long[] b = pairBloom;
    return (b[(m & 0xFFFF) >>> 6] & (1L << m)) != 0 && (b[(m >>> 16) >>> 6] & (1L << (m >>> 16))) != 0;
  }

  private static int pairMix(int a, int b) {
    return mix(mix(a) * 31 + b);
  }

  /** The bit mixer of both filters and the head table: a token hash's bits spread over the int. */
  static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 15);
  }

  static int tokenCount(String key) {
    int n = 1;
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) == ' ') {
        n++;
      }
    }
    return n;
  }

  /** The compiled lexicon for a configuration; the default one is shared. */
  static BiasLexicon of(BiasDetector.Options options) {
    return options.equals(BiasDetector.Options.DEFAULT) ? DefaultHolder.INSTANCE : new BiasLexicon(options);
  }

  /** All parsed entries, enabled or not, in file order (for tests and tools). */
  static List<Entry> entries() {
    return Parsed.ENTRIES;
  }

  private static final class DefaultHolder {
    static final BiasLexicon INSTANCE = new BiasLexicon(BiasDetector.Options.DEFAULT);
  }

  /** The resource files, parsed once per JVM on first use. */
  static final class Parsed {
    static final List<Entry> ENTRIES = parseEntries();
    static final Map<String, String> GROUPS = parseGroups();
    static final CharArraySet TRAITS = parseTraits();
  }

  /** Longest lexicon line accepted; longer ones are malformed (a lost line break, binary data). */
  static final int MAX_LINE = 10_000;

  /** Most surface forms one lexicon form may inflect into ({@code +n} doubles, {@code +v} quadruples). */
  static final int MAX_EXPANSIONS = 256;

  private static List<Entry> parseEntries() {
    List<Entry> out = new ArrayList<>();
    for (String file : FILES) {
      out.addAll(parseEntries(file, lines(file)));
    }
    return List.copyOf(out);
  }

  /**
   * Parses the rows of one lexicon file. Every malformed row is an {@link IllegalStateException}
   * naming the file and line (never the JVM's memory: inflection blow-ups are refused before they
   * are expanded).
   *
   * @param file the file name, for messages
   * @param lines the file's lines
   * @return the entries in file order
   */
  static List<Entry> parseEntries(String file, List<String> lines) {
    List<Entry> out = new ArrayList<>();
    int lineNo = 0;
    for (String raw : lines) {
      lineNo++;
      String line = checkLine(file, lineNo, raw);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t", -1);
      if (c.length != 7) {
        throw malformed(file, lineNo, "must have 7 tab-separated columns: " + c.length);
      }
      List<String> forms = new ArrayList<>();
      for (String f : c[0].split("\\|")) {
        String form = f.trim();
        if (form.isEmpty() || Tokens.key(form.replace("+n", "").replace("+v", "")).isEmpty()) {
          throw malformed(file, lineNo, "has an empty form");
        }
        long expansions = 1;
        for (String word : form.split(" ")) {
          if (word.equals("+n") || word.equals("+v")) {
            throw malformed(file, lineNo, "has an inflection marker without a word");
          }
          expansions *= word.endsWith("+v") ? 4 : word.endsWith("+n") ? 2 : 1;
          if (expansions > MAX_EXPANSIONS) {
            throw malformed(file, lineNo, "has a form with more than " + MAX_EXPANSIONS + " inflections");
          }
        }
        forms.addAll(Inflections.expand(form));
      }
      String severity = c[2].trim();
      double score = switch (severity) {
        case "low" -> 0.35;
        case "medium" -> 0.6;
        case "high" -> 0.85;
        default -> throw malformed(file, lineNo, "severity must be low, medium or high");
      };
      String typeName = c[1].trim().toUpperCase(Locale.ROOT);
      if (!typeName.matches("[A-Z][A-Z0-9_]{0,63}")) {
        throw malformed(file, lineNo, "category must be an upper-case name such as GENDERED");
      }
      List<String> sugg = new ArrayList<>();
      for (String sg : c[3].split("\\|")) {
        if (!sg.isBlank() && sugg.size() < 3) {
          sugg.add(sg.trim());
        }
      }
      Set<String> conds = c[5].isBlank() ? Set.of() : Set.copyOf(Arrays.asList(c[5].trim().split("\\s*,\\s*")));
      FindingType type = FindingType.of(Category.BIAS, typeName);
      out.add(new Entry(List.copyOf(forms), type, severity, score, List.copyOf(sugg), c[4].trim(), conds, c[6].trim()));
    }
    return out;
  }

  private static Map<String, String> parseGroups() {
    return parseGroups("groups.tsv", lines("groups.tsv"));
  }

  /**
   * Parses the group table ({@code phrase TAB group}); malformed rows are an
   * {@link IllegalStateException} naming the file and line.
   *
   * @param file the file name, for messages
   * @param lines the file's lines
   * @return phrase key to group
   */
  static Map<String, String> parseGroups(String file, List<String> lines) {
    Map<String, String> out = new HashMap<>();
    int lineNo = 0;
    for (String raw : lines) {
      lineNo++;
      String line = checkLine(file, lineNo, raw);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t");
      if (c.length < 2 || c[0].isBlank() || c[1].isBlank()) {
        throw malformed(file, lineNo, "must be a phrase and a group separated by a tab");
      }
      String phrase = c[0].trim();
      String key = phrase.startsWith("@") ? "@" + Tokens.key(phrase.substring(1)) : Tokens.key(phrase);
      if (key.isEmpty() || key.equals("@")) {
        throw malformed(file, lineNo, "has an empty phrase");
      }
      out.putIfAbsent(key, c[1].trim());
    }
    return Map.copyOf(out);
  }

  /** Strips a byte-order mark from the first line; refuses over-long lines, controls and lone surrogates. */
  private static String checkLine(String file, int lineNo, String line) {
    if (lineNo == 1 && line.startsWith("\uFEFF")) {
      line = line.substring(1);
    }
    if (line.length() > MAX_LINE) {
      throw malformed(file, lineNo, "is longer than " + MAX_LINE + " chars");
    }
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if ((ch < 0x20 && ch != '\t') || ch == 0x7F) {
        throw malformed(file, lineNo, "contains control character U+" + String.format("%04X", (int) ch));
      }
      if (Character.isSurrogate(ch)) {
        boolean paired = Character.isHighSurrogate(ch) && i + 1 < line.length() && Character.isLowSurrogate(line.charAt(i + 1));
        if (!paired) {
          throw malformed(file, lineNo, "contains a lone surrogate");
        }
        i++;
      }
    }
    return line;
  }

  private static IllegalStateException malformed(String file, int lineNo, String what) {
    return new IllegalStateException("bias lexicon " + file + " line " + lineNo + " " + what);
  }

  private static CharArraySet parseTraits() {
    CharArraySet out = new CharArraySet(256, false);
    for (String line : lines("traits.txt")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        out.add(Tokens.key(line.trim()));
      }
    }
    return CharArraySet.unmodifiableSet(out);
  }

  private static List<String> lines(String file) {
    return WordLists.lines(BiasLexicon.class, file, "bias lexicon");
  }
}
