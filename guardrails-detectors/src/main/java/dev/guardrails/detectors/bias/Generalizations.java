package dev.guardrails.detectors.bias;

import org.apache.lucene.analysis.CharArraySet;

/**
 * The group-generalization rule: a group term used generically (bare plural, or after
 * all/most/every/a/typical/average) followed by a copula, modal or absolute adverb and a trait ("women are bad
 * at", "Muslims always", "old people can't", "all immigrants are criminals", "the average woman can't"); after a
 * negation only a positive trait ({@link StereotypeFrames#positiveTrait}: "women are not rational", "men are never
 * caring"), never a negative one ("women are never lazy" is a counter-stereotype). Suppressed when the
 * sentence hedges, negates, reports, questions or quotes the claim ("some women", "the myth that",
 * "he said", "...?"), or only describes a practice, right or need of the group with no trait beside it
 * ({@link StereotypeFrames#practice}: "Muslims always pray facing Mecca").
 *
 * <p>Works on the token arrays of {@link Tokens}; every look-around is bounded, so the whole
 * detector stays linear. Stateless and thread-safe.
 */
final class Generalizations {

  private Generalizations() {}

  private static final int BACK = 40;
  private static final int FORWARD = 30;
  /**
   * The look-back and look-ahead also stop this many chars from the claim, so one very long token
   * cannot carry them past the detector's declared window (512): what the rule reads stays within
   * 200 + the claim + 160 chars.
   */
  private static final int BACK_CHARS = 200;
  private static final int FORWARD_CHARS = 160;

  private static CharArraySet set(String words) {
    CharArraySet s = new CharArraySet(64, false);
    for (String w : words.split("\\s+")) {
      s.add(w);
    }
    return CharArraySet.unmodifiableSet(s);
  }

  static final CharArraySet QUANT = set("all most every typical any");
  /**
   * Words before a singular group term that make it stand for the whole group: "a woman can't", "every man is", "the
   * typical/average woman can't ..." (the average member, not a statistic: the rule still needs a trait or modal).
   */
  static final CharArraySet ARTICLE = set("a an every any typical average");
  /** Determiners that make the group specific or partial: "the women in the team", "some men". */
  static final CharArraySet SPECIFIC = set("some many few several certain the these those this that two three four five six "
      + "seven eight nine ten his her their our my your its no other both fewer more less million thousand hundred "
      + "of with by among between for to from about against young");
  static final CharArraySet ADVERB = set("always never all just naturally inherently simply genetically really "
      + "typically generally basically obviously clearly only usually mostly often sometimes");
  /** Qualifiers inside the claim make it a hedged tendency, not a generalization ("are often"). */
  static final CharArraySet QUALIFIER = set("typically generally usually mostly often sometimes occasionally "
      + "frequently rarely statistically reportedly");
  static final CharArraySet ABSOLUTE = set("always never all naturally inherently genetically simply just obviously");
  /** Function words and verbs that may follow a nominal adjective ("the blind are", "the poor and"). */
  static final CharArraySet FUNCTION = set("are is were was be been and or but nor in of to who whom whose which that "
      + "with have has had can could should would will shall may might must do does did don't for at on as from by "
      + "than because so if when while into onto over under about among between through during without within "
      + "against like unlike too also all alone themselves get got need needs deserve deserve often always never "
      + "still just");
  static final CharArraySet COPULA = set("are aren't 're is isn't");
  static final CharArraySet FILLER = set("so too very really more less much far way extremely incredibly naturally "
      + "inherently just all always genetically simply totally completely the a an by nature born generally "
      + "typically usually basically obviously clearly often sometimes mostly");
  static final CharArraySet MODAL = set("can't cannot won't never always belong belongs lack lacks ain't");
  /**
   * Goods, services and needs a group can lack without a trait being said ("immigrants lack access to legal
   * advice", "rural residents lack broadband"): after "lack" they make the sentence a statement about
   * circumstances, not about what the group is like. Qualities ("lack discipline", "lack respect") stay claims.
   */
  static final CharArraySet LACKED_GOOD = set("access accommodation accommodations funding funds resources insurance "
      + "coverage housing shelter representation services healthcare care protection documents documentation papers "
      + "transportation transport infrastructure opportunities opportunity support water electricity internet "
      + "broadband vaccines vaccination immunity jobs employment income savings information advice legal medical");
  /** Words between "lack" and what is lacked that do not change what kind of thing it is. */
  static final CharArraySet LACK_FILLER = set("the a an adequate sufficient enough basic proper reliable affordable "
      + "equal safe clean stable regular formal");
  /** "should" is advice ("older adults should get vaccinated") unless it assigns a place or role. */
  static final CharArraySet SHOULD = set("should shouldn't");
  static final CharArraySet ROLE_VERB = set("stay stick belong obey submit serve remain shut leave never only just "
      + "not stop");
  static final CharArraySet NEG = set("not never aren't isn't");
  /** Capability traits whose negation is still a stereotype ("women are not good at math"). */
  static final CharArraySet CAPABLE = set("good better capable smart intelligent able suited meant built fit equal "
      + "qualified competent trustworthy clever strong rational logical");
  /** Words that hedge, negate, report or debunk what follows or precedes them in the sentence. */
  static final CharArraySet HEDGE = set("myth myths stereotype stereotypes stereotypical stereotyping misconception "
      + "misconceptions claim claims claimed claiming believe believes believed belief beliefs think thinks thought "
      + "assume assumes assumed assumption assumptions notion idea false untrue wrong wrongly not no isn't never deny "
      + "denies denied prejudice prejudiced bias biased racist sexist ageist according accused allegedly supposedly "
      + "said says say saying argue argued argues insisted joked wrote asked whether if why do does suggest suggests "
      + "suggested rumor rumour trope tropes cliche cliché outdated debunk debunked fallacy shows show showed found "
      + "finds study studies survey data percent research researchers report reported reports statistically "
      + "average tweeted posted stated told believing portrayed depicted concern concerns argument arguments");
  /** Words after a claim that debunk or attribute it ("... is a myth", "..., he said"). */
  static final CharArraySet DEBUNK = set("myth myths stereotype stereotypes misconception false untrue wrong trope "
      + "cliche cliché fallacy debunked said says claimed claims according argued insisted joked");

