package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardrails.CheckContext;
import dev.guardrails.Finding;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What reporting bare values (no cue word, no printed layout) would cost, per kind of value the
 * Presidio suite's reviewed exceptions hold: each group's shapes and validators (the production
 * ones from {@link NationalId}, {@link IdChecks}, {@link Checksums}, {@link GermanIds}) are run as
 * bare candidate finders over neutral text (FRANK news, Wikipedia evidence, knowledge-grounded
 * dialogue, BOLD sentences, gitleaks' false-positive examples, presidio-synth outside the spans
 * labelled as that kind), and a candidate counts as a false report unless the default {@code
 * pii.patterns} detector already reports something there or a negative cue word (order, ISBN,
 * SKU..., as the detector's own) is near. The same finders, added to the default
 * findings of each Presidio row, give the rows each group would add (an upper bound: a candidate
 * of the row's type counts even when the value validates for several types).
 *
 * <p>Run (skipped in normal builds): {@code ./mvnw -o -q -pl guardrails-detectors -am test
 * -Dpii.bare.experiment=true -Dtest=BareIdCostExperiment -Dsurefire.failIfNoSpecifiedTests=false}.
 * Asserts only the order of magnitude of what it measured (see {@code docs/pii.md}).
 */
class BareIdCostExperiment {

  /** The kinds of bare value among the reviewed exceptions. */
  enum Group {
    /** Compact 9-13 digit IDs with a published check digit (NationalId rows, SIN, ABA, Aadhaar, NHS). */
    CHECK_DIGIT_ID,
    /** Passport numbers: US (9 digits, letter + 8), IN, UK/IT, ES, KR, DE layouts. */
    PASSPORT,
    /** Vehicle plates: IN, NG, TR, DE, UK pre-2001. */
    PLATE,
    /** German postcodes: five bare digits. */
    POSTCODE,
    /** IDs without a check digit: SSN/ITIN ranges, bank numbers, voter IDs, KR/IT licences, PH TIN, BSNR, NG NIN. */
    NO_CHECK_ID
  }

  /** NationalId rows whose validator is a layout or range, not a check digit. */
  static final Set<NationalId> NO_CHECK_DIGIT = NationalId.WITHOUT_CHECK_DIGIT;

  record Cand(int start, int end, String type) {}

  /** Bare candidates of group {@code g} in {@code s}: every type whose shape and validator pass. */
  static List<Cand> candidates(Group g, String s) {
    List<Cand> out = new ArrayList<>();
    int n = s.length();
    int[] d = new int[32];
    int i = 0;
    while (i < n) {
      if (!alnum(s.charAt(i))) {
        i++;
        continue;
      }
      int we = i;
      while (we < n && alnum(s.charAt(we))) {
        we++;
      }
      int len = we - i;
      boolean digits = Tokens.allDigits(s, i, we);
      boolean isolated = isolated(s, i, we);
      switch (g) {
        case CHECK_DIGIT_ID -> {
          if (digits && isolated && len >= 9 && len <= 13 && load(s, i, we, d) && !NumberRules.counting(d, len)
              && !NumberRules.allSame(d, len)) {
            for (NationalId id : NationalId.values()) {
              if (id.check != null && !NO_CHECK_DIGIT.contains(id) && id.digits == len && id.check.test(d, len)) {
                out.add(new Cand(i, we, id.type.name()));
              }
            }
            if (len == 9 && Checksums.luhn(d, 9) && d[0] != 0 && d[0] != 8) {
              out.add(new Cand(i, we, "CA_SIN"));
            }
            if (len == 9 && Checksums.aba(d, 9)) {
              out.add(new Cand(i, we, "US_ABA_ROUTING"));
            }
            if (len == 12 && d[0] >= 2 && Checksums.verhoeff(d, 12)) {
              out.add(new Cand(i, we, "IN_AADHAAR"));
            }
            if (len == 10 && Checksums.nhs(d, 10)) {
              out.add(new Cand(i, we, "UK_NHS"));
            }
          }
        }
        case PASSPORT -> {
          if (isolated && len == 9) {
            if (digits) {
              out.add(new Cand(i, we, "US_PASSPORT"));
              out.add(new Cand(i, we, "UK_PASSPORT"));
            } else if (Tokens.isLetter(s.charAt(i)) && Tokens.allDigits(s, i + 1, we)) {
              out.add(new Cand(i, we, "US_PASSPORT"));
            }
            if (IdChecks.krPassport(s, i) != 0) {
              out.add(new Cand(i, we, "KR_PASSPORT"));
            }
            if (IdChecks.lettersDigits(s, i, 2) && sameCase(s.charAt(i), s.charAt(i + 1))) {
              out.add(new Cand(i, we, "UK_PASSPORT"));
              out.add(new Cand(i, we, "IT_PASSPORT"));
            }
            if (IdChecks.lettersDigits(s, i, 3)) {
              out.add(new Cand(i, we, "ES_PASSPORT"));
            }
          }
          if (isolated && (len == 9 || len == 10) && GermanIds.passportLayout(s, i, we)) {
            out.add(new Cand(i, we, "DE_PASSPORT"));
          }
          if (isolated && len == 8 && Tokens.isLetter(s.charAt(i)) && Tokens.allDigits(s, i + 1, we)) {
            out.add(new Cand(i, we, "IN_PASSPORT"));
          }
        }
        case PLATE -> plates(s, i, we, out);
        case POSTCODE -> {
          if (digits && isolated && len == 5 && load(s, i, we, d) && !(d[0] == 0 && d[1] == 0)
              && !NumberRules.allSame(d, 5)) {
            out.add(new Cand(i, we, "DE_PLZ"));
          }
        }
        case NO_CHECK_ID -> {
          if (digits && isolated && load(s, i, we, d)) {
            if (len == 9 && NumberRules.ssn(d)) {
              out.add(new Cand(i, we, "US_SSN"));
            }
            if (len == 9 && NumberRules.itin(d)) {
              out.add(new Cand(i, we, "US_ITIN"));
            }
            if (len >= 8 && len <= 17 && !NumberRules.counting(d, len) && !NumberRules.allSame(d, len)) {
              out.add(new Cand(i, we, "US_BANK_NUMBER"));
            }
            if (len == 12 && IdChecks.krDriverLicence(d, 12)) {
              out.add(new Cand(i, we, "KR_DRIVER_LICENSE"));
            }
            for (NationalId id : new NationalId[] {NationalId.DE_BSNR, NationalId.PH_TIN, NationalId.NG_NIN}) {
              if (id.digits == len && (id.check == null || id.check.test(d, len))) {
                out.add(new Cand(i, we, id.type.name()));
              }
            }
          }
          if (isolated && len == 10 && Tokens.isUpper(s.charAt(i)) && Tokens.isUpper(s.charAt(i + 1))
              && Tokens.isUpper(s.charAt(i + 2)) && Tokens.allDigits(s, i + 3, we)) {
            out.add(new Cand(i, we, "IN_VOTER"));
          }
          if (isolated && len == 10 && IdChecks.itDriverLicence(s, i)) {
            out.add(new Cand(i, we, "IT_DRIVER_LICENSE"));
          }
          if (isolated && len == 9 && IdChecks.itCie(s, i)) {
            out.add(new Cand(i, we, "IT_IDENTITY_CARD"));
          }
        }
        default -> throw new IllegalStateException();
      }
      i = we;
    }
    return out;
  }

  /** Plates whose first token is {@code s[i, we)}: compact, or joined by one space or dash to the next tokens. */
  private static void plates(String s, int i, int we, List<Cand> out) {
    int n = s.length();
    int len = we - i;
    boolean isolated = isolated(s, i, we);
    if (isolated && len >= 7 && len <= 11 && IdChecks.inPlate(s, i, len)) {
      out.add(new Cand(i, we, "IN_VEHICLE_REGISTRATION"));
    }
    // NG: LLL DDD LL, compact or with a dash or space after the letters, one case
    String t = shapeOf(s, i, Math.min(n, i + 9));
    if (isolated && len == 8 && t.startsWith("AAA999AA") || len == 3 && we + 6 <= n
        && (s.charAt(we) == '-' || s.charAt(we) == ' ') && t.length() == 9 && t.matches("AAA.999AA")
        && isolated(s, i, we + 6)) {
      out.add(new Cand(i, len == 8 ? we : we + 6, "NG_VEHICLE_REGISTRATION"));
    }
    if (isolated && len == 8 && t.startsWith("aaa999aa")) {
      out.add(new Cand(i, we, "NG_VEHICLE_REGISTRATION"));
    }
    // TR: 34 ABC 1234 or compact 34ABC1234
    if (len >= 2 && PiiPatternDetector.isDigit(s.charAt(i)) && PiiPatternDetector.isDigit(s.charAt(i + 1))) {
      int province = (s.charAt(i) - '0') * 10 + s.charAt(i + 1) - '0';
      if (len == 2 && we + 1 < n && s.charAt(we) == ' ') {
        int ls = we + 1;
        int p = ls;
        while (p < n && Tokens.isLetter(s.charAt(p))) {
          p++;
        }
        int nl = p - ls;
        if (p < n && s.charAt(p) == ' ') {
          int ds = p + 1;
          int q = ds;
          while (q < n && PiiPatternDetector.isDigit(s.charAt(q))) {
            q++;
          }
          if ((q == n || !alnum(s.charAt(q))) && isolated(s, i, q) && sameCase(s.charAt(ls), s.charAt(p - 1))
              && IdChecks.trPlate(province, s, ls, nl, q - ds)) {
            out.add(new Cand(i, q, "TR_LICENSE_PLATE"));
          }
        }
      } else if (isolated && len > 4) {
        int p = i + 2;
        while (p < we && Tokens.isLetter(s.charAt(p))) {
          p++;
        }
        if (p > i + 2 && Tokens.allDigits(s, p, we) && sameCase(s.charAt(i + 2), s.charAt(p - 1))
            && IdChecks.trPlate(province, s, i + 2, p - i - 2, we - p)) {
          out.add(new Cand(i, we, "TR_LICENSE_PLATE"));
        }
      }
    }
    // DE: district (1-3 letters) '-' or ' ', 1-2 letters, ' ' or '-', 1-4 digits not starting with 0
    if (len <= 3 && Tokens.isLetter(s.charAt(i)) && !Tokens.allDigits(s, i, we) && GermanIds.district(s, i, we)
        && we + 3 < n && (s.charAt(we) == '-' || s.charAt(we) == ' ')) {
      int ls = we + 1;
      int p = ls;
      while (p < n && Tokens.isLetter(s.charAt(p)) && p - ls < 3) {
        p++;
      }
      if (p - ls >= 1 && p - ls <= 2 && p < n && (s.charAt(p) == ' ' || s.charAt(p) == '-')) {
        int ds = p + 1;
        int q = ds;
        while (q < n && PiiPatternDetector.isDigit(s.charAt(q))) {
          q++;
        }
        int nd = q - ds;
        boolean oneCase = sameCase(s.charAt(i), s.charAt(p - 1)) && Tokens.isUpper(s.charAt(i)) == Tokens.isUpper(s.charAt(ls));
        if (nd >= 1 && nd <= 4 && s.charAt(ds) != '0' && len + (p - ls) + nd <= 8 && oneCase
            && (q == n || !alnum(s.charAt(q))) && isolated(s, i, q)) {
          out.add(new Cand(i, q, "DE_KFZ"));
        }
      }
    }
    // UK before 2001: prefix A123 BCD / M456DEF, suffix ABC 123D / DEF456G; upper case
    String w = shapeOf(s, i, we);
    String next = we + 1 < n && s.charAt(we) == ' ' ? shapeOf(s, we + 1, tokenEnd(s, we + 1)) : "";
    int nextEnd = tokenEnd(s, we + 1);
    if (isolated && (w.matches("A9{1,3}AAA") || w.matches("AAA9{1,3}A"))) {
      out.add(new Cand(i, we, "UK_VEHICLE_REGISTRATION"));
    } else if ((w.matches("A9{1,3}") && next.equals("AAA") || w.equals("AAA") && next.matches("9{1,3}A"))
        && isolated(s, i, nextEnd)) {
      out.add(new Cand(i, nextEnd, "UK_VEHICLE_REGISTRATION"));
    }
  }

  /** Shape of {@code s[a, b)}: 'A' upper, 'a' lower, '9' digit, the char itself otherwise. */
  private static String shapeOf(String s, int a, int b) {
    StringBuilder sb = new StringBuilder(b - a);
    for (int k = a; k < b; k++) {
      char c = s.charAt(k);
      sb.append(Tokens.isUpper(c) ? 'A' : Tokens.isLower(c) ? 'a' : PiiPatternDetector.isDigit(c) ? '9' : c);
    }
    return sb.toString();
  }

  private static int tokenEnd(String s, int a) {
    int e = a;
    while (e < s.length() && alnum(s.charAt(e))) {
      e++;
    }
    return e;
  }

  private static boolean load(String s, int i, int we, int[] d) {
    if (we - i > d.length) {
      return false;
    }
    for (int k = i; k < we; k++) {
      d[k - i] = s.charAt(k) - '0';
    }
    return true;
  }

  private static boolean alnum(char c) {
    return PiiPatternDetector.isLetterOrDigit(c);
  }

  private static boolean sameCase(char a, char b) {
    return Tokens.isUpper(a) == Tokens.isUpper(b) && Tokens.isLower(a) == Tokens.isLower(b);
  }

  /**
   * Not glued to a longer number or code: no {@code . , - / : + _} between it and another letter or
   * digit on either side (decimals, dates, versions, dashed references, phone groups).
   */
  static boolean isolated(String s, int a, int b) {
    if (a > 0) {
      char c = s.charAt(a - 1);
      if (c == '+' || c == '_' || c == '#' || ".,-/:".indexOf(c) >= 0 && a > 1 && alnum(s.charAt(a - 2))) {
        return false;
      }
    }
    if (b < s.length()) {
      char c = s.charAt(b);
      return !(c == '_' || ".,-/:".indexOf(c) >= 0 && b + 1 < s.length() && alnum(s.charAt(b + 1)));
    }
    return true;
  }

  // ------------------------------------------------------------------ corpora

  /** One neutral corpus: distinct texts, and gold spans to leave out (presidio-synth only). */
  record Corpus(String name, List<String> texts, Map<String, List<String[]>> gold) {}

  static List<Corpus> corpora() throws IOException {
    Path ds = PiiAccuracy.datasets();
    List<Corpus> out = new ArrayList<>();
    out.add(new Corpus("news (FRANK sources+summaries)",
        jsonl(List.of(ds.resolve("claims/frank-validation.jsonl")), "source", "response"), Map.of()));
    Path t = ds.resolve("claims/training");
    out.add(new Corpus("Wikipedia evidence (WiCE, DialFact, HaluEval)", jsonl(List.of(t.resolve("wice/wice-claims.jsonl"),
        t.resolve("dialfact_testsmall/dialfact_testsmall.jsonl"), t.resolve("halueval_qa_sample/halueval_qa_sample.jsonl")),
        "source", "response"), Map.of()));
    out.add(new Corpus("dialogue (BEGIN, FaithDial)", jsonl(List.of(t.resolve("begin/begin-wow-cmu.jsonl"),
        t.resolve("begin/begin-topicalchat.jsonl"), t.resolve("faithdial_audit/faithdial_audit_wow_cmudog.jsonl"),
        t.resolve("faithdial_audit/faithdial_audit_topicalchat.jsonl")), "source", "response", "context"), Map.of()));
    out.add(new Corpus("BOLD neutral (gender, profession)", bold(ds.resolve("bias/bold-neutral")), Map.of()));
    List<String> fp = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(ds.resolve("peer-suites/gitleaks-rule-examples.jsonl"), StandardCharsets.UTF_8)) {
      JsonNode n = json.readTree(line);
      if ("fp".equals(n.path("kind").asText())) {
        fp.add(n.path("text").asText());
      }
    }
    out.add(new Corpus("gitleaks false-positive examples", new ArrayList<>(new LinkedHashSet<>(fp)), Map.of()));
    List<String> synth = new ArrayList<>();
    Map<String, List<String[]>> gold = new LinkedHashMap<>();
    for (JsonNode r : json.readTree(ds.resolve("pii/presidio-synth-v2.json").toFile())) {
      String text = r.get("full_text").asText();
      List<String[]> spans = new ArrayList<>();
      for (JsonNode sp : r.path("spans")) {
        spans.add(new String[] {sp.get("entity_type").asText(), sp.get("start_position").asText(),
            sp.get("end_position").asText()});
      }
      if (gold.putIfAbsent(text, spans) == null) {
        synth.add(text);
      }
    }
    out.add(new Corpus("presidio-synth-v2 (outside spans of that kind)", synth, gold));
    return out;
  }

  private static List<String> jsonl(List<Path> files, String... fields) throws IOException {
    Set<String> texts = new LinkedHashSet<>();
    ObjectMapper json = new ObjectMapper();
    for (Path f : files) {
      try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode n = json.readTree(line);
          for (String field : fields) {
            String v = n.path(field).asText("");
            if (!v.isBlank()) {
              texts.add(v);
            }
          }
        }
      }
    }
    return new ArrayList<>(texts);
  }

  private static List<String> bold(Path dir) throws IOException {
    Set<String> texts = new LinkedHashSet<>();
    ObjectMapper json = new ObjectMapper();
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        for (Iterator<JsonNode> cats = json.readTree(f.toFile()).elements(); cats.hasNext(); ) {
          for (Iterator<JsonNode> people = cats.next().elements(); people.hasNext(); ) {
            people.next().forEach(sent -> texts.add(sent.asText()));
          }
        }
      }
    }
    return new ArrayList<>(texts);
  }

  /** Gold labels of presidio-synth that are the group's own kind (not a false report there). */
  static final Map<Group, Set<String>> OWN_LABELS = new EnumMap<>(Map.of(Group.CHECK_DIGIT_ID, Set.of("US_SSN"),
      Group.PASSPORT, Set.of(), Group.PLATE, Set.of(), Group.POSTCODE, Set.of("ZIP_CODE"),
      Group.NO_CHECK_ID, Set.of("US_SSN", "US_DRIVER_LICENSE")));

  static int sentences(String text) {
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
    it.setText(text);
    int count = 0;
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      if (!text.substring(start, end).isBlank()) {
        count++;
      }
    }
    return count;
  }

  // ------------------------------------------------------------------ the run

  /** Measured: false reports per corpus and group, and Presidio rows per group. */
  static final class Result {
    final Map<String, double[]> size = new LinkedHashMap<>(); // corpus -> {sentences, MB}
    final Map<String, Map<Group, Integer>> falseReports = new LinkedHashMap<>();
    final Map<String, Map<Group, Map<String, Integer>>> byType = new LinkedHashMap<>();
    final Map<String, Integer> optIn = new LinkedHashMap<>(); // corpus -> reports the built opt-in adds
    final Map<String, Integer> longRuns = new LinkedHashMap<>(); // corpus -> bare 9-13 digit runs
    final Map<Group, Integer> rowsAdded = new EnumMap<>(Group.class);
    final Map<Group, List<String>> rowIds = new EnumMap<>(Group.class);
    int allAdded;
    int allLost;
    final Map<Group, Integer> rowsLost = new EnumMap<>(Group.class);
    int pass;
    int denominator;
  }

  static Result measure() throws IOException {
    Result res = new Result();
    Guardrail patterns = Guardrail.builder().detector(new PiiPatternDetector()).policy(Policy.defaults()).build();
    Guardrail bare = Guardrail.builder().detector(PiiPatternDetector.builder().bareCheckDigitIds(true).build())
        .policy(Policy.defaults()).build();
    for (Corpus c : corpora()) {
      int sent = 0;
      long bytes = 0;
      Map<Group, Integer> counts = new EnumMap<>(Group.class);
      Map<Group, Map<String, Integer>> types = new EnumMap<>(Group.class);
      for (String text : c.texts()) {
        sent += sentences(text);
        bytes += text.getBytes(StandardCharsets.UTF_8).length;
        List<Finding> found = patterns.check(text, CheckContext.empty()).findings();
        List<String[]> gold = c.gold().getOrDefault(text, List.of());
        res.longRuns.merge(c.name(), longRuns(text, found), Integer::sum);
        for (Finding f : bare.check(text, CheckContext.empty()).findings()) {
          if (!overlapsFinding(found, f.start(), f.end())
              && !overlapsGold(gold, OWN_LABELS.get(Group.CHECK_DIGIT_ID), new Cand(f.start(), f.end(), ""))) {
            res.optIn.merge(c.name(), 1, Integer::sum);
          }
        }
        for (Group g : Group.values()) {
          Set<Long> spans = new LinkedHashSet<>();
          for (Cand k : candidates(g, text)) {
            if (overlapsFinding(found, k.start(), k.end()) || overlapsGold(gold, OWN_LABELS.get(g), k)
                || PiiPatternDetector.NEGATIVE.near(text, k.start(), k.end())) {
              continue;
            }
            if (spans.add(((long) k.start() << 32) | k.end())) {
              counts.merge(g, 1, Integer::sum);
            }
            types.computeIfAbsent(g, x -> new TreeMap<>()).merge(k.type(), 1, Integer::sum);
          }
        }
      }
      res.longRuns.putIfAbsent(c.name(), 0);
      res.optIn.putIfAbsent(c.name(), 0);
      res.size.put(c.name(), new double[] {sent, bytes / 1e6});
      res.falseReports.put(c.name(), counts);
      res.byType.put(c.name(), types);
    }
    presidio(res);
    return res;
  }

  /** Isolated compact runs of 9 to 13 digits that {@code found} does not cover: what a bare check-digit ID could flag. */
  private static int longRuns(String s, List<Finding> found) {
    int count = 0;
    for (int i = 0; i < s.length(); ) {
      if (!PiiPatternDetector.isDigit(s.charAt(i)) || i > 0 && alnum(s.charAt(i - 1))) {
        i++;
        continue;
      }
      int e = tokenEnd(s, i);
      if (e - i >= 9 && e - i <= 13 && Tokens.allDigits(s, i, e) && isolated(s, i, e) && !overlapsFinding(found, i, e)) {
        count++;
      }
      i = e;
    }
    return count;
  }

  /**
   * Share of uniformly random compact numbers of each length 9-13 (fixed seed) that some validator of
   * {@link Group#CHECK_DIGIT_ID} accepts: the chance that an order, account or reference number of
   * that length would be flagged.
   */
  static String randomPassRates() {
    java.util.Random rnd = new java.util.Random(15);
    StringBuilder sb = new StringBuilder("random numbers a check-digit validator accepts:");
    for (int len = 9; len <= 13; len++) {
      int hits = 0;
      int trials = 100_000;
      for (int t = 0; t < trials; t++) {
        StringBuilder v = new StringBuilder(len);
        v.append((char) ('1' + rnd.nextInt(9)));
        for (int k = 1; k < len; k++) {
          v.append((char) ('0' + rnd.nextInt(10)));
        }
        hits += candidates(Group.CHECK_DIGIT_ID, v.toString()).isEmpty() ? 0 : 1;
      }
      sb.append(String.format(Locale.ROOT, " %d digits %.1f%%;", len, 100.0 * hits / trials));
    }
    return sb.append('\n').toString();
  }

  private static boolean overlapsFinding(List<Finding> found, int a, int b) {
    for (Finding f : found) {
      if (f.start() < b && a < f.end()) {
        return true;
      }
    }
    return false;
  }

  private static boolean overlapsGold(List<String[]> gold, Set<String> labels, Cand k) {
    for (String[] g : gold) {
      if (labels.contains(g[0]) && Integer.parseInt(g[1]) < k.end() && k.start() < Integer.parseInt(g[2])) {
        return true;
      }
    }
    return false;
  }

  /** Presidio rows (claimed, non-PERSON, default leniency; both files) passing with each group's candidates added. */
  private static void presidio(Result res) throws IOException {
    Path dir = PiiAccuracy.datasets().resolve("peer-suites");
    List<PresidioSuiteTest.Row> rows = PresidioSuiteTest.load(dir.resolve("presidio-recognizer-tests.jsonl"), false);
    rows.addAll(PresidioSuiteTest.load(dir.resolve("presidio-country-tests.jsonl"), true));
    Map<String, String> exceptions = PresidioSuiteTest.loadExceptions(dir.resolve("presidio-exceptions.tsv"));
    Guardrail guard = Guardrail.builder().discoverDetectors().policy(Policy.defaults()).build();
    for (PresidioSuiteTest.Row r : rows) {
      if (!r.claimed() || r.entity().equals("PERSON") || r.leniency() >= 0 && r.leniency() != 1) {
        continue;
      }
      GuardResult result = guard.check(r.text(), CheckContext.empty());
      List<int[]> ours = PresidioSuiteTest.spansOf(result, r.ourType());
      boolean excepted = exceptions.containsKey(r.id());
      boolean base = !excepted && PresidioSuiteTest.passes(r, ours, null);
      res.denominator++;
      res.pass += base ? 1 : 0;
      List<int[]> all = new ArrayList<>(ours);
      for (Group g : Group.values()) {
        List<int[]> with = new ArrayList<>(ours);
        for (Cand k : candidates(g, r.text())) {
          if (k.type().equals(r.ourType()) && !overlapsFinding(result.findings(), k.start(), k.end())) {
            with.add(new int[] {k.start(), k.end()});
            all.add(new int[] {k.start(), k.end()});
          }
        }
        boolean pass = PresidioSuiteTest.passes(r, with, null);
        if (pass && !base) {
          res.rowsAdded.merge(g, 1, Integer::sum);
          res.rowIds.computeIfAbsent(g, x -> new ArrayList<>()).add("+" + r.id());
        } else if (!pass && base) {
          res.rowsLost.merge(g, 1, Integer::sum);
          res.rowIds.computeIfAbsent(g, x -> new ArrayList<>()).add("-" + r.id());
        }
      }
      boolean pass = PresidioSuiteTest.passes(r, all, null);
      res.allAdded += pass && !base ? 1 : 0;
      res.allLost += !pass && base ? 1 : 0;
    }
  }

  static String table(Result res) {
    StringBuilder sb = new StringBuilder();
    sb.append("Bare-value cost (false reports on neutral text: candidates the default pii.patterns does not report)\n");
    sb.append(String.format(Locale.ROOT, "%-48s %9s %7s%n", "corpus", "sentences", "MB"));
    res.size.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%-48s %9.0f %7.2f%n", k, v[0], v[1])));
    sb.append(String.format(Locale.ROOT, "Presidio (claimed non-PERSON rows, excepted counted as failures): %d/%d = %.1f%%%n",
        res.pass, res.denominator, 100.0 * res.pass / res.denominator));
    sb.append(String.format(Locale.ROOT, "all groups together: Presidio rows +%d -%d -> %.1f%%%n", res.allAdded,
        res.allLost, 100.0 * (res.pass + res.allAdded - res.allLost) / res.denominator));
    sb.append(randomPassRates());
    sb.append("reports the built opt-in bareCheckDigitIds adds per corpus: ").append(res.optIn).append('\n');
    sb.append("bare 9-13 digit runs (isolated, not reported by default) per corpus: ").append(res.longRuns).append('\n');
    for (Group g : Group.values()) {
      int added = res.rowsAdded.getOrDefault(g, 0);
      int lost = res.rowsLost.getOrDefault(g, 0);
      sb.append(String.format(Locale.ROOT, "%n%s: Presidio rows +%d -%d -> %.1f%% (+%.1f points)%n", g, added, lost,
          100.0 * (res.pass + added - lost) / res.denominator, 100.0 * (added - lost) / res.denominator));
      sb.append(String.format(Locale.ROOT, "  %-48s %7s %10s %8s  %s%n", "corpus", "reports", "per 10k s.", "per MB",
          "by type (a span may fit several)"));
      for (String c : res.size.keySet()) {
        double[] sz = res.size.get(c);
        int k = res.falseReports.get(c).getOrDefault(g, 0);
        sb.append(String.format(Locale.ROOT, "  %-48s %7d %10.2f %8.2f  %s%n", c, k, 1e4 * k / sz[0], k / sz[1],
            res.byType.get(c).getOrDefault(g, Map.of())));
      }
      if (Boolean.getBoolean("pii.bare.verbose")) {
        sb.append("  rows: ").append(res.rowIds.getOrDefault(g, List.of())).append('\n');
      }
    }
    return sb.toString();
  }

  @Test
  @EnabledIfSystemProperty(named = "pii.bare.experiment", matches = "true")
  void run() throws IOException {
    Result res = measure();
    System.out.print(table(res));
    // order of magnitude only: every group adds Presidio rows, and the corpora were read
    for (Group g : Group.values()) {
      assertTrue(res.rowsAdded.getOrDefault(g, 0) > 0, g + " adds no Presidio row");
    }
    res.size.forEach((k, v) -> assertTrue(v[0] > 100 && v[1] > 0.005, "corpus too small: " + k));
  }
}
