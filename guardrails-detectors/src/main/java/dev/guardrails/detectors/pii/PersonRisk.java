package dev.guardrails.detectors.pii;

import dev.guardrails.Finding;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the words around a name say about the person's privacy (docs/pii.md, "Names: the risk
 * model"): a private role near the name ("the customer", "patient", "account holder", "my
 * neighbour") makes a PERSON finding {@link Finding#PRIVATE}; health or financial details in the
 * same sentence ("diagnosed with", "salary", "account balance") make it {@link Finding#LINKED}
 * (unless the person is public); a name on the public-figures list ({@link #LIST}, from Pantheon
 * 1.0) or in a public role ("President", "CEO of", "the author of", "is an American actor")
 * makes it {@link Finding#PUBLIC_FIGURE}.
 *
 * <p>Reads at most {@value #BEFORE} chars before and {@value #AFTER} after the name, within its
 * sentence, so {@link PersonDetector#window()} bounds it. Runs only for a name already found: the
 * scan of a text without names allocates nothing here. Stateless and thread-safe.
 */
final class PersonRisk {

  private PersonRisk() {}

  static final int BEFORE = 60;
  static final int AFTER = 120;

  /** Well-known people: 2 to 5 word names from Pantheon 1.0 (tools/pii/gen_public_figures.py). */
  static final Gazetteer LIST = Gazetteer.load("/dev/guardrails/detectors/pii/public-figures.txt");

  private static final String W = "(?<![\\p{L}\\p{N}])";
  private static final String E = "(?![\\p{L}\\p{N}])";

  private static final Pattern PRIVATE_ROLE = Pattern.compile(W + "(?:customers?|clients?|patients?|employees?|"
      + "account (?:holder|owner)s?|card ?holders?|policy ?holders?|user ?(?:id|name)|member id|"
      + "employee (?:id|number)|tenants?|applicants?|claimants?|beneficiar(?:y|ies)|subscribers?|"
      + "(?:my|our|your|his|her|their) (?:neighbou?r|cowork(?:er)?|colleague|friend|boss|landlord|"
      + "roommate|flatmate|ex|partner|cousin|aunt|uncle|classmate|tenant|nanny|babysitter)s?|"
      + "case (?:number|no)|record (?:for|of)|file (?:for|of)|ticket (?:for|from)|"
      + "staff member|student id|the user|our user|contact person)" + E);

  private static final Pattern SENSITIVE = Pattern.compile(W + "(?:diagnosed|diagnosis|prescri(?:bed|ption)|"
      + "medical (?:record|history|condition)|blood type|hiv|chemotherapy|medication|"
      + "salary|account balance|bank account|credit score|overdue|owes|outstanding balance|"
      + "date of birth|dob|home address|lives at|social security|passport (?:number|no)|"
      + "sort code|routing number|pin|password)" + E);

  private static final Pattern PUBLIC_ROLE = Pattern.compile(W + "(?:president|vice president|prime minister|"
      + "senator|congress(?:man|woman)|governor|mayor|minister|chancellor|ambassador|king|queen|"
      + "prince|princess|emperor|empress|pope|ceo|founder|co-founder|chairman|chairwoman|"
      + "actor|actress|singer|songwriter|rapper|musician|guitarist|drummer|composer|conductor|band|"
      + "author|novelist|writer|poet|playwright|screenwriter|journalist|columnist|broadcaster|"
      + "presenter|comedian|filmmaker|film director|director|producer|politician|diplomat|"
      + "businessman|businesswoman|entrepreneur|billionaire|philanthropist|athlete|footballer|"
      + "player|coach|boxer|wrestler|swimmer|cyclist|golfer|olympi(?:c|an)|champion|"
      + "scientist|physicist|chemist|mathematician|economist|philosopher|historian|"
      + "painter|sculptor|artist|architect|photographer|designer|model|dancer|ballerina|"
      + "astronaut|admiral|general|activist|celebrity|nobel|oscar|grammy|emmy|award-winning|"
      + "best known|known for|famous|starred|starring|album|novel|films?|directed|elected|"
      + "won the|inaugurated|reign(?:ed)?|administration|cabinet|campaign)" + E);

  /**
   * Returns {@code f} with the attributes its context gives.
   *
   * @param s the normalized text
   * @param a the name's start in {@code s}
   * @param b the name's end in {@code s}
   * @param f the PERSON finding (spans in the original text)
   * @return {@code f}, or a copy with attributes and score
   */
  static Finding annotate(String s, int a, int b, Finding f) {
    int from = a;
    int lo = Math.max(0, a - BEFORE);
    while (from > lo && !sentenceEnd(s, from - 1)) {
      from--;
    }
    int to = b;
    int hi = Math.min(s.length(), b + AFTER);
    while (to < hi && !sentenceEnd(s, to)) {
      to++;
    }
    String before = s.substring(from, a).toLowerCase(java.util.Locale.ROOT);
    String after = s.substring(b, to).toLowerCase(java.util.Locale.ROOT);
    boolean pub = LIST.contains(s, a, b) || PUBLIC_ROLE.matcher(before).find() || PUBLIC_ROLE.matcher(after).find();
    // the name's own first word too: "Employee Robert Chen" may reach the detector as one run
    boolean priv = PRIVATE_ROLE.matcher(before).find() || PRIVATE_ROLE.matcher(after).find()
        || PRIVATE_ROLE.matcher(s.substring(a, b).toLowerCase(java.util.Locale.ROOT)).lookingAt();
    boolean sensitive = !pub && (SENSITIVE.matcher(before).find() || SENSITIVE.matcher(after).find());
    if (!pub && !priv && !sensitive) {
      return f;
    }
    Set<String> attrs = new TreeSet<>(f.attributes());
    double score = f.score();
    if (pub) {
      attrs.add(Finding.PUBLIC_FIGURE);
    }
    if (priv) {
      attrs.add(Finding.PRIVATE);
      score = Math.max(score, 0.85);
    }
    if (sensitive) {
      attrs.add(Finding.LINKED);
      score = Math.max(score, 0.9);
    }
    return f.withAttributes(attrs).withScore(score);
  }

  /** A '.', '!' or '?' followed by white space, or a line break, at {@code i}. */
  private static boolean sentenceEnd(String s, int i) {
    char c = s.charAt(i);
    if (c == '\n') {
      return true;
    }
    if (c != '.' && c != '!' && c != '?') {
      return false;
    }
    if (i + 1 < s.length() && !Character.isWhitespace(s.charAt(i + 1))) {
      return false;
    }
    // "Dr. Smith", "J. Smith": a dot right after a title or an initial does not end the sentence
    int k = i;
    while (k > 0 && Character.isLetter(s.charAt(k - 1))) {
      k--;
    }
    return i - k > 1 && !NameLexicons.TITLES.contains(s, k, i);
  }

}