  /**
   * Checks a group term at tokens {@code [g, gEnd)}.
   *
   * @return the token index one past the end of the generalization, or -1 if none
   */
  static int match(Tokens t, int g, int gEnd, boolean singular, BiasLexicon lex) {
    int start = g;
    boolean absolute = false;
    if (g > 0 && !t.is(g, Tokens.HARD_BEFORE)) {
      int p = g - 1;
      if (QUANT.contains(t.canon, t.cStart[p], t.len(p)) || (singular && ARTICLE.contains(t.canon, t.cStart[p], t.len(p)))) {
        start = p;
        absolute = true;
      } else if (singular || SPECIFIC.contains(t.canon, t.cStart[p], t.len(p))) {
        return -1;
      }
    } else if (singular) {
      return -1;
    }
    int k = gEnd;
    int adverbs = 0;
    while (k < t.count && adverbs < 3 && !t.is(k, Tokens.HARD_BEFORE) && ADVERB.contains(t.canon, t.cStart[k], t.len(k))) {
      absolute |= ABSOLUTE.contains(t.canon, t.cStart[k], t.len(k));
      k++;
      adverbs++;
    }
    if (k >= t.count || t.is(k, Tokens.HARD_BEFORE)) {
      return -1;
    }
    int end = -1;
    if (COPULA.contains(t.canon, t.cStart[k], t.len(k))) {
      boolean neg = NEG.contains(t.canon, t.cStart[k], t.len(k));
      boolean never = false;
      k++;
      for (int f = 0; f < 4 && k < t.count && !t.is(k, Tokens.HARD_BEFORE); f++, k++) {
        boolean isNeg = NEG.contains(t.canon, t.cStart[k], t.len(k));
        if (!isNeg && !FILLER.contains(t.canon, t.cStart[k], t.len(k))) {
          break;
        }
        boolean isNever = isNeg && eq(t, k, "never");
        neg |= isNeg && !isNever;
        never |= isNever;
        absolute |= ABSOLUTE.contains(t.canon, t.cStart[k], t.len(k));
      }
      if (k < t.count && !t.is(k, Tokens.HARD_BEFORE)) {
        boolean trait = lex.traits.contains(t.canon, t.cStart[k], t.len(k));
        StereotypeFeatures sf = StereotypeFeatures.INSTANCE;
        boolean positive = (neg || never) && StereotypeFrames.positiveTrait(t, k, sf);
        if (neg) {
          // a positive trait denied is a negative stereotype ("women are not rational", "men are not caring")
          end = positive ? k + 1 : -1;
        } else if (never && !positive && StereotypeFrames.negativeTrait(t, k, sf)) {
          end = -1; // "women are never lazy": a negative trait denied, a counter-stereotype
        } else if (trait || (absolute && adjectiveLike(t, k)) || positive) {
          end = k + 1; // "never" + a positive trait: "women are never rational"
        }
      }
    } else if (MODAL.contains(t.canon, t.cStart[k], t.len(k))) {
      end = StereotypeFrames.LACK.contains(t.canon, t.cStart[k], t.len(k)) && lacksGood(t, k + 1) ? -1 : k + 1;
    } else if (SHOULD.contains(t.canon, t.cStart[k], t.len(k)) && k + 1 < t.count && !t.is(k + 1, Tokens.HARD_BEFORE)
        && ROLE_VERB.contains(t.canon, t.cStart[k + 1], t.len(k + 1))) {
      end = k + 2;
    } else if (absolute && adverbs > 0 && !ends(t.canon, t.cStart[k], t.len(k), "ed")) {
      end = k + 1; // "Muslims always lie", "men never listen"; past tense reports history
    } else if (isCanNot(t, k)) {
      end = k + 2;
    }
    if (end < 0 || end > t.count || hedged(t, start, end) || t.is(g, Tokens.QUOTED)) {
      return -1;
    }
    if (practice(t, g, gEnd)) {
      return -1; // "Muslims always pray facing Mecca": a practice described, no trait
    }
    for (int x = gEnd; x < end; x++) {
      if (t.is(x, Tokens.CAP) && !t.is(x, Tokens.UPPER)) {
        return -1; // "Americans All series": part of a title
      }
      if (QUALIFIER.contains(t.canon, t.cStart[x], t.len(x))) {
        return -1;
      }
    }
    return end;
  }

