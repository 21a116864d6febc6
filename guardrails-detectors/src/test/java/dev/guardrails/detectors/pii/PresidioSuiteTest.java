package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardrails.Action;
import dev.guardrails.CheckContext;
import dev.guardrails.Decision;
import dev.guardrails.Finding;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Presidio's recognizer unit tests as a peer suite ({@code datasets/peer-suites/presidio-recognizer-tests.jsonl},
 * extracted from microsoft/presidio {@code presidio-analyzer/tests} at 0aa9f8e): every row runs
 * through the default pipeline (all detectors on the class path, {@link Policy#defaults()}), and
 * our findings of the row's type are compared with the spans Presidio expects.
 *
 * <p>Per expected span: <b>exact</b> (a finding of our type has the same span), <b>overlap</b> (a
 * finding of our type overlaps it), else <b>missed</b>; a finding of our type that overlaps no
 * expected span is <b>extra</b>. A row passes with nothing missed and nothing extra; a context row
 * ({@code expected_len} -1, Presidio's {@code context_sentences_tests.txt}: positions not given)
 * passes with at least one finding of its type (three IPv6 rows give a count but no positions: they
 * pass with that many findings). Rows that expect Presidio's behaviour under a
 * non-default phone {@code leniency} are skipped (we have one setting: the default). Rows where we
 * judge Presidio's expectation wrong are listed, each with its reason, in
 * {@code presidio-exceptions.tsv} and not scored.
 *
 * <p>Asserted: rows of every entity Presidio tests except PERSON, DATE_TIME and URL (the file's claimed
 * ones and {@link #ADDED}) pass at >= 97% after the exceptions;
 * PERSON rows are measured and printed (the names work owns them). And no claimed non-PERSON row,
 * excepted or not, may have a redaction that leaves part of an expected value visible (for example
 * {@code 2001:db8::192.168.1.1} redacted to {@code <IP_ADDRESS_1>.168.1.1}). Rows of entities we do
 * not claim are printed as a baseline for the breadth work (what, if anything, we report on them).
 */
class PresidioSuiteTest {

  private static final double FLOOR = 0.97;

  /**
   * Our type for Presidio entities the suite file marks unclaimed (it was cut before these types
   * existed); every entity Presidio has a test for is scored except DATE_TIME and URL (not personal
   * data on their own).
   */
  static final Map<String, String> ADDED = Map.ofEntries(Map.entry("US_ITIN", "US_ITIN"),
      Map.entry("US_BANK_NUMBER", "US_BANK_NUMBER"), Map.entry("FIN", "SG_NRIC_FIN"), Map.entry("IN_PAN", "IN_PAN"),
      Map.entry("IN_PASSPORT", "IN_PASSPORT"), Map.entry("PH_TIN", "PH_TIN"), Map.entry("US_NPI", "US_NPI"),
      Map.entry("UK_PASSPORT", "UK_PASSPORT"), Map.entry("UK_DRIVING_LICENCE", "UK_DRIVING_LICENCE"),
      Map.entry("UK_POSTCODE", "UK_POSTCODE"), Map.entry("US_MBI", "US_MBI"), Map.entry("SG_UEN", "SG_UEN"),
      Map.entry("IN_GSTIN", "IN_GSTIN"), Map.entry("DE_ID_CARD", "DE_ID_CARD"),
      Map.entry("SE_ORGANISATIONSNUMMER", "SE_ORGANISATIONSNUMMER"), Map.entry("DE_VAT_ID", "DE_VAT_ID"),
      Map.entry("DE_HEALTH_INSURANCE", "DE_HEALTH_INSURANCE"),
      Map.entry("DE_SOCIAL_SECURITY", "DE_SOCIAL_SECURITY"),
      // German types, part B
      Map.entry("DE_PASSPORT", "DE_PASSPORT"), Map.entry("DE_FUEHRERSCHEIN", "DE_FUEHRERSCHEIN"),
      Map.entry("DE_KFZ", "DE_KFZ"), Map.entry("DE_PLZ", "DE_PLZ"), Map.entry("DE_TAX_NUMBER", "DE_TAX_NUMBER"),
      Map.entry("DE_HANDELSREGISTER", "DE_HANDELSREGISTER"), Map.entry("DE_LANR", "DE_LANR"),
      Map.entry("DE_BSNR", "DE_BSNR"),
      Map.entry("UK_VEHICLE_REGISTRATION", "UK_VEHICLE_REGISTRATION"),
      // issue 15, part A (ids)
      Map.entry("KR_PASSPORT", "KR_PASSPORT"), Map.entry("KR_FRN", "KR_FRN"), Map.entry("KR_BRN", "KR_BRN"),
      Map.entry("KR_DRIVER_LICENSE", "KR_DRIVER_LICENSE"), Map.entry("ES_PASSPORT", "ES_PASSPORT"),
      Map.entry("IT_VAT_CODE", "IT_VAT_CODE"), Map.entry("IT_IDENTITY_CARD", "IT_IDENTITY_CARD"),
      Map.entry("IT_PASSPORT", "IT_PASSPORT"), Map.entry("IT_DRIVER_LICENSE", "IT_DRIVER_LICENSE"),
      Map.entry("IN_VEHICLE_REGISTRATION", "IN_VEHICLE_REGISTRATION"),
      Map.entry("NG_VEHICLE_REGISTRATION", "NG_VEHICLE_REGISTRATION"),
      Map.entry("TR_LICENSE_PLATE", "TR_LICENSE_PLATE"));

  record Row(String id, String text, int expectedLen, List<int[]> positions, String entity, String ourType,
      boolean claimed, int leniency, boolean country) {}

  /**
   * Floor for the rows of {@code presidio-country-tests.jsonl} (Presidio's country-specific recognizer
   * tests, extracted by {@code tools/pii/extract_presidio_country_tests.py}) of entities we have,
   * after the reviewed exceptions: issue 15's 97% (the table printed gives each entity's share).
   */
  private static final double COUNTRY_FLOOR = 0.97;

  /** Counts per Presidio entity. */
  static final class Tally {
    int rows;
    int passed;
    int exact;
    int overlap;
    int missed;
    int extra;
    int excepted;
    int skipped;
  }

  private static List<Row> rows;
  private static Map<String, String> exceptions;
  private static final Map<String, Tally> byEntity = new TreeMap<>();
  private static final Map<String, Tally> byCountryEntity = new TreeMap<>();
  private static int originalRows;
  private static final List<String> failures = new ArrayList<>();
  private static final List<String> leaks = new ArrayList<>();
  private static final List<String> personLeaks = new ArrayList<>(); // measured; the names work owns them
  private static final Map<String, int[]> unclaimed = new TreeMap<>(); // rows, rows where we report something
  private static final List<String> unclaimedNotes = new ArrayList<>();
  /** With {@code bareCheckDigitIds}: rows, passing, excepted rows now passing, scored rows now failing. */
  private static final int[] bareRows = new int[4];
  private static final List<String> bareFailures = new ArrayList<>();

  @BeforeAll
  static void run() throws IOException {
    Path dir = PiiAccuracy.datasets().resolve("peer-suites");
    rows = load(dir.resolve("presidio-recognizer-tests.jsonl"), false);
    originalRows = rows.size();
    rows.addAll(load(dir.resolve("presidio-country-tests.jsonl"), true));
    exceptions = loadExceptions(dir.resolve("presidio-exceptions.tsv"));
    Guardrail guard = Guardrail.builder().discoverDetectors().policy(Policy.defaults()).build();
    Guardrail bare = Guardrail.builder().detector(PiiPatternDetector.builder().bareCheckDigitIds(true).build())
        .discoverDetectors().policy(Policy.defaults()).build();
    for (Row r : rows) {
      GuardResult result = guard.check(r.text(), CheckContext.empty());
      if (r.claimed() && !r.entity().equals("PERSON") && !(r.leniency() >= 0 && r.leniency() != 1)) {
        // the opt-in, every row scored (excepted ones too: the figure counts them as failures unless they pass)
        boolean pass = passes(r, spansOf(bare.check(r.text(), CheckContext.empty()), r.ourType()), null);
        boolean excepted = exceptions.containsKey(r.id());
        bareRows[0]++;
        bareRows[1] += pass ? 1 : 0;
        bareRows[2] += pass && excepted ? 1 : 0;
        if (!pass && !excepted) {
          bareRows[3]++;
          bareFailures.add(r.id());
        }
      }
      if (!r.claimed()) {
        unclaimed(r, result);
        continue;
      }
      Tally t = (r.country() ? byCountryEntity : byEntity).computeIfAbsent(r.entity(), k -> new Tally());
      if (partialLeak(r, result)) {
        (r.entity().equals("PERSON") ? personLeaks : leaks).add(r.id() + " " + show(r, result));
      }
      if (r.leniency() >= 0 && r.leniency() != 1) {
        t.skipped++;
        continue;
      }
      if (exceptions.containsKey(r.id())) {
        t.excepted++;
        continue;
      }
      t.rows++;
      boolean pass = passes(r, spansOf(result, r.ourType()), t);
      if (pass) {
        t.passed++;
      } else {
        failures.add(r.id() + " [" + r.entity() + "] " + show(r, result));
      }
    }
    print();
  }

  /** The spans of {@code result}'s findings of type {@code ourType}. */
  static List<int[]> spansOf(GuardResult result, String ourType) {
    List<int[]> ours = new ArrayList<>();
    for (Finding f : result.findings()) {
      if (f.type().name().equals(ourType)) {
        ours.add(new int[] {f.start(), f.end()});
      }
    }
    return ours;
  }

  /**
   * Whether a row passes with {@code ours} (spans of findings of its type), by the rules of the
   * class Javadoc; counts into {@code t} when not null.
   */
  static boolean passes(Row r, List<int[]> ours, Tally t) {
    Tally c = t != null ? t : new Tally();
    if (r.expectedLen() < 0 || r.positions().isEmpty() && r.expectedLen() > 0) {
      // positions not given: a context row expects a finding, a count-only row that many
      boolean pass = r.expectedLen() < 0 ? !ours.isEmpty() : ours.size() == r.expectedLen();
      if (pass) {
        c.overlap++;
      } else {
        c.missed++;
      }
      return pass;
    }
    int missed = 0;
    for (int[] p : r.positions()) {
      boolean exact = false;
      boolean overlap = false;
      for (int[] f : ours) {
        exact |= f[0] == p[0] && f[1] == p[1];
        overlap |= f[0] < p[1] && p[0] < f[1];
      }
      if (exact) {
        c.exact++;
      } else if (overlap) {
        c.overlap++;
      } else {
        c.missed++;
        missed++;
      }
    }
    int extra = 0;
    for (int[] f : ours) {
      boolean any = false;
      for (int[] p : r.positions()) {
        any |= f[0] < p[1] && p[0] < f[1];
      }
      if (!any) {
        extra++;
      }
    }
    c.extra += extra;
    return missed == 0 && extra == 0;
  }

  private static void unclaimed(Row r, GuardResult result) {
    int[] u = unclaimed.computeIfAbsent(r.entity(), k -> new int[3]);
    u[0]++;
    StringBuilder types = new StringBuilder();
    boolean onValue = false;
    for (Finding f : result.findings()) {
      boolean hits = r.positions().isEmpty();
      for (int[] p : r.positions()) {
        hits |= f.start() < p[1] && p[0] < f.end();
      }
      if (hits) {
        onValue = true;
        types.append(' ').append(f.type().name());
      }
    }
    if (onValue) {
      u[1]++;
      unclaimedNotes.add(r.id() + " [" + r.entity() + "] reported as" + types + ": " + show(r, result));
    }
    if (partialLeak(r, result)) {
      u[2]++;
    }
  }

  /**
   * True when the default policy redacts some but not all letters and digits of an expected value:
   * the safe text would show the rest of it.
   */
  static boolean partialLeak(Row r, GuardResult result) {
    for (int[] p : r.positions()) {
      int covered = 0;
      int total = 0;
      for (int i = p[0]; i < p[1] && i < r.text().length(); i++) {
        if (!Character.isLetterOrDigit(r.text().charAt(i))) {
          continue;
        }
        total++;
        for (Decision d : result.decisions()) {
          if (d.action() == Action.REDACT && d.finding().start() <= i && i < d.finding().end()) {
            covered++;
            break;
          }
        }
      }
      if (covered > 0 && covered < total) {
        return true;
      }
    }
    return false;
  }

  private static String show(Row r, GuardResult result) {
    StringBuilder sb = new StringBuilder();
    sb.append('"').append(r.text().replace("\n", "\\n").replace("\r", "\\r")).append("\" expected");
    if (r.expectedLen() < 0) {
      sb.append(" (context row)");
    }
    for (int[] p : r.positions()) {
      sb.append(" [").append(r.text(), p[0], Math.min(p[1], r.text().length())).append(']');
    }
    sb.append(" found");
    for (Finding f : result.findings()) {
      sb.append(' ').append(f.type().name()).append("=[").append(r.text(), f.start(), f.end()).append(']');
    }
    return sb.toString();
  }

  private static void print() {
    StringBuilder sb = new StringBuilder("Presidio recognizer tests (claimed entities, default pipeline and policy)\n");
    table(sb, byEntity);
    int[] nonPerson = totals(false);
    int[] person = totals(true);
    sb.append(String.format(Locale.ROOT, "non-PERSON: %d/%d rows pass (%.1f%%); PERSON: %d/%d; all: %d/%d (%.1f%%)%n",
        nonPerson[1], nonPerson[0], 100.0 * nonPerson[1] / nonPerson[0], person[1], person[0],
        nonPerson[1] + person[1], nonPerson[0] + person[0],
        100.0 * (nonPerson[1] + person[1]) / (nonPerson[0] + person[0])));
    sb.append("Presidio country-specific recognizer tests (presidio-country-tests.jsonl, entities we have)\n");
    table(sb, byCountryEntity);
    int[] country = totals(byCountryEntity, false);
    sb.append(String.format(Locale.ROOT, "country rows: %d/%d pass (%.1f%%)%n", country[1], country[0],
        100.0 * country[1] / country[0]));
    int[] first = totals(false);
    int excepted = 0;
    for (Map<String, Tally> m : List.of(byEntity, byCountryEntity)) {
      for (Map.Entry<String, Tally> e : m.entrySet()) {
        excepted += e.getKey().equals("PERSON") ? 0 : e.getValue().excepted;
      }
    }
    int lacking = 0;
    for (Map.Entry<String, int[]> e : unclaimed.entrySet()) {
      lacking += Set.of("PERSON", "DATE_TIME", "URL").contains(e.getKey()) ? 0 : e.getValue()[0];
    }
    int pass = first[1] + country[1];
    int scored = first[0] + country[0];
    sb.append(String.format(Locale.ROOT, "every Presidio entity but PERSON, DATE_TIME, URL (both files): %d/%d scored rows"
        + " pass (%.1f%%), %d excepted; counting excepted rows as failures %.1f%%; and rows of entities we lack (%d)"
        + " as failures too %.1f%%%n", pass, scored, 100.0 * pass / scored, excepted,
        100.0 * pass / (scored + excepted), lacking, 100.0 * pass / (scored + excepted + lacking)));
    sb.append(String.format(Locale.ROOT, "with the opt-in PiiPatternDetector.builder().bareCheckDigitIds(true),"
        + " counting excepted rows as failures unless they pass: %d/%d (%.1f%%; %d excepted rows pass, %d scored rows"
        + " fail: %s)%n", bareRows[1], bareRows[0], 100.0 * bareRows[1] / bareRows[0], bareRows[2], bareRows[3],
        bareFailures));
    sb.append("reviewed exceptions: ").append(exceptions.size()).append(" rows (presidio-exceptions.tsv)\n");
    sb.append("partial-leak rows (claimed, non-PERSON): ").append(leaks.size()).append("; PERSON: ")
        .append(personLeaks.size()).append('\n');
    leaks.forEach(l -> sb.append("  LEAK ").append(l).append('\n'));
    personLeaks.forEach(l -> sb.append("  LEAK (PERSON, not asserted) ").append(l).append('\n'));
    failures.forEach(f -> sb.append("  FAIL ").append(f).append('\n'));
    sb.append("Unclaimed entities (baseline for breadth; what we report on their values):\n");
    sb.append(String.format(Locale.ROOT, "%-20s %5s %9s %12s%n", "entity", "rows", "reported", "partialLeak"));
    unclaimed.forEach((k, u) -> sb.append(String.format(Locale.ROOT, "%-20s %5d %9d %12d%n", k, u[0], u[1], u[2])));
    if (Boolean.getBoolean("presidio.verbose")) {
      unclaimedNotes.forEach(n -> sb.append("  ").append(n).append('\n'));
    }
    System.out.print(sb);
  }

  private static void table(StringBuilder sb, Map<String, Tally> tallies) {
    sb.append(String.format(Locale.ROOT, "%-26s %5s %5s %5s %5s %5s %5s %5s %5s %7s%n", "entity", "rows", "pass",
        "exact", "ovlp", "miss", "extra", "exc", "skip", "pass%"));
    for (Map.Entry<String, Tally> e : tallies.entrySet()) {
      Tally t = e.getValue();
      sb.append(String.format(Locale.ROOT, "%-26s %5d %5d %5d %5d %5d %5d %5d %5d %6.1f%%%n", e.getKey(), t.rows,
          t.passed, t.exact, t.overlap, t.missed, t.extra, t.excepted, t.skipped,
          t.rows == 0 ? 100.0 : 100.0 * t.passed / t.rows));
    }
  }

  /** {rows, passed} over PERSON ({@code person} true) or every other claimed entity of the first file. */
  private static int[] totals(boolean person) {
    return totals(byEntity, person);
  }

  private static int[] totals(Map<String, Tally> tallies, boolean person) {
    int[] out = new int[2];
    tallies.forEach((k, t) -> {
      if (k.equals("PERSON") == person) {
        out[0] += t.rows;
        out[1] += t.passed;
      }
    });
    return out;
  }

  @Test
  void claimedNonPersonRowsPassAtLeast97Percent() {
    int[] t = totals(false);
    double rate = (double) t[1] / t[0];
    assertTrue(rate >= FLOOR, String.format(Locale.ROOT, "%d/%d = %.3f < %.2f; failures:%n%s", t[1], t[0], rate, FLOOR,
        String.join("\n", failures)));
  }

  @Test
  void countryRowsKeepTheirFloor() {
    int[] t = totals(byCountryEntity, false);
    double rate = (double) t[1] / t[0];
    assertTrue(rate >= COUNTRY_FLOOR, String.format(Locale.ROOT, "country rows %d/%d = %.3f < %.2f", t[1], t[0], rate,
        COUNTRY_FLOOR));
  }

  @Test
  void noRedactionLeavesPartOfAnExpectedValueVisible() {
    assertTrue(leaks.isEmpty(), leaks.size() + " rows:\n" + String.join("\n", leaks));
  }

  @Test
  void exceptionsNameExistingClaimedRowsWithAReason() {
    Map<String, Row> byId = new LinkedHashMap<>();
    rows.forEach(r -> byId.put(r.id(), r));
    exceptions.forEach((id, reason) -> {
      Row r = byId.get(id);
      assertTrue(r != null && r.claimed(), "exception for an unknown or unclaimed row: " + id);
      assertTrue(reason.length() >= 10, "exception needs a reason: " + id);
      assertTrue(!r.entity().equals("PERSON"), "PERSON rows are not excepted: " + id);
    });
    assertEquals(844, originalRows, "rows in the suite file");
  }

  static List<Row> load(Path file, boolean country) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Row> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = json.readTree(line);
        List<int[]> pos = new ArrayList<>();
        for (JsonNode p : n.path("positions")) {
          pos.add(new int[] {p.get(0).asInt(), p.get(1).asInt()});
        }
        String entity = n.get("presidio_entity").asText();
        String ours = n.get("our_type").isNull() ? ADDED.get(entity) : n.get("our_type").asText();
        out.add(new Row(n.get("id").asText(), n.get("text").asText(), n.get("expected_len").asInt(), pos,
            entity, ours, ours != null, n.has("leniency") ? n.get("leniency").asInt() : -1, country));
      }
    }
    return out;
  }

  /** Row id, tab, reason; '#' comments and blank lines skipped. */
  static Map<String, String> loadExceptions(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", 2);
      assertEquals(2, f.length, "exception line needs id<TAB>reason: " + line);
      assertTrue(out.put(f[0].strip(), f[1].strip()) == null, "duplicate exception " + f[0]);
    }
    return out;
  }
}
