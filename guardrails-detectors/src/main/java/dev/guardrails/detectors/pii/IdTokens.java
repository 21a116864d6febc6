package dev.guardrails.detectors.pii;

import static dev.guardrails.detectors.pii.PiiPatternDetector.isLetterOrDigit;

import dev.guardrails.Category;
import dev.guardrails.FindingType;

/**
 * Country-specific identifiers that mix letters and digits, reached from the token half of the
 * scanner ({@link Tokens}) by word length: Singapore NRIC/FIN (9), Indian PAN and voter ID (10),
 * Italian fiscal code (16), Finnish personal identity code (6 digits + century sign). Each entry:
 * its type, its validator in {@link IdChecks}, its cue words and scores, in one place.
 *
 * <p>Stateless and thread-safe; reports through the caller's per-call {@link Hits}.
 */
final class IdTokens {

  private IdTokens() {}

  static final FindingType SG_NRIC_FIN = pii("SG_NRIC_FIN");
  static final FindingType IN_PAN = pii("IN_PAN");
  static final FindingType IN_VOTER = pii("IN_VOTER");
  static final FindingType IN_PASSPORT = pii("IN_PASSPORT");
  static final FindingType IT_FISCAL_CODE = pii("IT_FISCAL_CODE");
  static final FindingType FI_HETU = pii("FI_HETU");

  /** Every type reported here. */
  static final java.util.Set<FindingType> TYPES = java.util.Set.of(SG_NRIC_FIN, IN_PAN, IN_VOTER, IN_PASSPORT,
      IT_FISCAL_CODE, FI_HETU);

  /** Cues of the Swedish personnummer, its 10- and 12-digit rows alike. */
  static final Context SE_CTX = Context.of("personnummer", "personnr", "pnr", "samordningsnummer", "swedish", "sweden",
      "personal identity");
  /** Cues of the Korean RRN, the check-digit row and the post-2020 row alike. */
  static final Context KR_CTX = Context.of("rrn", "resident registration", "korean", "korea", "jumin");
  static final Context SG_CTX = Context.of("nric", "fin", "singapore", "ic", "identity card");
  static final Context PAN_CTX = Context.of("pan", "permanent account number", "income tax");
  static final Context VOTER_CTX = Context.of("voter", "voters", "vote", "epic", "election", "electoral");
  static final Context CF_CTX = Context.of("codice fiscale", "fiscal code", "cf", "tax code", "codice");
  static final Context HETU_CTX = Context.of("henkilötunnus", "hetu", "personal identity code", "finnish", "finland",
      "sotu");

  private static FindingType pii(String name) {
    return FindingType.of(Category.PII, name);
  }

  /** A word {@code s[i, we)} that starts with a letter: returns its end if an ID was reported, else -1. */
  static int letterWord(Hits h, int i, int we) {
    String s = h.s;
    int len = we - i;
    if (len == 9 && IdChecks.sgNric(s, i) && sameCase(s, i, we)) {
      boolean cue = SG_CTX.near(s, i, we);
      if (cue || Tokens.isUpper(s.charAt(i))) {
        h.emit(SG_NRIC_FIN, i, we, cue ? 0.95 : 0.85, "SG_NRIC_FIN (check letter valid)");
        return we;
      }
      return -1;
    }
    if (len == 10) {
      if (IdChecks.inPanShape(s, i)) {
        // the holder-kind letter is required unless a PAN cue announces the value
        boolean cue = PAN_CTX.near(s, i, we);
        if (!cue && !IdChecks.inPan(s, i)) {
          return -1;
        }
        h.emit(IN_PAN, i, we, cue ? 0.95 : 0.75, "IN_PAN (shape, holder kind)");
        return we;
      }
      if (voter(s, i) && VOTER_CTX.near(s, i, we)) {
        h.emit(IN_VOTER, i, we, 0.85, "IN_VOTER (context)");
        return we;
      }
      return -1;
    }
    if (len == 16 && IdChecks.itFiscalCode(s, i)) {
      h.emit(IT_FISCAL_CODE, i, we, CF_CTX.near(s, i, we) ? 1.0 : 0.9, "IT_FISCAL_CODE (check letter valid)");
      return we;
    }
    return -1;
  }

  /**
   * A word {@code s[i, we)} of digits that may open a Finnish identity code ({@code 131052-308T},
   * {@code 010594Y9032}, {@code 131052A308T}): returns its end if reported, else -1.
   */
  static int digitWord(Hits h, int i, int we) {
    String s = h.s;
    int n = s.length();
    int len = we - i;
    if (len != 6 && len != 11 || i + 11 > n || i + 11 < n && isLetterOrDigit(s.charAt(i + 11))
        || i > 0 && (s.charAt(i - 1) == '-' || s.charAt(i - 1) == '+')) {
      return -1;
    }
    if (len == 6 && s.charAt(we) != '-' && s.charAt(we) != '+') {
      return -1;
    }
    if (!IdChecks.fiHetu(s, i)) {
      return -1;
    }
    h.emit(FI_HETU, i, i + 11, HETU_CTX.near(s, i, i + 11) ? 0.95 : 0.85, "FI_HETU (check char valid)");
    return i + 11;
  }

  /** EPIC (Election Commission of India): three upper-case letters and seven digits. */
  private static boolean voter(String s, int i) {
    for (int k = 0; k < 10; k++) {
      char c = s.charAt(i + k);
      if (k < 3 ? !Tokens.isUpper(c) : !PiiPatternDetector.isDigit(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameCase(String s, int i, int we) {
    boolean upper = Tokens.isUpper(s.charAt(i));
    return (upper ? Tokens.isUpper(s.charAt(we - 1)) : Tokens.isLower(s.charAt(we - 1)));
  }
}