  /**
   * The practice veto ({@link StereotypeFrames#practice}) over the sentence around the group term {@code [g, gEnd)}
   * (at most {@value #BACK} tokens back to its start and {@link StereotypeFeatures#MAX_TOKENS} forward).
   */
  private static boolean practice(Tokens t, int g, int gEnd) {
    int from = g;
    while (from > 0 && g - from < BACK && !t.is(from, Tokens.SENT_START)) {
      from--;
    }
    int to = gEnd;
    while (to < t.count && to - from < StereotypeFeatures.MAX_TOKENS && !t.is(to, Tokens.SENT_START)) {
      to++;
    }
    return StereotypeFrames.practice(t, from, to, g, gEnd);
  }

  /** Whether the words from {@code k} name a good or need ({@link #LACKED_GOOD}) after at most two fillers. */
  static boolean lacksGood(Tokens t, int k) {
    for (int f = 0; f <= 2 && k < t.count && !t.is(k, Tokens.HARD_BEFORE); f++, k++) {
      if (LACKED_GOOD.contains(t.canon, t.cStart[k], t.len(k))) {
        return true;
      }
      if (!LACK_FILLER.contains(t.canon, t.cStart[k], t.len(k))) {
        return false;
      }
    }
    return false;
  }

  private static boolean eq(Tokens t, int k, String w) {
    if (t.len(k) != w.length()) {
      return false;
    }
    for (int i = 0; i < w.length(); i++) {
      if (t.canon[t.cStart[k] + i] != w.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isCanNot(Tokens t, int k) {
    return k + 1 < t.count && t.len(k) == 3 && t.canon[t.cStart[k]] == 'c' && t.canon[t.cStart[k] + 1] == 'a'
        && t.canon[t.cStart[k] + 2] == 'n' && NEG.contains(t.canon, t.cStart[k + 1], t.len(k + 1));
  }

  private static boolean adjectiveLike(Tokens t, int k) {
    int s = t.cStart[k];
    int n = t.len(k);
    return n > 4 && (ends(t.canon, s, n, "ive") || ends(t.canon, s, n, "ous") || ends(t.canon, s, n, "ful")
        || ends(t.canon, s, n, "less") || ends(t.canon, s, n, "ish") || ends(t.canon, s, n, "ic")
        || ends(t.canon, s, n, "able") || ends(t.canon, s, n, "ible") || ends(t.canon, s, n, "y"));
  }

  private static boolean ends(char[] c, int s, int n, String suffix) {
    int m = suffix.length();
    if (n < m) {
      return false;
    }
    for (int i = 0; i < m; i++) {
      if (c[s + n - m + i] != suffix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** True if the sentence around {@code [start, end)} hedges, reports, questions or debunks it. */
  private static boolean hedged(Tokens t, int start, int end) {
    if (t.is(start, Tokens.QUESTION) || t.is(start, Tokens.QUOTED)) {
      return true;
    }
    int from = t.oStart[start] - BACK_CHARS;
    for (int b = start - 1, seen = 0; b >= 0 && seen < BACK && !t.is(b + 1, Tokens.SENT_START) && t.oStart[b] >= from;
        b--, seen++) {
      if (HEDGE.contains(t.canon, t.cStart[b], t.len(b))) {
        return true;
      }
    }
    int to = t.oEnd[end - 1] + FORWARD_CHARS;
    for (int f = end, seen = 0; f < t.count && seen < FORWARD && !t.is(f, Tokens.SENT_START) && t.oEnd[f] <= to;
        f++, seen++) {
      if (DEBUNK.contains(t.canon, t.cStart[f], t.len(f))) {
        return true;
      }
    }
    return false;
  }
}
