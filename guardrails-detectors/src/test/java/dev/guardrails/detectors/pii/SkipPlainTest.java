package dev.guardrails.detectors.pii;

import dev.guardrails.detectors.internal.Swar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.text.AnalyzedText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The eight-chars-at-a-time skipping in {@link PiiPatternDetector} (the secrets scanner has its own
 * test in its package) finds
 * exactly what the word-by-word pass finds: random texts built from values, near misses, key words,
 * separators and plain words (so that candidates land at every offset of the 8-byte blocks) give
 * the same findings with and without the skip.
 */
class SkipPlainTest {

  private static final String[] PIECES = {" ", " ", " ", "  ", "\n", "\n\n", "a", "b", "the ", "password",
      "passwd", "token", "secret", "api_key", "auth", "PASSWORD", "AUTH_TOKEN", "\u017Fecret", "=", ":", ": ",
      " = ", "\"", "'", "+", "/", "-", "_", "AKIA", "IOSFODNN7EXAMPLE", "ghp_", "sk-", "xoxb-", "eyJ",
      "-----BEGIN ", "RSA PRIVATE KEY-----", "Z2hwX1I4", "QUtJQUlPU0ZPRE5ON0VYQU1QTEU=", "==", "abcdefghij",
      "ABCDEFGHIJ", "0123456789", "4111", "1111", "555", "(", ")", "+1", "+44", "192.168.", "1", "9", ".",
      ",", "DE89", "3704", "0044", "GB", "born", "born: ", "DOB:", "passport", "driver", "DL ", "birthday",
      "12/05/1990", "1990-05-12", "::", "fe80::1", "aa:bb:cc:dd:ee:ff", "00:1A:2B", "ab:", "abcd:", "abcde:",
      "ab-", "X-1234567-L", "Y1234567X", "bc1", "0x", "http://", "https://u:p@host.com", "ftp://a:b@c.d",
      "@", "example.com", "call", "phone", "card", "ssn: ", "Müller", "\u0141", "\u200b", "\uD83D\uDE00",
      "k_live_", "github_pat_", "glpat-", "Step 1:", "ext. 12", "abc123XYZ789qwe", "kR8#vP2!qL5@",
      "(555) 123-4567", "+44 20 7946 0958", "123-45-6789", "AB123456C", "NI ", "dr", "pa", "bi", "do",
      "drivers", "Driving", "BIRTHDATE", "birth", "dl", "dl1", "Dobby", "dob", "borne", "BORN", "pass", "Passport",
      "drive", "bir", "bor", "dri", "pas", "do", "passport#", "DL:", "dob1"};

  private static List<String> run(String text, boolean skip) {
    List<String> out = new ArrayList<>();
    AnalyzedText t = AnalyzedText.of(text);
    PiiPatternDetector.scan(new Hits(t, "pii.patterns", f -> out.add(f.toString())), skip);
    return out;
  }

  @Test
  void skippingFindsWhatTheWordByWordPassFinds() {
    Random r = new Random(7);
    Set<String> types = new HashSet<>();
    for (int it = 0; it < 4000; it++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(50);
      for (int k = 0; k < len; k++) {
        b.append(r.nextInt(8) == 0 ? String.valueOf((char) (32 + r.nextInt(95))) : PIECES[r.nextInt(PIECES.length)]);
      }
      String text = b.toString();
      List<String> skipping = run(text, true);
      assertEquals(run(text, false), skipping, "case " + it);
      for (String f : skipping) {
        types.add(f.replaceAll(".*type=([A-Z_/]+).*", "$1"));
      }
    }
    // the texts must exercise both detectors' paths, else the comparison proves little
    assertTrue(types.size() >= 8, "finding types seen: " + types);
  }

