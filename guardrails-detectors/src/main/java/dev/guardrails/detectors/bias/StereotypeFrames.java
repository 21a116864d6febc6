package dev.guardrails.detectors.bias;

import org.apache.lucene.analysis.CharArraySet;

/**
 * Sentence frames read beside the stereotype model, by bounded look-around over the tokens of one
 * sentence (no regular expressions, no allocation):
 *
 * <ul>
 *   <li>frames that say a sentence is not a generalization about people's traits, so a model-only
 *       verdict is dropped ({@link #notAboutTraits}):
 *       <ul>
 *         <li><em>role duty</em>: what a role is required to do ("the psychiatric nurse must see
 *             patients ...", "all construction workers need to be educated on safety", "teachers are
 *             required to grade ...");</li>
 *         <li><em>role definition</em>: what a role is ("an actor is a person who ...", "a pediatric
 *             nurse practitioner is a nurse practitioner that ...");</li>
 *         <li><em>words about words</em>: the sentence talks about a term ("the word lesbian",
 *             "calling someone queer is ...", "lesbian, in its implication of ...", "Oriental is
 *             considered offensive");</li>
 *         <li><em>rights won</em>: history of rights a group won or was granted ("women have won the
 *             right to vote", "gay couples gained the freedom to marry");</li>
 *         <li><em>harm denied</em>: a group, a negation and a harm predicate ("Muslims do not support
 *             terrorism", "immigrants are not criminals"): the opposite of the stereotype;</li>
 *         <li><em>negative trait denied</em> ({@link #negativeDenied}): a group, a copula, a negation and a
 *             negative trait ({@link #negativeTrait}: "Refugees are no burden on the economy", "Africans are not
 *             primitive") or a circumstance denied ("Refugees are not free to leave"): a counter-stereotype; a positive
 *             trait denied ("not good at math", {@link #positiveTrait}) stays a stereotype;</li>
 *         <li><em>name</em> ({@link #named}): every mention inside a capitalized name ("the Michigan Women's Hall of
 *             Fame", "the Muslim Brotherhood");</li>
 *         <li><em>history</em>: a group, then a past-tense event verb ("Indigenous Australians never
 *             developed pottery", "the male actors in the theatre of ancient Greece performed ..."): what
 *             a group did, not what it is like;</li>
 *         <li><em>circumstance reason</em> ({@link #circumstanceReason}): a reason clause whose predicate is an
 *             action or circumstance ("Refugees leave their homes because they are fleeing war");</li>
 *         <li><em>hardship</em> ({@link #hardship}): what befalls a group, no trait ("Refugees are victims of war",
 *             "Women face discrimination at work").</li>
 *       </ul>
 *       The <em>practice veto</em> ({@link #practice}) drops model verdicts and the generalization rule alike when
 *       the sentence describes a group's practice, holiday, rite, custom, right, accommodation or need with no trait
 *       beside it ("Muslims always pray facing Mecca", "Disabled people have the right to reasonable
 *       accommodations").
 *       A role frame needs a role on its own (an occupation with no group term before it: "female
 *       engineers must ..." is left to the model), and a frame never covers a second mention that
 *       is the subject of its own claim ("teachers must grade, but Mexicans are lazy").</li>
 *   <li>the <em>harm frame</em>, a stereotype even when the model is unsure ({@link #harm}): a group
 *       after a generalizing quantifier or as a bare plural subject, with a present-tense harm
 *       predicate: "Most Muslims support terrorism.", "immigrants bring crime", "every X is a
 *       criminal", "X steal". Negated, past-tense and occupation-only subjects do not count.</li>
 *   <li>the <em>reason frame</em> ({@link #reason}): a generic group mention given a trait as its reason later in the
 *       sentence ("Muslims pray five times a day because they are fanatics"); the <em>lack frame</em>
 *       ({@link #lack}): a generic group mention said to lack a virtue ("People with autism have no empathy") or denied
 *       one ({@link #virtueDenied}: "Fat people are not disciplined"); the
 *       <em>predicate frames</em> ({@link #predicate}): a trait in a noun phrase, an object or a tied clause ("X are a
 *       disgrace", "X lead an immoral lifestyle", "X spread lies", "X move here, and they are fanatics").
 *       The practice veto also covers a habit compared by time or frequency with no trait
 *       ({@link #habitComparison}: "Kids today spend more time online than their parents did").</li>
 *   <li>the <em>attribution frame</em>, a stereotype about one person, where the model (which needs a generic
 *       group mention) does not look ({@link #attribution}): a trait, ability or role put down to someone's group
 *       ("she can't park because she is a woman", "smart for a girl", "a woman's place is in the home"); not
 *       discrimination or belief reported, a right, access or rule denied, or a disability's literal consequence.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class StereotypeFrames {

  private StereotypeFrames() {}

  // The sets of the frames below the threshold as bits of StereotypeFeatures.bits (one probe per token, not a lookup per
  // set): bits 24 and up of its table.
  static final long B_REASON = 1L << 24;
  static final long B_TIE_OPEN = 1L << 25;
  static final long B_HARM_ADVERB = 1L << 26;
  static final long B_HARM_COPULA = 1L << 27;
  static final long B_CRIME_VERB = 1L << 28;
  static final long B_HARM_VERB = 1L << 29;
  static final long B_LACK = 1L << 30;
  static final long B_HAVE = 1L << 31;
  static final long B_COPULA = 1L << 32;
  static final long B_DENY_COPULA_NOT = 1L << 33;
  static final long B_HOLD_VERB = 1L << 34;
  static final long B_BRING_VERB = 1L << 35;
  static final long B_THEY = 1L << 36;
  static final long B_ARE = 1L << 37;

  private static CharArraySet set(String words) {
    CharArraySet s = new CharArraySet(64, false);
    for (String w : words.split("\\s+")) {
      s.add(w);
    }
    return CharArraySet.unmodifiableSet(s);
  }

  /** How many tokens after a mention a copula, modal or "tend" word makes it the subject of a claim. */
  private static final int CLAIM_WINDOW = 3;
  /** How far after a role subject its copula may be in a definition (the subject may carry a phrase). */
  private static final int DEFINITION_REACH = 14;

  /** Words before a role noun phrase that open it: determiners, quantifiers, conjunctions. */
  static final CharArraySet ROLE_OPEN = set("the a an all every each any most our their these those this that and or "
      + "but so then");
  /** "must", and "need/have to": a duty. */
  static final CharArraySet MUST = set("must");
  static final CharArraySet NEED = set("need needs have has");
  /** "are required to", "is responsible for": a duty in the passive. */
  static final CharArraySet DUTY_ADJ = set("required expected obliged obligated responsible trained supposed");
  static final CharArraySet COPULA = set("is are");
  static final CharArraySet BE = set("be");
  /** Nouns that classify a role as a role in a definition ("is a person who", "is a healthcare professional"). */
  static final CharArraySet ROLE_NOUN = set("person someone somebody individual professional professionals specialist "
      + "specialists practitioner practitioners worker workers employee employees expert experts member members one "
      + "type kind staff");
  static final CharArraySet ARTICLE = set("a an the one any");
  /** Words that may follow the head of a role subject: a phrase or relative clause after it, or a list. */
  static final CharArraySet NP_END = set("in of at on for with from within across throughout under who that which "
      + "and or");
  static final CharArraySet RELATIVE = set("who that which");
  /** Head nouns after an occupation that keep it a role: "nurse practitioner", "social worker". */
  static final CharArraySet ROLE_HEAD = set("practitioner practitioners specialist specialists worker workers assistant "
      + "assistants technician technicians aide aides consultant consultants officer officers manager managers");
  /** Words before a mention that make it what another is compared to ("as men do", "than women"). */
  static final CharArraySet COMPARED = set("as than");
  static final CharArraySet FOR = set("for");
  static final CharArraySet AS = set("as");
  static final CharArraySet OF = set("of");

  /** Nouns that name a word: "the word X", "X as a term", "an outdated label". */
  static final CharArraySet TERM_NOUN = set("word words term terms label labels slur slurs epithet epithets expression "
      + "expressions adjective adjectives noun nouns descriptor descriptors nickname nicknames moniker pronoun "
      + "pronouns euphemism euphemisms misnomer synonym acronym");
  /** Nouns about a word's sense: "X, in its implication of", "the etymology of X". */
  static final CharArraySet META_NOUN = set("implication implications connotation connotations usage etymology "
      + "meaning meanings spelling pronunciation");
  /** Verbs that give someone a name: "calling someone X", "to be labelled X". */
  static final CharArraySet NAMING = set("call calls calling called label labels labeling labelling labeled labelled "
      + "dub dubs dubbed term termed brand branded");
  /** Verbs that use a name with "as": "refer to themselves as X", "described as X". */
  static final CharArraySet NAMING_AS = set("refer refers referring referred describe describes describing described");
  /** Who is given a name: "calling someone X", "call themselves X". */
  static final CharArraySet NAMED = set("someone somebody anyone anybody him her them themselves himself herself oneself "
      + "yourself myself each other to me you us");
  /** Passive before a naming verb: "being called X". */
  static final CharArraySet PASSIVE = set("be being been is are was were get gets getting got");
  /** What is said of a word: "X is considered offensive", "X is both inaccurate and gauche". */
  static final CharArraySet USAGE = set("pejorative derogatory outdated dated archaic gauche inaccurate offensive "
      + "preferred acceptable unacceptable misleading slur term word label capitalized capitalised spelled hyphenated "
      + "used");
  static final CharArraySet FILLER = set("both so very rather quite somewhat considered now often also still widely "
      + "generally an a seen regarded increasingly");

  /** Verbs of winning a right, in the present, past or perfect: "won the right", "were granted suffrage". */
  static final CharArraySet WIN = set("win wins won gain gains gained earn earns earned secure secures secured obtain "
      + "obtains obtained achieve achieves achieved attain attained receive receives received acquire acquired "
      + "granted given got fought");
  static final CharArraySet AUX = set("have has had were was are is been finally eventually also now still only first "
      + "later then");
  static final CharArraySet RIGHT = set("right rights vote votes suffrage franchise equality freedom freedoms "
      + "citizenship independence emancipation liberation recognition protection protections access");

  /** Present-tense verbs that put a harm on a group when a harm noun follows: "support terrorism". */
  static final CharArraySet HARM_VERB = set("support supports commit commits bring brings cause causes spread spreads "
      + "sell sells deal deals fund funds finance finances promote promotes condone condones glorify glorifies "
      + "celebrate celebrates breed breeds love loves want wants import imports");
  /** Harms a group is said to support, commit or bring. */
  static final CharArraySet HARM_NOUN = set("terrorism terror crime crimes violence rape rapes murder murders theft "
      + "thefts drugs disease diseases bombings jihad gangs fraud extremism riots robbery robberies");
  /** Words that may stand between a harm verb and its noun: "commit violent crimes", "support islamic terror". */
  static final CharArraySet HARM_BETWEEN = set("the a an all any every more most much this that these those their its "
      + "acts act of kinds forms violent petty serious organized organised radical islamic random");
  /** Verbs that are a crime in themselves: "X steal", "X rape". */
  static final CharArraySet CRIME_VERB = set("steal steals rob robs rape rapes murder murders loot loots molest "
      + "molests terrorize terrorizes terrorise terrorises");
  /** Nouns and adjectives of a harm predicate after a copula: "are criminals", "is a terrorist". */
  static final CharArraySet HARM_PRED = set("criminal criminals terrorist terrorists violent dangerous rapist rapists "
      + "thief thieves murderer murderers killer killers thug thugs gangster gangsters extremist extremists "
      + "savage savages barbaric barbarians predator predators pedophile pedophiles illegal illegals mobster mobsters");
  static final CharArraySet HARM_COPULA = set("are is 're");
  /** Words that may stand between the copula and a harm predicate: "are all criminals", "are basically thugs". */
  static final CharArraySet HARM_FILLER = set("all just a an nothing but basically naturally inherently simply always "
      + "born");
  static final CharArraySet HARM_ADVERB = set("always all just only secretly openly");
  static final CharArraySet NEGATION = set("not never no don't doesn't aren't isn't won't can't cannot");

  /**
   * True if the sentence {@code [from, to)} is about a role's duty or definition, about a word, or
   * about rights a group won, and no mention outside that frame is the subject of a claim of its
   * own.
   *
   * @param spans token start/end pairs of the sentence's {@code mentions} group mentions
   */
  static boolean notAboutTraits(Tokens t, int from, int to, int[] spans, int mentions) {
    if (circumstanceReason(t, from, to, spans, mentions) || hardship(t, from, to, spans, mentions)
        || named(t, to, spans, mentions)) {
      return true;
    }
    StereotypeFeatures f = StereotypeFeatures.INSTANCE;
    for (int k = from; k < to; k++) {
      long covered = roleDuty(t, from, to, k, f);
      if (covered < 0) {
        covered = roleDefinition(t, from, to, k, f);
      }
      if (covered < 0) {
        covered = rightsWon(t, to, k, spans, mentions);
      }
      if (covered < 0) {
        covered = aboutWord(t, from, to, k, spans, mentions, f);
      }
      if (covered < 0) {
        covered = harmDenied(t, to, k, spans, mentions);
      }
      if (covered < 0) {
        covered = negativeDenied(t, to, k, spans, mentions, f);
      }
      if (covered < 0) {
        covered = history(t, to, k, spans, mentions);
      }
      if (covered >= 0 && !otherClaim(t, to, spans, mentions, (int) (covered >>> 32), (int) covered)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Practice words: a religious or cultural practice, holiday, rite or custom, or a place of worship ("Muslims pray
   * facing Mecca", "Mexicans celebrate the Day of the Dead", "Catholics observe Lent", "remove their shoes before
   * entering a temple").
   */
  static final CharArraySet PRACTICE = set("pray prays praying prayer prayers worship worships worshipping celebrate "
      + "celebrates celebrating celebration celebrations observe observes observing observance fasting feast "
      + "feasts festival festivals holiday holidays ritual rituals rite rites ceremony ceremonies custom customs "
      + "tradition traditions sabbath lent ramadan eid pilgrimage temple temples church churches mosque mosques "
      + "synagogue synagogues shrine shrines candle candles");
  /** Rights, accommodations, access and needs: "are entitled to", "eligible for", "step-free access", "are required". */
  static final CharArraySet ENTITLEMENT = set("eligible accommodation accommodations access accessible required");
  /**
   * Words of {@link #PRACTICE} and {@link #ENTITLEMENT} that are also traits unless a complement or the group's verb
   * position says otherwise: "entitled" only before "to" ("entitled to parking", not "the most entitled"); "fast"
   * only as the verb right after the group ("Muslims fast during Ramadan", not "run very fast").
   */
  static final CharArraySet ENTITLED = set("entitled");
  static final CharArraySet FAST = set("fast fasts");
  static final CharArraySet TO = set("to");
  /** "right(s)" counts as an entitlement before "to" or "of": "the right to marry", not "always right". */
  static final CharArraySet RIGHT_NOUN = set("right rights");
  static final CharArraySet RIGHT_AFTER = set("to of");
  /** Words that tie a trait to a practice: a reason, a comparison, an excess, a role of submission. */
  static final CharArraySet TRAIT_LINK = set("because since than more too instead obey submit lack lacks lacked "
      + "lacking");
  /** Demonizing words the valence lexicon does not rate: "the synagogue of satan", "filthy foreigners". */
  static final CharArraySet DEMONIZING = set("satan satanic satanist satanists satanism demon demons demonic filthy "
      + "heathen heathens infidel infidels barbaric savage savages primitive");
  /** Vices, excess and crimes a practice can be said to be an excuse for: "celebrate every holiday by drinking vodka". */
  static final CharArraySet VICE = set("drunk drunken drink drinks drank drinking booze vodka alcohol gambling gamble "
      + "gambles partying looting loud loudly noisy noisily");
  /** A negative ability: a trait ("women can't drive"), but for a disability group a literal consequence. */
  static final CharArraySet NEG_ABILITY = set("can't cannot couldn't unable");

  /**
   * The practice veto: the sentence {@code [from, to)} describes a group's religious or cultural practice, holiday,
   * rite, custom, legal right, accommodation or need ({@link #PRACTICE}, {@link #ENTITLEMENT}, "right(s) to") and puts
   * no trait beside it: no trait word of {@code traits.txt}, no word of negative valence, no harm or blame word, no
   * reason, comparison, excess or lack ({@link #TRAIT_LINK}), no vice ({@link #VICE}), no demonizing word
   * ({@link #DEMONIZING}), no "entitled" or "fast" as an adjective ({@link #ENTITLED}, {@link #FAST}) and no negative ability ("can't"), except for a disability
   * group, whose inability is literal ("Deaf people can't hear the alarm, so strobe lights are required": the
   * object of that inability does not count for its valence either). Group terms and capitalized words inside the
   * sentence (names: "the Day of the Dead") are not read as traits; the other words of a mention are ("the
   * malnourished Chadian child"). A stereotype attributes a
   * disposition, ability, moral quality or behaviour pattern; "Mexicans celebrate by getting drunk and fighting",
   * "Muslims always pray for the death of ..." keep their trait words and are not vetoed.
   *
   * @param spans token start/end pairs of the sentence's {@code mentions} group mentions; the first is the group
   * @return true if the sentence only describes a practice, right or need of the group
   */
  static boolean practice(Tokens t, int from, int to, int[] spans, int mentions) {
    return practice(t, from, to, spans, mentions, spans[0], spans[1]) || conditionOnly(t, from, to, spans, mentions)
        || habitComparison(t, from, to, spans, mentions);
  }

  /**
   * A sentence whose every mention names people by a condition ("people with dyslexia", "children with cerebral
   * palsy") and that holds no trait word of {@code traits.txt} outside them: a condition's symptoms, risks, care and
   * needs are literal ("People with dyslexia have difficulty reading", "People with dementia lose their memory over
   * time"), like a disability's inability; "People with schizophrenia are dangerous" keeps its trait.
   */
  static boolean conditionOnly(Tokens t, int from, int to, int[] spans, int mentions) {
    if (virtueDenied(t, from, to)) {
      return false; // "People with autism have no empathy": a virtue denied is a trait, not a symptom
    }
    for (int m = 0; m < mentions; m++) {
      int s = spans[2 * m];
      int e = spans[2 * m + 1];
      if (e - s < 3 || !has(t, s + 1, StereotypeFeatures.W_WITH) || !in(StereotypeFeatures.CONDITION, t, e - 1)) {
        return false;
      }
    }
    for (int k = from; k < to; k++) {
      if (!mentionCovers(k, spans, mentions) && has(t, k, StereotypeFeatures.W_TRAIT)) {
        return false;
      }
    }
    return mentions > 0;
  }

  /** {@link #practice} for the generalization rule's one group term {@code [g, gEnd)}. */
  static boolean practice(Tokens t, int from, int to, int g, int gEnd) {
    return practice(t, from, to, null, 0, g, gEnd);
  }

  private static boolean practice(Tokens t, int from, int to, int[] spans, int mentions, int g, int gEnd) {
    StereotypeFeatures f = StereotypeFeatures.INSTANCE;
    boolean disability = f.axis(t, g, gEnd) == DISABILITY;
    boolean practice = false;
    int lastNegAbility = -4; // no "can't" yet
    for (int k = from; k < to; k++) {
      if ((k >= g && k < gEnd) || (spans != null && mentionCovers(k, spans, mentions))) {
        if (f.axis(t, k, k + 1) == 0 && (has(t, k, StereotypeFeatures.W_TRAIT)
            || f.negative(t, k) || in(DEMONIZING, t, k) || in(VICE, t, k))) {
          return false; // a trait inside the mention's descriptor run: "the malnourished Chadian child"
        }
        continue;
      }
      boolean afterGroup = k == gEnd || (spans != null && mentionEndsAt(k, spans, mentions));
      if (in(PRACTICE, t, k) || in(ENTITLEMENT, t, k) || (in(FAST, t, k) && afterGroup)
          || (in(ENTITLED, t, k) && k + 1 < to && in(TO, t, k + 1))
          || (in(RIGHT_NOUN, t, k) && k + 1 < to && in(RIGHT_AFTER, t, k + 1))) {
        practice = true;
        continue;
      }
      if (k > from && t.is(k, Tokens.CAP) && !t.is(k, Tokens.SENT_START)) {
        continue; // a name: "the Day of the Dead", "Saint Patrick's Day"
      }
      if (has(t, k, B_LACK) && Generalizations.lacksGood(t, k + 1)) {
        practice = true; // a need unmet, not a quality lacked: "immigrants lack access to legal advice"
        k++;
        continue;
      }
      if (in(NEG_ABILITY, t, k)) {
        if (!disability) {
          return false;
        }
        lastNegAbility = k;
        continue;
      }
      if (has(t, k, StereotypeFeatures.W_TRAIT) || has(t, k, StereotypeFeatures.W_HARM)
          || has(t, k, StereotypeFeatures.W_BLAME) || in(TRAIT_LINK, t, k) || in(VICE, t, k) || in(DEMONIZING, t, k)
          || in(ENTITLED, t, k) || in(FAST, t, k)) {
        return false;
      }
      if (f.negative(t, k) && !has(t, k, StereotypeFeatures.W_NEG) && k - lastNegAbility > 3) {
        return false; // within three tokens of a disability's "can't": its literal object ("can't hear the alarm")
      }
    }
    return practice;
  }

  private static boolean mentionEndsAt(int k, int[] spans, int mentions) {
    for (int m = 0; m < mentions; m++) {
      if (spans[2 * m + 1] == k) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentionCovers(int k, int[] spans, int mentions) {
    for (int m = 0; m < mentions; m++) {
      if (k >= spans[2 * m] && k < spans[2 * m + 1]) {
        return true;
      }
    }
    return false;
  }

  /** Adverbs between a group and its past-tense verb: "never developed", "first arrived". */
  static final CharArraySet HIST_ADV = set("never first later then also once finally eventually soon still only often "
      + "traditionally historically originally");
  /** Prepositions after a mention whose phrase a history frame skips to its verb. */
  static final CharArraySet HIST_PREP = set("in of from at on");
  /** Irregular past-tense event verbs: what a group did, as history tells it. */
  static final CharArraySet PAST_EVENT = set("won became began made took got brought built came went left wrote sang "
      + "spoke fled fought founded formed arrived migrated settled gave led ran held sought taught");

  /**
   * History: a mention at token {@code k} (a relative pronoun or a short prepositional phrase after it skipped), up
   * to two adverbs, then a past-tense event verb (a word in -ed that is
   * no trait word, or an irregular past of {@link #PAST_EVENT}): "Indigenous Australians never developed pottery",
   * "Irish immigrants settled in Boston": what a group did, not what it is like. Not "were", "was" (a trait in the
   * past is still a trait).
   *
   * @return the frame's first and last token packed as (first &lt;&lt; 32 | last), or -1
   */
  private static long history(Tokens t, int to, int k, int[] spans, int mentions) {
    int m = mentionAt(k, spans, mentions);
    if (m < 0) {
      return -1;
    }
    int v = spans[2 * m + 1];
    if (v < to && !t.is(v, Tokens.HARD_BEFORE) && in(RELATIVE, t, v)) {
      v++; // "the Egyptian dancers who performed ..."
    } else if (v < to && !t.is(v, Tokens.HARD_BEFORE) && in(HIST_PREP, t, v)) {
      // a prepositional phrase of up to six words before the verb: "the male actors in the theatre of ancient Greece
      // performed"; a word in -ed after a determiner or preposition is an adjective ("in the occupied territories"),
      // and a copula or modal ends the search: the predicate is not an event ("X in the occupied areas are ...")
      int p = v + 1;
      while (p < to && p - v <= 6 && !t.is(p, Tokens.HARD_BEFORE)) {
        if (StereotypeFeatures.COPULA.contains(t.canon, t.cStart[p], t.len(p))
            || StereotypeFeatures.MODAL.contains(t.canon, t.cStart[p], t.len(p))) {
          return -1;
        }
        if (pastEvent(t, p) && !in(StereotypeFeatures.DET, t, p - 1) && !in(StereotypeFeatures.ARTICLE, t, p - 1)
            && !in(StereotypeFeatures.PREP, t, p - 1)) {
          break;
        }
        p++;
      }
      if (p >= to || p - v > 6 || t.is(p, Tokens.HARD_BEFORE)) {
        return -1;
      }
      v = p;
    }
    for (int hop = 0; hop < 2 && v < to && !t.is(v, Tokens.HARD_BEFORE) && (in(HIST_ADV, t, v) || endsLy(t, v)); hop++) {
      v++;
    }
    if (v >= to || t.is(v, Tokens.HARD_BEFORE)) {
      return -1;
    }
    return pastEvent(t, v) ? ((long) k << 32) | v : -1;
  }

  /** A past-tense event verb: a word in -ed that is no trait word, or an irregular past of {@link #PAST_EVENT}. */
  private static boolean pastEvent(Tokens t, int v) {
    int len = t.len(v);
    int e = t.cEnd[v];
    return (len > 4 && t.canon[e - 2] == 'e' && t.canon[e - 1] == 'd'
        && !BiasLexicon.Parsed.TRAITS.contains(t.canon, t.cStart[v], len)) || in(PAST_EVENT, t, v);
  }

  private static int mentionAt(int k, int[] spans, int mentions) {
    for (int m = 0; m < mentions; m++) {
      if (spans[2 * m] == k) {
        return m;
      }
    }
    return -1;
  }

  /**
   * A role on its own at token {@code k}: an occupation term with at most two modifiers that are no
   * group terms before it, opened by a determiner, conjunction or the clause start ("the psychiatric
   * nurse", "all construction workers", "teachers"; not "female engineers").
   *
   * @return the first token of the role's noun phrase, or -1
   */
  private static int roleStart(Tokens t, int from, int to, int k, StereotypeFeatures f) {
    if (f.kindAt(t, k, to) != StereotypeFeatures.OCCUPATION) {
      return -1;
    }
    int s = k;
    for (int mods = 0; ; mods++) {
      if (s == from || t.is(s, Tokens.HARD_BEFORE)) {
        return s;
      }
      int b = s - 1;
      if (in(ROLE_OPEN, t, b)) {
        return b;
      }
      if (mods == 2 || f.kindAt(t, b, to) != 0 || !letters(t, b) || in(StereotypeFeatures.NOT_VERB, t, b)) {
        return -1;
      }
      s = b;
    }
  }

  /** One past a role noun phrase whose occupation term starts at {@code k}: "nurse", "nurse practitioner". */
  private static int roleEnd(Tokens t, int k, int to, StereotypeFeatures f) {
    int e = f.endAt(t, k, to);
    return e < to && !t.is(e, Tokens.HARD_BEFORE) && in(ROLE_HEAD, t, e) ? e + 1 : e;
  }

  /**
   * Role duty at token {@code k}: a role, then "must", "need(s)/ha(ve|s) to", or "is/are required
   * (expected, obliged, responsible, trained, supposed) to/for"; not "must be" + a group ("surgeons
   * must be men").
   *
   * @return the tokens the frame covers ({@link #span}), or -1
   */
  static long roleDuty(Tokens t, int from, int to, int k, StereotypeFeatures f) {
    int s = roleStart(t, from, to, k, f);
    if (s < 0) {
      return -1;
    }
    int v = roleEnd(t, k, to, f);
    if (v < to && !t.is(v, Tokens.HARD_BEFORE) && endsLy(t, v)) {
      v++; // "nurses also must", "teachers usually need to" (hedges are read elsewhere)
    }
    if (v >= to || t.is(v, Tokens.HARD_BEFORE)) {
      return -1;
    }
    boolean duty;
    if (in(MUST, t, v)) {
      duty = !(v + 2 < to && in(BE, t, v + 1) && groupWithin(t, v + 2, Math.min(to, v + 4), f));
    } else if (in(NEED, t, v)) {
      duty = next(t, v, to, TO);
    } else if (has(t, v, B_COPULA) && v + 2 < to && in(DUTY_ADJ, t, v + 1)) {
      duty = next(t, v + 1, to, TO) || next(t, v + 1, to, FOR);
    } else {
      duty = false;
    }
    return duty ? span(s, v + 1) : -1;
  }

  /**
   * Role definition at token {@code k}: a role subject opening the sentence or clause ("An actor",
   * "A licensed practical nurse in much of the United States"), its first copula "is/are" within
   * {@value #DEFINITION_REACH} tokens (the role is the head of the subject: not "the doctor's wife is
   * ..."), then a noun phrase of at most five tokens that names a role
   * (an occupation or a role noun: "a person who", "a healthcare professional", "a nurse practitioner
   * that") with no group term in it ("a woman who" is not a definition).
   *
   * @return the tokens the frame covers, subject to copula ({@link #span}), or -1
   */
  static long roleDefinition(Tokens t, int from, int to, int k, StereotypeFeatures f) {
    int s = roleStart(t, from, to, k, f);
    if (s < 0 || !(s == from || t.is(s, Tokens.HARD_BEFORE) || ((s - 1 == from || t.is(s - 1, Tokens.HARD_BEFORE))
        && in(ARTICLE, t, s)))) {
      return -1; // the role must be the subject opening the clause, bare or after an article
    }
    int c = roleEnd(t, k, to, f);
    if (c < to && !t.is(c, Tokens.HARD_BEFORE) && !has(t, c, B_COPULA) && !in(NP_END, t, c)) {
      return -1; // the role is not the head: "the doctor's wife is ..."
    }
    int limit = Math.min(to, c + DEFINITION_REACH);
    while (c < limit && !has(t, c, B_COPULA)) {
      c++;
    }
    if (c >= limit) {
      return -1;
    }
    for (int p = c + 1; p < to && p <= c + 5 && !t.is(p, Tokens.HARD_BEFORE); p++) {
      byte kind = f.kindAt(t, p, to);
      if (in(ROLE_NOUN, t, p) || kind == StereotypeFeatures.OCCUPATION) {
        return span(s, c + 1);
      }
      if (kind != 0) {
        return -1; // "is a woman who", "is a Muslim"
      }
    }
    return -1;
  }

  /**
   * Rights won, for a mention starting at token {@code k}: the mention, up to two auxiliaries or
   * adverbs ("have", "were", "finally"), a verb of winning ("won", "gained", "granted", "fought"),
   * and within three tokens a right ("the right to vote", "suffrage", "equality").
   *
   * @return the tokens the frame covers ({@link #span}), or -1
   */
  static long rightsWon(Tokens t, int to, int k, int[] spans, int mentions) {
    for (int m = 0; m < mentions; m++) {
      if (spans[2 * m] != k) {
        continue;
      }
      int v = spans[2 * m + 1];
      for (int aux = 0; aux < 2 && v < to && !t.is(v, Tokens.HARD_BEFORE) && (in(AUX, t, v) || endsLy(t, v)); aux++) {
        v++;
      }
      if (v >= to || t.is(v, Tokens.HARD_BEFORE) || !in(WIN, t, v)) {
        return -1;
      }
      for (int r = v + 1; r < to && r <= v + 3 && !t.is(r, Tokens.HARD_BEFORE); r++) {
        if (in(RIGHT, t, r)) {
          return span(k, r + 1);
        }
      }
      return -1;
    }
    return -1;
  }

  /** Auxiliaries before a negation: "do not", "are not", "will never". */
  static final CharArraySet DENY_AUX = set("do does did are is were was will would can could");

  /**
   * A harm denied, for a mention starting at token {@code k}: the mention, an optional auxiliary, a
   * negation, then the harm frame of {@link #harm} ("Muslims do not support terrorism", "immigrants are
   * not criminals", "they don't steal"): it says the group is free of the harm, the opposite of the
   * stereotype.
   *
   * @return the tokens the frame covers ({@link #span}), or -1
   */
  static long harmDenied(Tokens t, int to, int k, int[] spans, int mentions) {
    for (int m = 0; m < mentions; m++) {
      if (spans[2 * m] != k) {
        continue;
      }
      int v = spans[2 * m + 1];
      if (v < to && !t.is(v, Tokens.HARD_BEFORE) && in(DENY_AUX, t, v)) {
        v++;
      }
      if (v >= to || t.is(v, Tokens.HARD_BEFORE) || !in(NEGATION, t, v)) {
        return -1;
      }
      v++;
      for (int fill = 0; fill < 2 && v < to && !t.is(v, Tokens.HARD_BEFORE) && in(HARM_FILLER, t, v); fill++) {
        v++;
      }
      if (v >= to || t.is(v, Tokens.HARD_BEFORE)) {
        return -1;
      }
      if (has(t, v, B_CRIME_VERB) || in(HARM_PRED, t, v)) {
        return span(k, v + 1);
      }
      int end = has(t, v, B_HARM_VERB) ? harmObjectEnd(t, v, to) : -1;
      return end < 0 ? -1 : span(k, end);
    }
    return -1;
  }

  /** A copula before a denied trait: "are no burden", "is not a threat". */
  static final CharArraySet DENY_COPULA = set("are is were was");
  /** A negated copula in one token: "aren't a threat". */
  static final CharArraySet DENY_COPULA_NOT = set("aren't isn't weren't wasn't");
  /** Modals before a negation and "be": "will never be a burden". */
  static final CharArraySet DENY_MODAL = set("will would can could");
  /** Negations of a predicate after a copula: "are no", "are not", "are never", "are hardly". */
  static final CharArraySet DENY_NEG = set("not no never hardly");
  /** Words between the negation and the trait: "not a", "never an", "not any", "no such", "not really". */
  static final CharArraySet DENY_FILLER = set("a an any such really");
  /** Words after a denied trait that turn the sentence into a claim again: "not a burden but a threat". */
  static final CharArraySet DENY_TURN = set("but rather instead merely just only");
  /** How many words of the predicate after the negation are read for the trait: "no economic burden". */
  private static final int DENY_WINDOW = 3;

  /**
   * A negative trait denied, for a mention starting at token {@code k}: the mention, a copula (or a modal and "be"),
   * a negation ("no", "not", "not a", "never a", "nothing like", "hardly a", "aren't"), then a predicate whose first
   * words ({@value #DENY_WINDOW}, up to a preposition or clause end) hold a negative trait ({@link #negativeTrait}:
   * negative valence, a pejorative noun, a demonizing word, a stereotype trait of {@code traits.txt}) and none of
   * positive valence, or whose first word is a circumstance or judgement of worth ({@link #STATE}: "are not free to
   * leave", "are not special"): "Refugees are no burden on the economy", "Old people are not a drain on society", "Poor
   * people are not lazy", "Africans are not primitive". It denies a negative stereotype; a positive
   * trait denied ("Women are not good at math") is still one and stays. Not when the sentence turns after the trait
   * to another negative trait ({@link #DENY_TURN}, {@link #turnsToTrait}: "are not a burden but a threat").
   *
   * @return the tokens the frame covers ({@link #span}), or -1
   */
  static long negativeDenied(Tokens t, int to, int k, int[] spans, int mentions, StereotypeFeatures f) {
    for (int m = 0; m < mentions; m++) {
      if (spans[2 * m] != k) {
        continue;
      }
      int v = spans[2 * m + 1];
      if (v >= to || t.is(v, Tokens.HARD_BEFORE)) {
        return -1;
      }
      if (has(t, v, B_DENY_COPULA_NOT)) {
        v++;
      } else if (in(DENY_COPULA, t, v) && next(t, v, to, DENY_NEG)) {
        v += 2;
      } else if (in(DENY_COPULA, t, v) && next(t, v, to, NOTHING) && next(t, v + 1, to, LIKE)) {
        v += 3;
      } else if (in(DENY_MODAL, t, v) && next(t, v, to, DENY_NEG) && next(t, v + 1, to, BE)) {
        v += 3;
      } else {
        return -1;
      }
      for (int fill = 0; fill < 2 && v < to && !t.is(v, Tokens.HARD_BEFORE) && in(DENY_FILLER, t, v); fill++) {
        v++;
      }
      // a circumstance or judgement of worth denied is no trait either: "are not free to leave", "are not special"
      boolean state = v < to && !t.is(v, Tokens.HARD_BEFORE) && in(STATE, t, v);
      boolean negative = state;
      int end = state ? v + 1 : v;
      for (; !state && end < to && end < v + DENY_WINDOW && !t.is(end, Tokens.HARD_BEFORE) && !in(NP_END, t, end)
          && !in(DENY_TURN, t, end); end++) { // a turn word ends the denied predicate: "not dangerous, only dirty"
        if (f.valence(t, end) > 0 || positiveTrait(t, end, f) || in(DENY_NEG, t, end)) {
          return -1;
        }
        negative |= negativeTrait(t, end, f);
      }
      if (!negative) {
        return -1;
      }
      for (int a = end; a < to; a++) {
        if (in(DENY_TURN, t, a) && turnsToTrait(t, a + 1, to, f)) {
          return -1;
        }
      }
      return span(k, end);
    }
    return -1;
  }

  /**
   * Virtues and abilities the valence lexicon does not rate, whose denial is a stereotype ("Fat people are not
   * disciplined", "Mexicans are not hardworking"): the adjectives of the lack frame's virtues ({@link #VIRTUE}), the
   * positive words of {@code traits.txt} that VADER leaves unrated, and common adjectives of conduct and civility.
   */
  static final CharArraySet VIRTUE_ADJ = set("disciplined self-disciplined moral principled decent humble modest civilized "
      + "civilised cultured cultivated mannered well-mannered polite courteous considerate conscientious "
      + "industrious hardworking hard-working diligent punctual reliable dependable sober thrifty tidy neat "
      + "law-abiding peaceable rational reasonable logical sensible mature competent capable skilled educated literate "
      + "articulate gifted talented athletic musical rhythmic nurturing motherly fatherly selfless");
  /**
   * Words VADER rates positive that are no trait of character: circumstances and states, which denied tell what befalls
   * a group ("Women are not safe at night", "Immigrants are not welcome here", "Refugees are not free to leave",
   * "Women are not happy with the decision"), and judgements of excellence or standing, which denied level the group
   * with everyone ("Gay people are not special, they are just people", "Immigrants are not perfect", "Women are not
   * superior to men"), not what it is like. Not judgements of worth or normality: "Gay people are not normal", "not
   * acceptable", "not important" deny the group its worth and are stereotypes.
   */
  static final CharArraySet STATE = set("safe safer secure free welcome welcomed healthy well comfortable lucky rich "
      + "wealthy ready eligible entitled paid protected included represented accepted respected valued appreciated "
      + "supported loved allowed permitted happy glad pleased content perfect special superior unique exceptional "
      + "extraordinary popular famous interested keen sure certain");

  /**
   * A positive trait at token {@code k}: an ability of {@link Generalizations#CAPABLE}, a virtue of {@link #VIRTUE_ADJ},
   * or a word of positive valence that is no participle in -ed and no circumstance ({@link #STATE}). Denied of a
   * group ("Women are never rational", "Men are not caring") it is a negative stereotype.
   */
  static boolean positiveTrait(Tokens t, int k, StereotypeFeatures f) {
    if (in(Generalizations.CAPABLE, t, k) || in(VIRTUE_ADJ, t, k)) {
      return true;
    }
    int n = t.len(k);
    int c = t.cEnd[k];
    if (f.valence(t, k) <= 0 || in(STATE, t, k) || (n > 4 && t.canon[c - 2] == 'e' && t.canon[c - 1] == 'd')) {
      return false;
    }
    // a word of positive valence alone is a trait where it ends the claim ("Men are not caring.", "are not honest
    // enough"); followed by more words it is mostly a state or relation ("are not interested in", "not friendly to")
    int a = k + 1;
    return a >= t.count || t.is(a, Tokens.HARD_BEFORE) || t.is(a, Tokens.SENT_START) || in(ENOUGH, t, a);
  }

  private static final CharArraySet ENOUGH = set("enough");

  /**
   * A negative trait at token {@code k}: a word of negative valence or a pejorative noun ({@link
   * StereotypeFeatures#negative}), a demonizing word or vice the valence lexicon does not rate ({@link #DEMONIZING},
   * {@link #VICE}), or a trait word of {@code traits.txt} that is no positive trait ({@link #positiveTrait}) and of no
   * positive valence: the stereotype trait lexicon holds mostly negative traits ("primitive", "backward",
   * "untrustworthy", "submissive"), and a stereotype trait denied is a counter-stereotype.
   */
  static boolean negativeTrait(Tokens t, int k, StereotypeFeatures f) {
    return f.negative(t, k) || in(DEMONIZING, t, k) || in(VICE, t, k)
        || (has(t, k, StereotypeFeatures.W_TRAIT) && f.valence(t, k) <= 0
            && !positiveTrait(t, k, f));
  }

  /**
   * Whether the words from {@code a} to the sentence end hold a negative trait ({@link #negativeTrait}): a turn word
   * ({@link #DENY_TURN}) before one makes the denial a claim again ("not a burden but a threat", "not lazy, just
   * stupid"); before none it does not ("not special, they are just people", "not a burden but a blessing").
   */
  private static boolean turnsToTrait(Tokens t, int a, int to, StereotypeFeatures f) {
    for (; a < to; a++) {
      if (negativeTrait(t, a, f)) {
        return true;
      }
    }
    return false;
  }

  private static final CharArraySet NOTHING = set("nothing");
  private static final CharArraySet LIKE = set("like");

  /**
   * Words about words at token {@code k}: a term noun before a group word ("the word lesbian", "the
   * slur X"); a naming verb with its object before one ("calling someone queer", "being called X",
   * "refer to themselves as X"), unless a group is the verb's subject ("the jews that call themselves
   * jews are ...": a sentence about the group); a group word before "its/their" and a noun of sense ("lesbian, in
   * its implication of ...") or after one with "of" ("the etymology of X"); a bare singular group word
   * opening a clause, then "is/was" and a verdict on a word ("Oriental is considered offensive", "X is
   * an outdated term").
   *
   * @return the tokens the frame covers ({@link #span}), or -1
   */
  static long aboutWord(Tokens t, int from, int to, int k, int[] spans, int mentions, StereotypeFeatures f) {
    if (in(TERM_NOUN, t, k)) {
      int g = k + 1;
      if (g < to && !t.is(g, Tokens.HARD_BEFORE) && isGroupWord(t, g, to, f)) {
        return span(k, f.endAt(t, g, to));
      }
      return -1;
    }
    if (in(META_NOUN, t, k) && k + 2 < to && in(OF, t, k + 1) && isGroupWord(t, k + 2, to, f)) {
      return span(k, f.endAt(t, k + 2, to));
    }
    if ((in(NAMING, t, k) || in(NAMING_AS, t, k)) && !(k > from && (in(RELATIVE, t, k - 1) || mentionEndsAt(t, k, spans, mentions)))) {
      // not "the jews that call themselves jews are ...": there the verb's subject is a group, and the sentence about it
      int g = k + 1;
      boolean passive = k > from && in(PASSIVE, t, k - 1);
      int named = 0;
      while (g < to && named < 2 && in(NAMED, t, g)) {
        g++;
        named++;
      }
      if (in(NAMING_AS, t, k)) {
        if (g >= to || !in(AS, t, g)) {
          return -1;
        }
        g++;
      } else if (named == 0 && !passive) {
        return -1; // "call Muslims terrorists": the group is who is named, not the name
      }
      if (g < to && !t.is(g, Tokens.HARD_BEFORE) && isGroupWord(t, g, to, f)) {
        return span(k, f.endAt(t, g, to));
      }
      return -1;
    }
    byte kind = f.kindAt(t, k, to);
    if ((kind == StereotypeFeatures.GROUP || kind == StereotypeFeatures.DESCRIPTOR)) {
      int e = f.endAt(t, k, to);
      for (int p = e; p < to && p <= e + 4 && !t.is(p, Tokens.HARD_BEFORE); p++) {
        if (in(META_NOUN, t, p)) {
          return span(k, p + 1); // "lesbian, in its implication of ..."
        }
      }
      if (e == k + 1 && !StereotypeFeatures.plural(t, k) && (k == from || t.is(k, Tokens.HARD_BEFORE))
          && e < to && (eq(t, e, "is") || eq(t, e, "was"))) {
        for (int p = e + 1; p < to && p <= e + 4 && !t.is(p, Tokens.HARD_BEFORE); p++) {
          if (in(USAGE, t, p) || in(TERM_NOUN, t, p)) {
            return span(k, p + 1);
          }
          if (!in(FILLER, t, p)) {
            return -1;
          }
        }
      }
    }
    return -1;
  }

  /**
   * The harm frame: a mention after a generalizing quantifier (all, most, every, typical, any, each)
   * or a plural mention opening its clause, that names a group (not an occupation alone), followed,
   * an adverb such as "always" or "secretly" skipped, by a present-tense harm predicate: a harm verb
   * and within three tokens a harm noun ("support terrorism", "commit violent crimes"), a crime verb
   * ("steal"), or a copula and a harm word ("are criminals", "is a terrorist"). A negation in between
   * ("do not support") ends it.
   *
   * @param spans token start/end pairs of the sentence's {@code mentions} group mentions
   */
  static boolean harm(Tokens t, int from, int to, int[] spans, int mentions) {
    StereotypeFeatures f = StereotypeFeatures.INSTANCE;
    for (int m = 0; m < mentions; m++) {
      int s = spans[2 * m];
      int e = spans[2 * m + 1];
      boolean clauseStart = s == from || t.is(s, Tokens.HARD_BEFORE);
      boolean quantified = !clauseStart && has(t, s - 1, StereotypeFeatures.W_QUANT);
      if (!(quantified || (clauseStart && StereotypeFeatures.plural(t, e - 1))) || !names(t, s, e, to, f)) {
        continue;
      }
      int v = e;
      for (int adv = 0; adv < 2 && v < to && !t.is(v, Tokens.HARD_BEFORE) && has(t, v, B_HARM_ADVERB); adv++) {
        v++;
      }
      if (v >= to || t.is(v, Tokens.HARD_BEFORE)) {
        continue;
      }
      if (has(t, v, B_CRIME_VERB)) {
        return true;
      }
      if (has(t, v, B_HARM_VERB)) {
        if (harmObjectEnd(t, v, to) >= 0) {
          return true;
        }
      } else if (has(t, v, B_HARM_COPULA)) {
        for (int o = v + 1; o < to && o <= v + 3 && !t.is(o, Tokens.HARD_BEFORE); o++) {
          if (in(HARM_PRED, t, o)) {
            return true;
          }
          if (!in(HARM_FILLER, t, o)) {
            break;
          }
        }
      }
    }
    return false;
  }

  /** Words that open a reason clause: "because they are ...", "since they're ...", "as they are ...". */
  static final CharArraySet REASON = set("because since as");
  static final CharArraySet THEY = set("they");
  static final CharArraySet ARE = set("are");
  /** Words between the reason clause's copula and its trait: "because they are all drunks", "too lazy". */
  static final CharArraySet REASON_FILLER = set("all just so too naturally inherently basically simply really very "
      + "such a an always");
  /**
   * Virtues a group is said to have none of: "have no empathy", "lack morals". A small list of moral and social
   * qualities; not needs or goods ("have no access", "lack immunity"), which are literal.
   */
  static final CharArraySet VIRTUE = set("empathy morals morality respect discipline manners ambition shame "
      + "conscience integrity decency compassion loyalty honor honour humility culture values");
  /** Verbs of lacking: before a virtue ({@link #lack}) or before a good or a need ({@link Generalizations#lacksGood}). */
  static final CharArraySet LACK = set("lack lacks");
  /** "have/has" before "no" + a virtue. */
  static final CharArraySet HAVE = set("have has");
  /** Words between "lack"/"have no" and the virtue: "lack any respect", "have no basic manners". */
  static final CharArraySet LACK_FILLER = set("any all basic real common");
  /** Comparatives of quantity: "more time", "less often", "fewer hours". */
  static final CharArraySet MORE = set("more less fewer");
  /** Time and frequency after a comparative: a habit measured, not a trait ("spend more time online"). */
  static final CharArraySet HABIT_QUANTITY = set("time often frequently hours minutes days");

  /**
   * A reason frame: a generic group mention (after a generalizing quantifier, or a plural opening its clause, naming a
   * group and not an occupation alone), and later in the same sentence a reason word ({@link #REASON}) followed by
   * "they are", "they're" or another group mention + "are", up to two fillers ("all", "too", "just"), then a trait
   * word of {@code traits.txt}, a word of negative valence, a harm predicate or a demonizing word: "Muslims pray five
   * times a day because they are fanatics", "Mexicans celebrate loudly because they are lazy". A negation after the
   * copula ends it ("because they are not ..."); for a disability group only negative valence, harm and demonizing
   * words count, not an ability ("Deaf people use sign language because they are unable to hear speech" is literal).
   * Near misses stay quiet: an occupation subject ("Nurses wear masks because they are exposed to infections") or a
   * reason with no trait ("because they are looking for work").
   *
   * @param spans token start/end pairs of the sentence's {@code mentions} group mentions
   * @return the index of the mention the reason is about, or -1
   */
  static int reason(Tokens t, int from, int to, int[] spans, int mentions) {
    long generic = generic(t, from, to, spans, mentions);
    return reason(t, from, to, spans, mentions, generic, disability(t, spans, mentions, generic));
  }

  /** {@link #reason} given {@link #generic(Tokens, int, int, int[], int)} and {@link #disability} of the mentions. */
  private static int reason(Tokens t, int from, int to, int[] spans, int mentions, long generic, long disabilities) {
    StereotypeFeatures f = StereotypeFeatures.INSTANCE;
    for (int m = 0; m < mentions; m++) {
      if ((generic & 1L << m) == 0) {
        continue;
      }
      int e = spans[2 * m + 1];
      boolean disability = (disabilities & 1L << m) != 0;
      for (int k = e; k + 2 < to; k++) {
        if (!has(t, k, B_REASON)) {
          continue;
        }
        int c = k + 1;
        if (!t.is(c, Tokens.HARD_BEFORE) && t.hash[c] == H_THEYRE) {
          c++;
        } else if (!t.is(c, Tokens.HARD_BEFORE) && has(t, c, B_THEY) && !t.is(c + 1, Tokens.HARD_BEFORE)
            && has(t, c + 1, B_ARE)) {
          c += 2;
        } else {
          int g = mentionAt(c, spans, mentions);
          if (g < 0 || spans[2 * g + 1] >= to || !has(t, spans[2 * g + 1], B_ARE)) {
            continue;
          }
          c = spans[2 * g + 1] + 1;
        }
        for (int hop = 0; hop < 3 && c < to && !t.is(c, Tokens.HARD_BEFORE); hop++, c++) {
          if (reasonTrait(t, c, f, disability)) {
            return m;
          }
          if (!in(REASON_FILLER, t, c)) {
            break;
          }
        }
      }
    }
    return -1;
  }

  private static boolean reasonTrait(Tokens t, int c, StereotypeFeatures f, boolean disability) {
    if (has(t, c, StereotypeFeatures.W_NEG) || in(NEG_ABILITY, t, c)) {
      return false;
    }
    return in(HARM_PRED, t, c) || in(DEMONIZING, t, c) || f.negative(t, c)
        || (!disability && has(t, c, StereotypeFeatures.W_TRAIT));
  }

  /**
   * A lack frame: a generic group mention (as in {@link #reason}), then, up to two adverbs skipped ("always", "just"),
   * "lack(s)" or "have/has no", up to one filler ("any", "basic"), then a virtue of {@link #VIRTUE}: "People with
   * autism have no empathy", "immigrants lack respect"; or, for a group that is no disability group, a virtue denied
   * ({@link #virtueDenied}: "Fat people are not disciplined"). "Do not lack", "have no access" do not count.
   *
   * @return the index of the mention, or -1
   */
  static int lack(Tokens t, int from, int to, int[] spans, int mentions) {
    long generic = generic(t, from, to, spans, mentions);
    return lack(t, to, spans, mentions, generic, disability(t, spans, mentions, generic));
  }

  /** {@link #lack} given {@link #generic(Tokens, int, int, int[], int)} and {@link #disability} of the mentions. */
  private static int lack(Tokens t, int to, int[] spans, int mentions, long generic, long disabilities) {
    StereotypeFeatures f = StereotypeFeatures.INSTANCE;
    for (int m = 0; m < mentions; m++) {
      if ((generic & 1L << m) == 0) {
        continue;
      }
      int e = spans[2 * m + 1];
      int v = e;
      for (int adv = 0; adv < 2 && v < to && !t.is(v, Tokens.HARD_BEFORE) && has(t, v, B_HARM_ADVERB); adv++) {
        v++;
      }
      if (v >= to || t.is(v, Tokens.HARD_BEFORE)) {
        continue;
      }
      int o;
      if (has(t, v, B_LACK)) {
        o = v + 1;
      } else if (has(t, v, B_HAVE) && v + 1 < to && eq(t, v + 1, "no")) {
        o = v + 2;
      } else {
        if (virtueDenied(t, v, to, f) && (disabilities & 1L << m) == 0) {
          return m;
        }
        continue;
      }
      if (o < to && !t.is(o, Tokens.HARD_BEFORE) && in(LACK_FILLER, t, o)) {
        o++;
      }
      if (o < to && !t.is(o, Tokens.HARD_BEFORE) && in(VIRTUE, t, o)) {
        return m;
      }
    }
    return -1;
  }

  /** Words between a denying negation and its virtue: "are not very caring", "are never really honest". */
  static final CharArraySet VIRTUE_FILLER = set("a an very really so that particularly truly all especially");

  /**
   * A virtue denied, from token {@code v} right after a mention (and its adverbs): a present copula ("are", "is") and a
   * negation ("not", "never", "hardly"), or "aren't"/"isn't", up to two fillers ({@link #VIRTUE_FILLER}), then a
   * positive trait ({@link #positiveTrait}): "Women are never rational", "Fat people are not disciplined", "Men are not
   * very caring". The lack frame's adjective form: to deny a virtue is to say the group lacks it.
   */
  static boolean virtueDenied(Tokens t, int v, int to, StereotypeFeatures f) {
    if (has(t, v, B_DENY_COPULA_NOT) && !eq(t, v, "weren't") && !eq(t, v, "wasn't")) {
      v++;
    } else if (has(t, v, B_COPULA) && next(t, v, to, DENY_NEG) && !next(t, v, to, NO)) {
      v += 2;
    } else {
      return false;
    }
    for (int fill = 0; fill < 2 && v < to && !t.is(v, Tokens.HARD_BEFORE) && in(VIRTUE_FILLER, t, v); fill++) {
      v++;
    }
    return v < to && !t.is(v, Tokens.HARD_BEFORE) && positiveTrait(t, v, f);
  }

  private static final CharArraySet NO = set("no");

  /** Verbs whose object can carry a trait: "have a bad attitude", "live a destructive lifestyle". */
  static final CharArraySet HOLD_VERB = set("have has live lives lead leads");
  /** Nouns of character and way of life that carry the trait of their modifier: "a violent nature", "a lazy attitude". */
  static final CharArraySet CHARACTER = set("attitude attitudes temper tempers mentality mentalities personality "
      + "personalities nature character culture cultures lifestyle lifestyles life lives existence behavior behaviour "
      + "behaviors behaviours habit habits manners morals values mind minds mindset mindsets tendencies tendency ways");
  /** Verbs that put what follows on the world: "spread hate", "bring trouble", "cause problems". */
  static final CharArraySet BRING_VERB = set("spread spreads carry carries bring brings cause causes create creates "
      + "breed breeds");
  /** Words that may open a predicate noun phrase: "are a menace", "are nothing but a burden", "are such a disgrace". */
  static final CharArraySet NP_FILLER = set("a an all just nothing but such so very really truly basically naturally "
      + "inherently simply always the total complete utter real big");
  /**
   * Hardship and victimhood: negative words that say what befalls a group, not what it is like ("are victims of war",
   * "have a hard life", "bring trauma with them"); they carry no trait in {@link #traitPredicate}.
   */
  static final CharArraySet SUFFERING = set("victim victims pain suffering stress struggle struggles poverty risk risks "
      + "fear fears hardship hardships trauma injury injuries illness illnesses sick ill lonely sad scared grief loss "
      + "losses war wars abuse harassment discrimination persecution oppression hunger famine debt debts unemployment "
      + "racism sexism homophobia exile injustice inequality neglect prejudice hard difficult tough");
  /** Words before a pronoun that open a clause tied to the sentence's group: "..., and they are lazy". */
  static final CharArraySet TIE_OPEN = set("and but so yet");
  /** Predicates of a reason that are a circumstance, not a trait: "because they are busy", "at higher risk". */
  static final CharArraySet CIRCUMSTANCE = set("busy at in on from away here there new paid needed allowed able "
      + "eligible");

  /**
   * A trait predicate frame: a generic group mention (as in {@link #reason}, not a disability group, whose hardship is
   * literal), up to two adverbs, then a predicate that carries a trait in a noun phrase or object rather than an
   * adjective:
   * <ul>
   *   <li>a copula and a noun phrase ("a", "an", "nothing but", "such") whose word is a trait: "Immigrants are a burden",
   *       "Gypsies are nothing but a plague"; or a pejorative person noun, bare or after "a bunch/pack/lot of": "X
   *       are parasites", "X are a bunch of thugs";</li>
   *   <li>"have", "live" or "lead" and an object whose modifier is a trait and whose head is a character or way of
   *       life ({@link #CHARACTER}): "Teenagers have a lazy attitude", "Lesbians live a destructive lifestyle";</li>
   *   <li>"spread", "carry", "bring", "cause" and a trait or harm noun: "Immigrants spread hate", "Gypsies bring
   *       trouble wherever they go";</li>
   *   <li>a clause tie: a later clause opened by "and", "but", "so", "yet" or clause punctuation whose subject is
   *       "they" ("they are", "they're"), up to two fillers, then such a trait: "Immigrants come here and they are
   *       criminals", "Feminists burn their bras, they're hysterical".</li>
   * </ul>
   * A trait word here ({@link #traitPredicate}) is a trait word of {@code traits.txt}, a harm predicate, a demonizing
   * word, or a word of negative valence that is no participle in -ed or -ing and no hardship ({@link #SUFFERING}):
   * "Refugees are victims of war", "Immigrants bring their trauma with them", "Older adults have a hard life" stay
   * quiet. A negation ends the predicate.
   *
   * @param spans token start/end pairs of the sentence's {@code mentions} group mentions
   * @return the index of the mention the predicate is about, or -1
   */
  static int predicate(Tokens t, int from, int to, int[] spans, int mentions) {
    long generic = generic(t, from, to, spans, mentions);
    return predicate(t, to, spans, mentions, generic & ~disability(t, spans, mentions, generic));
  }

  /** {@link #predicate} given its mentions: the generic ones that are no disability group. */
  private static int predicate(Tokens t, int to, int[] spans, int mentions, long candidates) {
    StereotypeFeatures f = StereotypeFeatures.INSTANCE;
    for (int m = 0; m < mentions; m++) {
      if ((candidates & 1L << m) == 0) {
        continue;
      }
      int e = spans[2 * m + 1];
      int v = e;
      for (int adv = 0; adv < 2 && v < to && !t.is(v, Tokens.HARD_BEFORE) && has(t, v, B_HARM_ADVERB); adv++) {
        v++;
      }
      if (v < to && !t.is(v, Tokens.HARD_BEFORE)
          && (copulaNounPhrase(t, v, to, f) || holds(t, v, to, f) || brings(t, v, to, f))) {
        return m;
      }
      if (clauseTie(t, e, to, f)) {
        return m;
      }
    }
    return -1;
  }

  /**
   * A copula at {@code v}, fillers with an article or "nothing but", then a trait word: "are a menace"; or a
   * pejorative person noun with or without an article ({@link StereotypeFeatures#pejorativePredicate}): "are
   * parasites", "are a bunch of thugs" (not after a negation: "are not criminals").
   */
  private static boolean copulaNounPhrase(Tokens t, int v, int to, StereotypeFeatures f) {
    if (!has(t, v, B_HARM_COPULA)) {
      return false;
    }
    int p = f.pejorativePredicate(t, v, to);
    if (p >= 0) {
      for (int q = v + 1; q < p; q++) {
        if (has(t, q, StereotypeFeatures.W_NEG)) {
          return false;
        }
      }
      return true;
    }
    boolean article = false;
    for (int o = v + 1; o < to && o <= v + 4 && !t.is(o, Tokens.HARD_BEFORE); o++) {
      if (article && traitPredicate(t, o, to, f)) {
        return true;
      }
      if (!in(NP_FILLER, t, o)) {
        return false;
      }
      article |= in(ARTICLE, t, o) || eq(t, o, "but") || eq(t, o, "such");
    }
    return false;
  }

  /** "have/live/lead" at {@code v}, then within four tokens a trait word and a {@link #CHARACTER} head after it. */
  private static boolean holds(Tokens t, int v, int to, StereotypeFeatures f) {
    if (!has(t, v, B_HOLD_VERB)) {
      return false;
    }
    boolean trait = false;
    for (int o = v + 1; o < to && o <= v + 4 && !t.is(o, Tokens.HARD_BEFORE); o++) {
      if (has(t, o, StereotypeFeatures.W_NEG) || eq(t, o, "no")) {
        return false; // "have no ...": the lack frame's, or a need
      }
      if (trait && in(CHARACTER, t, o)) {
        return true;
      }
      trait |= traitPredicate(t, o, to, f);
    }
    return false;
  }

  /** "spread/carry/bring/cause" at {@code v}, then a trait or harm noun within three tokens: "spread hate". */
  private static boolean brings(Tokens t, int v, int to, StereotypeFeatures f) {
    if (!has(t, v, B_BRING_VERB)) {
      return false;
    }
    for (int o = v + 1; o < to && o <= v + 3 && !t.is(o, Tokens.HARD_BEFORE); o++) {
      if (in(HARM_NOUN, t, o) || traitPredicate(t, o, to, f)) {
        return true;
      }
      if (!in(HARM_BETWEEN, t, o)) {
        return false;
      }
    }
    return false;
  }

  /** After a mention ending at {@code e}: a clause opened by "and"/"but"/punctuation, "they are", fillers, a trait. */
  private static boolean clauseTie(Tokens t, int e, int to, StereotypeFeatures f) {
    for (int k = e + 1; k + 1 < to; k++) {
      boolean opens = t.is(k, Tokens.HARD_BEFORE) || has(t, k - 1, B_TIE_OPEN);
      if (!opens) {
        continue;
      }
      int c;
      if (t.hash[k] == H_THEYRE) {
        c = k + 1;
      } else if (has(t, k, B_THEY) && !t.is(k + 1, Tokens.HARD_BEFORE) && has(t, k + 1, B_ARE)) {
        c = k + 2;
      } else {
        continue;
      }
      for (int hop = 0; hop < 3 && c < to && !t.is(c, Tokens.HARD_BEFORE); hop++, c++) {
        if (has(t, c, StereotypeFeatures.W_NEG)) {
          break;
        }
        if (traitPredicate(t, c, to, f)) {
          return true;
        }
        if (!in(REASON_FILLER, t, c)) {
          break;
        }
      }
    }
    return false;
  }

  /**
   * A word that carries a trait in a predicate: a trait word of {@code traits.txt}, a harm predicate, a demonizing
   * word, or a word of negative valence or pejorative person noun that is neither a participle in -ed or -ing nor a
   * hardship
   * ({@link #SUFFERING}); never a group word.
   */
  static boolean traitPredicate(Tokens t, int c, int to, StereotypeFeatures f) {
    if (has(t, c, StereotypeFeatures.W_NEG) || f.kindAt(t, c, to) != 0) {
      return false;
    }
    if (has(t, c, StereotypeFeatures.W_TRAIT) || in(HARM_PRED, t, c)
        || in(DEMONIZING, t, c)) {
      return true;
    }
    return f.negative(t, c) && !in(SUFFERING, t, c) && !participle(t, c) && !endsIng(t, c);
  }

  private static boolean endsIng(Tokens t, int k) {
    int e = t.cEnd[k];
    return e - t.cStart[k] > 4 && t.canon[e - 3] == 'i' && t.canon[e - 2] == 'n' && t.canon[e - 1] == 'g';
  }

  /**
   * What befalls a group rather than what it is like: harm suffered, hardship, being a target ("are victims of war",
   * "face discrimination", "are a vulnerable group", "bring their trauma with them"). Not sickness or mood words,
   * which are also slurs and stereotypes ("are sick", "are mentally ill").
   */
  static final CharArraySet HARDSHIP = set("victim victims suffering struggle struggles hardship hardships trauma traumas "
      + "injury injuries loss losses harassment discrimination persecution oppression racism sexism homophobia "
      + "transphobia xenophobia injustice injustices inequality prejudice vulnerable marginalized marginalised "
      + "disadvantaged underserved underrepresented targeted");
  /** "risk" is a hardship only after "at" ("at higher risk of falls"); "a risk to society" is a threat. */
  static final CharArraySet RISK = set("risk risks");
  /** Words that open a hardship's cause, read only for traits: "victims of war", "at risk from violence". */
  static final CharArraySet CAUSE_OPEN = set("of from");
  /** "play the victim" is a trait, not a hardship. */
  static final CharArraySet PLAY = set("play plays playing played");

  /**
   * A hardship sentence: a generic group mention and, outside the mentions, at least one word of {@link #HARDSHIP} and
   * no trait: no trait word of {@code traits.txt}, no harm predicate, harm, blame, vice or demonizing word, and no other
   * word of negative valence, except in the hardship's cause after "of"/"from", where only a trait word, a harm
   * predicate or a demonizing word counts ("Refugees are victims of war", "Women face discrimination at work", "Refugees bring their
   * trauma with them"). It says what befalls the group; a model verdict on it is dropped. "Immigrants bring violence"
   * ("bring" + a harm noun), "Refugees are victims and liars" keep their trait.
   *
   * @param spans token start/end pairs of the sentence's {@code mentions} group mentions
   */
  static boolean hardship(Tokens t, int from, int to, int[] spans, int mentions) {
    StereotypeFeatures f = StereotypeFeatures.INSTANCE;
    boolean generic = false;
    for (int m = 0; m < mentions && !generic; m++) {
      generic = generic(t, from, to, spans[2 * m], spans[2 * m + 1], f);
    }
    if (!generic) {
      return false;
    }
    boolean hard = false;
    int causeEnd = -1; // the cause of a hardship: "victims of war", "at risk from violence"
    for (int k = from; k < to; k++) {
      if (mentionCovers(k, spans, mentions)) {
        continue;
      }
      if (k < causeEnd) {
        if (t.is(k, Tokens.HARD_BEFORE)) {
          causeEnd = -1;
        } else {
          if (has(t, k, StereotypeFeatures.W_TRAIT) || in(HARM_PRED, t, k)
              || in(DEMONIZING, t, k)) {
            return false;
          }
          continue;
        }
      }
      boolean atRisk = in(RISK, t, k) && ((k - 1 >= from && eq(t, k - 1, "at")) || (k - 2 >= from && eq(t, k - 2, "at")));
      if (in(HARDSHIP, t, k) || atRisk) {
        if (k > from && (has(t, k - 1, B_BRING_VERB) || has(t, k - 1, B_HARM_VERB) || has(t, k - 1, B_CRIME_VERB))) {
          return false; // "cause discrimination", "spread prejudice": done to others
        }
        if (k - 2 >= from && in(PLAY, t, k - 2)) {
          return false; // "always play the victim"
        }
        hard = true;
        if (k + 1 < to && !t.is(k + 1, Tokens.HARD_BEFORE) && in(CAUSE_OPEN, t, k + 1)) {
          causeEnd = Math.min(to, k + 6);
          k++;
        }
        continue;
      }
      if (has(t, k, StereotypeFeatures.W_TRAIT) || has(t, k, StereotypeFeatures.W_HARM)
          || has(t, k, StereotypeFeatures.W_BLAME) || in(VICE, t, k) || in(DEMONIZING, t, k) || in(HARM_PRED, t, k)
          || has(t, k, B_CRIME_VERB) || in(HARM_NOUN, t, k)
          || (f.negative(t, k) && !has(t, k, StereotypeFeatures.W_NEG))) {
        return false;
      }
    }
    return hard;
  }

  /**
   * A reason clause whose predicate is a circumstance or an action, in a sentence with no trait elsewhere: "Refugees
   * leave their homes because they are fleeing war", "Farmers rise early since they are busy at harvest". After a
   * generic mention, a reason word ({@link #REASON}), "they are"/"they're", up to two fillers, then an -ing verb that
   * is no word of negative valence ("fleeing", "looking"; not "stealing", "lying"), an -ed participle that is no trait
   * word ("exposed"), or a word of {@link #CIRCUMSTANCE} ("busy", "at higher risk"). The rest of the sentence, outside
   * its mentions and the reason clause's object, must hold no trait word of {@code traits.txt}, no word of negative
   * valence, no harm, blame, vice or demonizing word: "... because they are lazy" or "Immigrants steal because they
   * are looking for work" keep their trait. A model verdict on such a sentence is dropped.
   *
   * @param spans token start/end pairs of the sentence's {@code mentions} group mentions
   */
  static boolean circumstanceReason(Tokens t, int from, int to, int[] spans, int mentions) {
    if (mentions == 0) {
      return false;
    }
    StereotypeFeatures f = StereotypeFeatures.INSTANCE;
    int reasonAt = -1;
    int clauseEnd = -1;
    for (int k = spans[1]; k + 2 < to && reasonAt < 0; k++) {
      if (!has(t, k, B_REASON)) {
        continue;
      }
      int c;
      if (!t.is(k + 1, Tokens.HARD_BEFORE) && t.hash[k + 1] == H_THEYRE) {
        c = k + 2;
      } else if (!t.is(k + 1, Tokens.HARD_BEFORE) && has(t, k + 1, B_THEY) && !t.is(k + 2, Tokens.HARD_BEFORE)
          && has(t, k + 2, B_ARE)) {
        c = k + 3;
      } else {
        continue;
      }
      for (int hop = 0; hop < 3 && c < to && !t.is(c, Tokens.HARD_BEFORE); hop++, c++) {
        if (has(t, c, StereotypeFeatures.W_NEG) || traitPredicate(t, c, to, f)
            || has(t, c, StereotypeFeatures.W_TRAIT) || f.negative(t, c)) {
          return false;
        }
        if ((endsIng(t, c) && !in(VICE, t, c)) || participle(t, c) || in(CIRCUMSTANCE, t, c)) {
          reasonAt = k;
          clauseEnd = c + 1;
          while (clauseEnd < to && !t.is(clauseEnd, Tokens.HARD_BEFORE)) {
            if (has(t, clauseEnd, StereotypeFeatures.W_TRAIT)
                || has(t, clauseEnd, StereotypeFeatures.W_HARM) || in(HARM_PRED, t, clauseEnd)
                || in(HARM_NOUN, t, clauseEnd) || has(t, clauseEnd, B_CRIME_VERB) || in(VICE, t, clauseEnd)
                || in(DEMONIZING, t, clauseEnd)) {
              return false; // the circumstance's object is a trait or a harm: "because they are in gangs"
            }
            clauseEnd++;
          }
          break;
        }
        if (!in(REASON_FILLER, t, c)) {
          return false;
        }
      }
    }
    if (reasonAt < 0) {
      return false;
    }
    for (int k = from; k < to; k++) {
      if (k == reasonAt) {
        k = clauseEnd - 1;
        continue;
      }
      if (mentionCovers(k, spans, mentions)) {
        continue;
      }
      if (has(t, k, StereotypeFeatures.W_TRAIT) || has(t, k, StereotypeFeatures.W_HARM)
          || has(t, k, StereotypeFeatures.W_BLAME) || in(VICE, t, k) || in(DEMONIZING, t, k) || in(HARM_PRED, t, k)
          || has(t, k, B_CRIME_VERB) || (f.negative(t, k) && !has(t, k, StereotypeFeatures.W_NEG))) {
        return false;
      }
    }
    return true;
  }

  /**
   * True if a sentence says a group lacks a virtue ({@link #lack}'s predicate anywhere: "lack(s)" or "no", a filler,
   * then a {@link #VIRTUE} word), which the condition veto must not cover.
   */
  private static boolean virtueDenied(Tokens t, int from, int to) {
    for (int k = from; k < to; k++) {
      if (!in(VIRTUE, t, k)) {
        continue;
      }
      int b = k - 1;
      if (b >= from && in(LACK_FILLER, t, b)) {
        b--;
      }
      if (b >= from && (has(t, b, B_LACK) || eq(t, b, "no"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A habit compared by a quantity of time or frequency ("more time", "less often", "fewer hours") with no trait in
   * the sentence: no trait word of {@code traits.txt}, no word of negative valence, no vice, harm or demonizing word
   * outside the mentions. "Kids today spend more time online than their parents did" measures a habit; "... because
   * they are lazy" keeps its trait.
   */
  static boolean habitComparison(Tokens t, int from, int to, int[] spans, int mentions) {
    StereotypeFeatures f = StereotypeFeatures.INSTANCE;
    boolean habit = false;
    for (int k = from; k < to; k++) {
      if (mentionCovers(k, spans, mentions)) {
        continue;
      }
      if (in(MORE, t, k) && k + 1 < to && !t.is(k + 1, Tokens.HARD_BEFORE) && in(HABIT_QUANTITY, t, k + 1)) {
        habit = true;
      }
      if (has(t, k, StereotypeFeatures.W_TRAIT) || has(t, k, StereotypeFeatures.W_HARM)
          || in(VICE, t, k) || in(DEMONIZING, t, k) || (f.negative(t, k) && !has(t, k, StereotypeFeatures.W_NEG))) {
        return false;
      }
    }
    return habit;
  }

  /** {@link #harm}'s result in {@link #modelFrames}. */
  static final int HARM_FRAME = -2;

  /**
   * The frames the detector reads, in its order, for a sentence the model scores below its threshold: {@link #HARM_FRAME}
   * if {@link #harm} finds its frame, else the index of the mention of the first of {@link #reason}, {@link #lack} and
   * {@link #predicate} that finds one, else -1. The same as calling them one after the other, but each mention's
   * genericness and disability class are read once for the three, not once per frame.
   */
  static int modelFrames(Tokens t, int from, int to, int[] spans, int mentions) {
    if (harm(t, from, to, spans, mentions)) {
      return HARM_FRAME;
    }
    long generic = generic(t, from, to, spans, mentions);
    long disabilities = disability(t, spans, mentions, generic);
    int r = reason(t, from, to, spans, mentions, generic, disabilities);
    if (r < 0) {
      r = lack(t, to, spans, mentions, generic, disabilities);
    }
    if (r < 0) {
      r = predicate(t, to, spans, mentions, generic & ~disabilities);
    }
    return r;
  }

  /**
   * The mentions that are {@link #generic(Tokens, int, int, int, int, StereotypeFeatures)}, as bits by index (a
   * sentence of at most {@link StereotypeFeatures#MAX_TOKENS} tokens has fewer than 64 mentions).
   */
  private static long generic(Tokens t, int from, int to, int[] spans, int mentions) {
    if (mentions > 64) {
      throw new IllegalArgumentException("more than 64 mentions: " + mentions);
    }
    StereotypeFeatures f = StereotypeFeatures.INSTANCE;
    long bits = 0;
    for (int m = 0; m < mentions; m++) {
      if (generic(t, from, to, spans[2 * m], spans[2 * m + 1], f)) {
        bits |= 1L << m;
      }
    }
    return bits;
  }

  /** Of the mentions {@code of} (bits by index), those whose group class is disability ({@link StereotypeFeatures#axis}). */
  private static long disability(Tokens t, int[] spans, int mentions, long of) {
    StereotypeFeatures f = StereotypeFeatures.INSTANCE;
    long bits = 0;
    for (int m = 0; m < mentions; m++) {
      if ((of & 1L << m) != 0 && f.axis(t, spans[2 * m], spans[2 * m + 1]) == DISABILITY) {
        bits |= 1L << m;
      }
    }
    return bits;
  }

  /**
   * A generic mention {@code [s, e)}: after a generalizing quantifier, or a plural opening its clause ("Muslims",
   * "people with autism": the head before "with" is plural), naming a group.
   */
  private static boolean generic(Tokens t, int from, int to, int s, int e, StereotypeFeatures f) {
    boolean clauseStart = s == from || t.is(s, Tokens.HARD_BEFORE);
    boolean quantified = !clauseStart && has(t, s - 1, StereotypeFeatures.W_QUANT);
    boolean plural = StereotypeFeatures.plural(t, e - 1)
        || (e - s >= 3 && has(t, s + 1, StereotypeFeatures.W_WITH) && StereotypeFeatures.plural(t, s));
    return (quantified || (clauseStart && plural)) && names(t, s, e, to, f);
  }

  /**
   * The object of a harm verb at token {@code v}: a harm noun within three tokens, only
   * {@link #HARM_BETWEEN} words before it ("support terrorism", "commit violent crimes"), in the
   * same clause. Returns the token after the noun, or -1.
   */
  private static int harmObjectEnd(Tokens t, int v, int to) {
    for (int o = v + 1; o < to && o <= v + 3 && !t.is(o, Tokens.HARD_BEFORE); o++) {
      if (in(HARM_NOUN, t, o)) {
        return o + 1;
      }
      if (!in(HARM_BETWEEN, t, o)) {
        break;
      }
    }
    return -1;
  }

  /** True if the mention {@code [s, e)} holds a group term, not only an occupation ("police", "nurses"). */
  private static boolean names(Tokens t, int s, int e, int to, StereotypeFeatures f) {
    for (int k = s; k < e; ) {
      long term = f.term(t, k, to); // one lookup for the kind and the end (a term's mode is never 0)
      byte kind = (byte) (term >>> 32);
      if (kind != 0 && kind != StereotypeFeatures.OCCUPATION) {
        return true;
      }
      k = kind == 0 ? k + 1 : (int) term;
    }
    return false;
  }


  // ---- the attribution frame: a trait, ability or role put down to someone's group ----

  /** Person pronouns the claim of an attribution is about. */
  static final CharArraySet PRONOUN = set("he she they you");
  /** A pronoun and its copula in one token. */
  static final CharArraySet PRONOUN_BE = set("they're you're");
  static final CharArraySet BE_FORM = set("is are was were");
  /** Words after "so" that mark the consequence as self-evident: "so of course", "so naturally". */
  static final CharArraySet SO_SKIP = set("of course naturally obviously clearly");
  static final CharArraySet LIKE_QUANT = set("all most every other typical");
  /** Ability modals: "can't park", "couldn't swim", "must be good at". */
  static final CharArraySet ABILITY = set("can can't cannot could couldn't must");
  /** A skill word before "at": "good at math", "terrible at driving". */
  static final CharArraySet SKILL = set("good bad better worse great terrible awful best worst");
  static final CharArraySet AT = set("at");
  /**
   * What others do to someone (treatment, reported belief) or a passive auxiliary: a sentence that puts that down
   * to the person's group reports discrimination ("she was denied entry because she was a woman", "they refused to
   * hire him because he is Black") or someone else's belief, not a trait of the group.
   */
  static final CharArraySet TREATMENT = set("refuse refused refuses deny denied denies reject rejected rejects fire "
      + "fired fires hire hired exclude excluded ban banned bar barred treat treated discriminate discriminated harass "
      + "harassed bully bullied attack attacked kill killed target targeted hate hated judge judged mock mocked tease "
      + "teased insult insulted persecute persecuted arrest arrested stop stopped pay paid allow allowed let kick kicked "
      + "told tell tells say said says think thought thinks assume assumed assumes believe believed believes called "
      + "considered seen viewed perceived expected ignored overlooked passed punished forced prevented "
      + "kept held given");
  /**
   * Rights, access and permissions after an ability modal: "couldn't vote", "can't marry", "couldn't find work",
   * "can't eat pork" is a right or access denied or a rule kept, not an ability.
   */
  static final CharArraySet RIGHT_VERB = set("vote own marry enter attend inherit enroll join serve study hold buy rent "
      + "work apply find get obtain afford access receive eat drink");
  static final CharArraySet PASSIVE_AUX = set("was were is are be been being got get gets");
  /** Gendered person words: a role frame needs one in the sentence. */
  static final CharArraySet GENDER_WORD = set("woman women girl girls lady ladies wife wives girlfriend girlfriends "
      + "mother mothers mom moms she her female females man men boy boys guy guys husband husbands he him male males");
  /** Gendered nouns whose possessive assigns a place or work: "a woman's place", "women's work", "a man's job". */
  static final CharArraySet GENDER_POSS = set("woman women girl wife man men");
  static final CharArraySet PLACE_WORD = set("place");
  static final CharArraySet WORK_WORD = set("work job jobs role duty duties");
  static final CharArraySet IN_AT = set("in at");
  static final CharArraySet HOME = set("kitchen home house");
  static final CharArraySet COP_POSS = set("is are");
  static final CharArraySet THAT_IT = set("that it");


  // The words that can open the attribution frame, by kind: one probe of a small open-addressing table of token
  // hashes per token ({@link Tokens#hash}), so a sentence without one costs no string lookup.
  private static final byte A_CAUSE = 1;
  private static final byte A_SO = 2;
  private static final byte A_FOR = 3;
  private static final byte A_LIKE = 4;
  private static final byte A_EXPECTED = 5;
  private static final byte A_BELONG = 6;
  private static final byte A_ROLE = 7;
  private static final int ANCHOR_SLOTS = 64;
  private static final int[] ANCHOR_HASH = new int[ANCHOR_SLOTS];
  private static final byte[] ANCHOR_KIND = new byte[ANCHOR_SLOTS];

  static {
    anchors(A_CAUSE, "because since");
    anchors(A_SO, "so");
    anchors(A_FOR, "for");
    anchors(A_LIKE, "like");
    anchors(A_EXPECTED, "course wonder typical naturally obviously");
    anchors(A_BELONG, "belong belongs");
    anchors(A_ROLE, "place work job jobs role duty duties");
  }

  private static void anchors(byte kind, String words) {
    for (String w : words.split(" ")) {
      int h = Tokens.hash(w);
      int i = slot(h);
      while (ANCHOR_KIND[i] != 0) {
        i = (i + 1) & (ANCHOR_SLOTS - 1);
      }
      ANCHOR_HASH[i] = h;
      ANCHOR_KIND[i] = kind;
    }
  }

  private static int slot(int h) {
    return (h * 0x9E3779B9) >>> 26; // 6 bits: ANCHOR_SLOTS
  }

  /** The hashes of the attribution frame's anchor words, for {@link TokenMarks} (a fresh array). */
  static int[] anchorHashes() {
    int n = 0;
    int[] out = new int[ANCHOR_SLOTS];
    for (int i = 0; i < ANCHOR_SLOTS; i++) {
      if (ANCHOR_KIND[i] != 0) {
        out[n++] = ANCHOR_HASH[i];
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** The anchor kind of a token hash, 0 for none. */
  private static byte anchor(int h) {
    for (int i = slot(h); ANCHOR_KIND[i] != 0; i = (i + 1) & (ANCHOR_SLOTS - 1)) {
      if (ANCHOR_HASH[i] == h) {
        return ANCHOR_KIND[i];
      }
    }
    return 0;
  }

  private static final int H_HE = Tokens.hash("he");
  private static final int H_SHE = Tokens.hash("she");
  private static final int H_THEY = Tokens.hash("they");
  private static final int H_YOU = Tokens.hash("you");
  private static final int H_THEYRE = Tokens.hash("they're");
  private static final int H_YOURE = Tokens.hash("you're");
  private static final int H_A = Tokens.hash("a");
  private static final int H_AN = Tokens.hash("an");

  /**
   * The attribution frame: a sentence that puts a trait, an ability or a role down to someone's group, the way a
   * generalization does for a whole group but said of one person, where the model (which needs a generic mention)
   * does not look:
   * <ul>
   *   <li>cause: an ability, skill, trait or negative word, then "because/since" + pronoun + "is/was/'s" + (a/an) +
   *       group term ending the clause ("she can't park because she is a woman", "he was good at math because he was
   *       Asian"); not when the clause reports treatment or belief ("was denied entry", "refused to hire", "they
   *       thought"): that is discrimination reported, not a stereotype;</li>
   *   <li>consequence: pronoun + "is/'s" + (a/an) + group term, "so" (of course, naturally), then an ability, skill,
   *       trait or negative word ("he's a man, so of course he can't cook");</li>
   *   <li>backhanded: pronoun + copula + an adjective "for a(n)" + group term ending the clause ("she is smart for a
   *       girl", "he's articulate for a black guy");</li>
   *   <li>like all: an ability, skill, trait or negative word, then "like all/most/every/other/typical" + group
   *       ending the clause ("he is cheap, like all Scots");</li>
   *   <li>expected: "of course", "no wonder", "typical", "naturally", then pronoun + be + group ending a clause, and an
   *       ability, skill, trait or negative word in the sentence ("no wonder he's so cheap, he's Jewish");</li>
   *   <li>gender role: "a woman's place is ...", "is women's work", "that's a man's job", and a gendered person word
   *       before "belong(s) in/at (the) kitchen/home/house".</li>
   * </ul>
   * One probe of a small table of token hashes per token finds the words that can open it; the rest is bounded
   * look-around.
   *
   * @return the group term's tokens as {@code start << 32 | end}, or -1
   */
  static long attribution(Tokens t, int from, int to) {
    if (!t.marked) {
      throw new IllegalStateException("tokens without stereotype marks; begin(text, lexicon, true)");
    }
    StereotypeFeatures f = StereotypeFeatures.INSTANCE;
    for (int k = from; k < to; k++) {
      if (!t.is(k, Tokens.ANCHOR)) {
        continue; // set by the tokenizer ({@link TokenMarks}): most tokens, no table probe here
      }
      byte kind = anchor(t.hash[k]);
      if (kind == 0) {
        continue;
      }
      // the kind by the token's hash alone, as the mention finder reads "who"/"that": each frame then needs more
      // structure than a colliding word would bring
      long r = switch (kind) {
        case A_CAUSE -> cause(t, from, to, k, f);
        case A_SO -> consequence(t, from, to, k, f);
        case A_FOR -> backhanded(t, from, to, k, f);
        case A_LIKE -> likeAll(t, from, to, k, f);
        case A_EXPECTED -> expected(t, from, to, k, f);
        case A_BELONG -> belong(t, from, to, k);
        default -> k > from && !t.is(k, Tokens.HARD_BEFORE) ? possessiveRole(t, from, to, k - 1) : -1;
      };
      if (r >= 0) {
        return r;
      }
    }
    return -1;
  }

  /** The group term (a descriptor run ending in a person noun or group allowed) at {@code g}, not an occupation or place. */
  private static int groupEnd(Tokens t, int g, int to, StereotypeFeatures f) {
    if (g >= to || t.is(g, Tokens.HARD_BEFORE)) {
      return -1;
    }
    long term = f.term(t, g, to);
    byte kind = (byte) (term >>> 32);
    if (term == 0 || kind == StereotypeFeatures.OCCUPATION || kind == StereotypeFeatures.PLACE) {
      return -1;
    }
    int e = (int) term;
    byte prev = kind;
    for (int hop = 0; hop < 2 && e < to && !t.is(e, Tokens.HARD_BEFORE); hop++) {
      long next = f.term(t, e, to);
      byte nk = (byte) (next >>> 32);
      if (next == 0 || nk == StereotypeFeatures.PLACE) {
        break;
      }
      if (nk == StereotypeFeatures.OCCUPATION && prev != StereotypeFeatures.GROUP) {
        return -1; // "a professional athlete": a job, not a group ("a Pakistani businessman" is one)
      }
      prev = nk;
      e = (int) next;
    }
    return e;
  }

  private static boolean clauseEnd(Tokens t, int e, int to) {
    return e >= to || t.is(e, Tokens.HARD_BEFORE);
  }

  /** Pronoun + be (two tokens or one) starting at {@code j}: the token after it, or -1. */
  private static int pronounBe(Tokens t, int j, int to) {
    if (j >= to) {
      return -1;
    }
    int h = t.hash[j];
    boolean pronoun = h == H_HE || h == H_SHE || h == H_THEY || h == H_YOU;
    if (!pronoun && h != H_THEYRE && h != H_YOURE) {
      return -1; // most tokens: no string lookup
    }
    if (in(PRONOUN_BE, t, j) || (in(PRONOUN, t, j) && apostropheS(t, j))) {
      return j + 1;
    }
    if (j + 1 < to && in(PRONOUN, t, j) && !t.is(j + 1, Tokens.HARD_BEFORE) && in(BE_FORM, t, j + 1)) {
      return j + 2;
    }
    return -1;
  }

  private static int skipArticle(Tokens t, int g, int to) {
    return g < to && !t.is(g, Tokens.HARD_BEFORE) && in(StereotypeFeatures.ARTICLE, t, g) ? g + 1 : g;
  }

  /** {@link #cue}: an ability modal ("can't", "couldn't", "must"). */
  private static final int CUE_ABILITY = 1;
  /** {@link #cue}: a skill ("good at"), a trait word or a word of negative valence. */
  private static final int CUE_TRAIT = 2;
  /** The class of disability groups ({@link StereotypeFeatures#axisOf}): "he is deaf, so he can't hear" is literal. */
  private static final int DISABILITY = 7;

  /**
   * The cues in {@code [a, b)}: {@link #CUE_ABILITY}, {@link #CUE_TRAIT}; 0 if none, or if the clause reports
   * treatment or belief, is passive, or denies a right or a permission ("couldn't vote", "can't eat pork").
   */
  private static int cue(Tokens t, int a, int b, StereotypeFeatures f) {
    int cue = 0;
    for (int k = a; k < b; k++) {
      if (in(TREATMENT, t, k)) {
        return 0;
      }
      if (in(PASSIVE_AUX, t, k) && k + 1 < b && participle(t, k + 1)) {
        return 0;
      }
      if (in(ABILITY, t, k)) {
        if (k + 1 < b && in(RIGHT_VERB, t, k + 1)) {
          return 0;
        }
        cue |= CUE_ABILITY;
      }
      if ((in(SKILL, t, k) && k + 1 < b && in(AT, t, k + 1))
          || has(t, k, StereotypeFeatures.W_TRAIT)
          || (f.negative(t, k) && !has(t, k, StereotypeFeatures.W_NEG))) {
        cue |= CUE_TRAIT;
      }
    }
    return cue;
  }

  /**
   * Whether cues {@code cue} attribute something to the group {@code [g, e)}: a trait always; an ability only if
   * {@code abilityAllowed} (the consequence frame needs "of course", "naturally" ... for one: "so" alone also gives
   * rules, "he's Jewish, so he can't eat pork") and the group is no disability, whose consequences are literal ("she
   * is blind, so she can't read printed menus").
   */
  private static boolean attributes(int cue, Tokens t, int g, int e, StereotypeFeatures f, boolean abilityAllowed) {
    return (cue & CUE_TRAIT) != 0
        || ((cue & CUE_ABILITY) != 0 && abilityAllowed && f.axis(t, g, e) != DISABILITY);
  }


  private static boolean participle(Tokens t, int k) {
    int e = t.cEnd[k];
    int n = t.len(k);
    return n > 3 && ((t.canon[e - 2] == 'e' && t.canon[e - 1] == 'd') || (t.canon[e - 2] == 'e' && t.canon[e - 1] == 'n'));
  }

  /** Start of the clause holding token {@code k}. */
  private static int clauseStart(Tokens t, int from, int k) {
    int a = k;
    while (a > from && !t.is(a, Tokens.HARD_BEFORE)) {
      a--;
    }
    return a;
  }

  private static long cause(Tokens t, int from, int to, int k, StereotypeFeatures f) {
    int g = pronounBe(t, k + 1, to);
    if (g < 0) {
      return -1;
    }
    g = skipArticle(t, g, to);
    int e = groupEnd(t, g, to, f);
    if (e < 0 || !clauseEnd(t, e, to) || !attributes(cue(t, clauseStart(t, from, k), k, f), t, g, e, f, true)) {
      return -1;
    }
    return span(g, e);
  }

  private static long consequence(Tokens t, int from, int to, int k, StereotypeFeatures f) {
    for (int j = Math.max(from, k - 5); j < k; j++) {
      int g = pronounBe(t, j, to);
      if (g < 0 || g >= k) {
        continue;
      }
      g = skipArticle(t, g, k);
      int e = groupEnd(t, g, k, f);
      if (e != k) {
        continue;
      }
      int c = k + 1;
      while (c < to && c <= k + 2 && !t.is(c, Tokens.HARD_BEFORE) && in(SO_SKIP, t, c)) {
        c++;
      }
      int end = c;
      while (end < to && !t.is(end, Tokens.HARD_BEFORE)) {
        end++;
      }
      // an ability needs "of course", "naturally" ...: "so" alone also gives rules ("so he can't eat pork")
      return attributes(cue(t, c, end, f), t, g, e, f, c > k + 1) ? span(g, e) : -1;
    }
    return -1;
  }

  /**
   * "Of course she can't cook, she's a woman", "No wonder he's so cheap, he's Jewish": an expectedness word, then a
   * pronoun + be + group ending a clause, and an ability, skill, trait or negative word elsewhere in the sentence.
   */
  private static long expected(Tokens t, int from, int to, int k, StereotypeFeatures f) {
    if (eq(t, k, "course") && (k == from || !eq(t, k - 1, "of"))) {
      return -1;
    }
    if (eq(t, k, "wonder") && (k == from || !eq(t, k - 1, "no"))) {
      return -1;
    }
    for (int j = k + 1; j < to; j++) {
      int g = pronounBe(t, j, to);
      if (g < 0) {
        continue;
      }
      int a = skipArticle(t, g, to);
      int e = groupEnd(t, a, to, f);
      if (e >= 0 && clauseEnd(t, e, to) && (attributes(cue(t, from, j, f), t, a, e, f, true)
          || attributes(cue(t, e, to, f), t, a, e, f, true))) {
        return span(a, e);
      }
    }
    return -1;
  }

  private static long backhanded(Tokens t, int from, int to, int k, StereotypeFeatures f) {
    if (k + 1 >= to || (t.hash[k + 1] != H_A && t.hash[k + 1] != H_AN) || k - 1 <= from || t.is(k, Tokens.HARD_BEFORE) || !(StereotypeFeatures.adjectiveLike(t, k - 1)
        || f.valence(t, k - 1) != 0 || in(StereotypeFeatures.DEGREE, t, k - 2))) {
      return -1;
    }
    boolean subject = false;
    for (int j = Math.max(from, k - 5); j < k - 1 && !subject; j++) {
      int a = pronounBe(t, j, to);
      subject = a > j && a <= k - 1;
    }
    if (!subject) {
      return -1;
    }
    int g = k + 1;
    if (g >= to || !in(StereotypeFeatures.ARTICLE, t, g)) {
      return -1;
    }
    g++;
    int e = groupEnd(t, g, to, f);
    return e >= 0 && clauseEnd(t, e, to) ? span(g, e) : -1;
  }

  private static long likeAll(Tokens t, int from, int to, int k, StereotypeFeatures f) {
    int g = k + 1;
    if (g >= to || t.is(g, Tokens.HARD_BEFORE) || !in(LIKE_QUANT, t, g)) {
      return -1;
    }
    int e = groupEnd(t, g + 1, to, f);
    if (e < 0 || !clauseEnd(t, e, to) || !StereotypeFeatures.plural(t, e - 1) && !has(t, g, StereotypeFeatures.W_QUANT)) {
      return -1;
    }
    return attributes(cue(t, from, k, f), t, g + 1, e, f, true) ? span(g + 1, e) : -1;
  }

  private static long belong(Tokens t, int from, int to, int k) {
    int p = k + 1;
    if (p >= to || t.is(p, Tokens.HARD_BEFORE) || !in(IN_AT, t, p)) {
      return -1;
    }
    int h = p + 1;
    if (h < to && !t.is(h, Tokens.HARD_BEFORE) && eq(t, h, "the")) {
      h++;
    }
    if (h >= to || t.is(h, Tokens.HARD_BEFORE) || !in(HOME, t, h)) {
      return -1;
    }
    for (int j = k - 1; j >= from && j >= k - 6; j--) {
      if (in(GENDER_WORD, t, j)) {
        return span(j, j + 1);
      }
      if (t.is(j, Tokens.HARD_BEFORE)) {
        break;
      }
    }
    return -1;
  }

  private static long possessiveRole(Tokens t, int from, int to, int k) {
    int n = k + 1;
    if (!apostropheS(t, k) || !in(GENDER_POSS, t, k)) {
      return -1;
    }
    if (in(PLACE_WORD, t, n)) {
      // "a woman's place is ...", "a woman's place in the home"
      return n + 1 < to && (in(BE_FORM, t, n + 1) || in(IN_AT, t, n + 1)) ? span(k, k + 1) : -1;
    }
    if (!in(WORK_WORD, t, n)) {
      return -1;
    }
    // "is women's work", "that's a man's job": a copula (an article between) right before, no negation
    int c = k - 1;
    if (c > from && in(StereotypeFeatures.ARTICLE, t, c)) {
      c--;
    }
    return c >= from && !t.is(c + 1, Tokens.HARD_BEFORE)
        && (in(COP_POSS, t, c) || (in(THAT_IT, t, c) && apostropheS(t, c))) ? span(k, k + 1) : -1;
  }

  /** Token {@code k} was followed by "'s" in the text, which the tokenizer drops ("woman's", "she's", "that's"). */
  private static boolean apostropheS(Tokens t, int k) {
    int e = t.cEnd[k];
    if (t.oEnd[k] - t.oStart[k] != e - t.cStart[k] + 2) {
      return false; // nothing dropped after the token
    }
    char a = t.canon[e];
    char b = t.canon[e + 1];
    return (a == '\'' || a == '\u2019') && (b == 's' || b == 'S');
  }

  /** Tokens {@code [start, end)} a frame covers, packed into one long. */
  private static long span(int start, int end) {
    return ((long) start << 32) | end;
  }

  /**
   * True if every group mention of the sentence is part of a capitalized name: each of its words capitalized and the
   * next word of its clause a capitalized word of letters (not all capitals, not the start of another mention, not a
   * function word, copula or modal): "the Michigan Women's Hall of Fame", "The Gay Men's Chorus of Los Angeles", "the
   * Muslim Brotherhood". An organisation, team or title, not the group. "Young Republicans are ...", "Black Women Are
   * Beautiful" (a copula next) and "In Texas Mexicans are ..." (a name before the mention only) stay mentions.
   */
  static boolean named(Tokens t, int to, int[] spans, int mentions) {
    for (int m = 0; m < mentions; m++) {
      int s = spans[2 * m];
      int e = spans[2 * m + 1];
      for (int k = s; k < e; k++) {
        if (!t.is(k, Tokens.CAP)) {
          return false;
        }
      }
      if (e >= to || t.is(e, Tokens.HARD_BEFORE) || !t.is(e, Tokens.CAP) || t.is(e, Tokens.UPPER) || !letters(t, e)
          || mentionAt(e, spans, mentions) >= 0 || Generalizations.FUNCTION.contains(t.canon, t.cStart[e], t.len(e))
          || StereotypeFeatures.COPULA.contains(t.canon, t.cStart[e], t.len(e))
          || StereotypeFeatures.MODAL.contains(t.canon, t.cStart[e], t.len(e))) {
        return false;
      }
    }
    return mentions > 0;
  }

  /**
   * True if a mention that does not start inside {@code [frameStart, frameEnd)} is followed within
   * {@value #CLAIM_WINDOW} tokens by a copula, modal or "tend" word: the subject of a claim of its
   * own, which the frame does not cover.
   */
  private static boolean otherClaim(Tokens t, int to, int[] spans, int mentions, int frameStart, int frameEnd) {
    for (int m = 0; m < mentions; m++) {
      int s = spans[2 * m];
      if ((s >= frameStart && s < frameEnd) || (s > 0 && in(COMPARED, t, s - 1))) {
        continue; // the frame's own subject or term; what something is compared to ("as men do")
      }
      int e = spans[2 * m + 1];
      for (int k = e; k < to && k < e + CLAIM_WINDOW && !t.is(k, Tokens.HARD_BEFORE); k++) {
        int c = t.cStart[k];
        int n = t.len(k);
        if (StereotypeFeatures.COPULA.contains(t.canon, c, n) || StereotypeFeatures.MODAL.contains(t.canon, c, n)
            || StereotypeFeatures.TEND.contains(t.canon, c, n)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean mentionEndsAt(Tokens t, int k, int[] spans, int mentions) {
    for (int m = 0; m < mentions; m++) {
      if (spans[2 * m + 1] == k) {
        return true;
      }
    }
    return false;
  }

  private static boolean isGroupWord(Tokens t, int k, int to, StereotypeFeatures f) {
    byte kind = f.kindAt(t, k, to);
    return kind != 0 && kind != StereotypeFeatures.OCCUPATION && kind != StereotypeFeatures.PLACE;
  }

  private static boolean groupWithin(Tokens t, int from, int to, StereotypeFeatures f) {
    for (int k = from; k < to; k++) {
      if (isGroupWord(t, k, to, f)) {
        return true;
      }
    }
    return false;
  }

  private static boolean next(Tokens t, int k, int to, CharArraySet s) {
    return k + 1 < to && !t.is(k + 1, Tokens.HARD_BEFORE) && in(s, t, k + 1);
  }

  /** Token {@code k} is in the set of bit {@code bit} of {@link StereotypeFeatures#bits} (one probe per token). */
  private static boolean has(Tokens t, int k, long bit) {
    return (StereotypeFeatures.bits(t, k) & bit) != 0;
  }

  private static boolean in(CharArraySet s, Tokens t, int k) {
    return s.contains(t.canon, t.cStart[k], t.len(k));
  }

  private static boolean letters(Tokens t, int k) {
    for (int i = t.cStart[k]; i < t.cEnd[k]; i++) {
      char c = t.canon[i];
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }

  private static boolean endsLy(Tokens t, int k) {
    int e = t.cEnd[k];
    return e - t.cStart[k] > 3 && t.canon[e - 2] == 'l' && t.canon[e - 1] == 'y';
  }

  private static boolean eq(Tokens t, int k, String w) {
    int n = t.len(k);
    if (n != w.length()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (t.canon[t.cStart[k] + i] != w.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