  /**
   * Cue words the skip passes by get their look when it stops: every cue, value shape and distance
   * between them (plain filler of 0 to 90 chars, so past the cue's 48-char reach too, at every
   * offset of the 8-byte blocks) gives what the word-by-word pass gives.
   */
  @Test
  void cueWordsFindTheirValuesAtEveryDistance() {
    String[] cues = {"born", "Born", "birth", "birthday", "Birthdate", "dob", "passport", "Passport", "driver",
        "drivers", "driving", "dl", "borne", "pass", "drive"};
    String[] values = {"12/05/1990", "May 1990", "September 5, 1990", "5th of May, 1990", "C03005988", "D1234567",
        "123456789", "1990-05-12", "A12-345-678"};
    String filler = "on the day it was a quiet one in the old town and we said so to all of them again and again, ";
    int found = 0;
    for (String cue : cues) {
      for (String value : values) {
        for (int gap = 0; gap <= 90; gap += 1 + gap / 16) {
          for (String lead : new String[] {"", "x ", "see: "}) {
            String text = lead + cue + " " + filler.substring(0, gap) + value + " end.";
            List<String> skipping = run(text, true);
            assertEquals(run(text, false), skipping, text);
            found += skipping.size();
          }
        }
      }
    }
    assertTrue(found > 500, "findings " + found);
  }

  /**
   * The skip's narrower stops (fifteenth session): a short word glued to ':' or '-' stops it only
   * when hex, one char, H-initial or before "-digit"; two letters before a digit only before a
   * NINO's six digits or when the first is a D; a 'p' word only from "passp". Texts built from
   * such words next to the values they could start (and the plate cues: without the '-digit' stop,
   * "app-456cv" after "plate number" is missed) give what the word-by-word pass gives.
   */
  @Test
  void narrowStopsFindWhatTheWordByWordPassFinds() {
    String[] words = {"Java:", "User:", "top-", "App-", "APP-", "app-", "Hrb-", "HRB ", "hrb:", "Help:", "De-", "DE ", "de ",
        "at ", "ab ", "AB ", "Ab ", "is ", "dl ", "DL ", "x-", "X-", "Y-", "z-", "Gir-", "GIR ", "password ", "passport ",
        "Passp ", "passwort: ", "ex-", "E-", "fe:", "ab:", "cafe:", "Face:", "beef-", "aa-", "zz:", "Ng-", "NG ", "abcd.",
        "Xyz:", "ok-", "the vehicle plate ", "plate number "};
    String[] values = {"12 34 56 C", "123456 D", "12 34 56", "1234 56", "12 345 678", "123456789", "1234567-L", "1234567L",
        "456CV", "456cv", "123 AB", "0AA", "80331", "12345", "ab:cd:ef:01:02:03", "12-34-56-78-9a-bc", "1::2", "C03005988",
        "78 651 450", "1998", "5", "DE123456789", "HRB 12345", "A12-345-678", "12/05/1990"};
    Random r = new Random(11);
    int found = 0;
    for (int it = 0; it < 6000; it++) {
      StringBuilder b = new StringBuilder();
      for (int k = 1 + r.nextInt(6); k > 0; k--) {
        b.append(r.nextInt(3) == 0 ? "the plain words run on " : "");
        b.append(words[r.nextInt(words.length)]);
        if (r.nextBoolean()) {
          b.append(values[r.nextInt(values.length)]).append(r.nextBoolean() ? " " : ", ");
        }
      }
      String text = b.toString();
      List<String> skipping = run(text, true);
      assertEquals(run(text, false), skipping, text);
      found += skipping.size();
    }
    assertTrue(found > 1000, "findings " + found);
  }

  @Test
  void swarClassesMatchTheScalarOnes() {
    byte[] b = new byte[256 + 8];
    for (int c = 0; c < 256; c++) {
      b[c] = (byte) c;
    }
    for (int c = 0; c < 256; c++) {
      long w = Swar.load(b, c);
      long x = Swar.low7(w);
      long ascii = Swar.ascii(w);
      int bit = 7; // byte 0 of the block is char c
      boolean letter = (ascii & Swar.letter(x) & (1L << bit)) != 0;
      boolean digit = (ascii & Swar.digit(x) & (1L << bit)) != 0;
      boolean colon = (ascii & Swar.is(x, ':') & (1L << bit)) != 0;
      assertEquals(c < 128 && Character.isLetter(c), letter, "letter " + c);
      assertEquals(c >= '0' && c <= '9', digit, "digit " + c);
      assertEquals(c == ':', colon, "':' " + c);
      if (letter) {
        assertEquals(Character.isUpperCase(c), (Swar.capital(x, Swar.letter(x)) & (1L << bit)) != 0, "capital " + c);
      }
    }
  }
}
