package dev.guardrails.detectors.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.guardrails.Detector;
import dev.guardrails.Finding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The frames of {@link StereotypeFrames} on hand-written sentences, each frame both ways: sentences
 * it covers (role duties, role definitions, words about words, rights won: not a generalization about
 * traits; the harm and attribution frames: a stereotype) and near misses it must leave to the model. Checks the frame
 * itself on the sentence's mentions, and for the clear cases what the default detector reports.
 */
class StereotypeFramesTest {

  private static final Detector DETECTOR = new BiasDetector();

  private static Tokens tokens(String sentence, int[] spans, int[] mentions) {
    Tokens t = new Tokens();
    t.reset(sentence);
    mentions[0] = StereotypeFeatures.INSTANCE.mentions(t, 0, t.count, spans);
    return t;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // role duties
      "Teachers must grade every essay by Friday, even for gifted children.|true",
      "All construction workers need to be educated on safety to protect young workers.|true",
      "The psychiatric nurse must see patients as individual people with lives beyond their illness.|true",
      "Pharmacists are required to counsel elderly patients about each new drug.|true",
      "A pharmacist has to check that disabled customers can reach the counter.|true",
      // not a role duty: a group before the role, a group as the duty, another claim in the sentence
      "Female engineers must work twice as hard as men.|false",
      "Surgeons must be men with steady hands.|false",
      "Teachers must grade papers, but immigrants are lazy.|false",
      // role definitions
      "An actor is a person who portrays a character for young audiences.|true",
      "A pediatric nurse practitioner is a nurse practitioner that cares for infants and young adults.|true",
      "A licensed practical nurse in most Canadian provinces is a nurse who cares for sick people.|true",
      "A social worker is a trained professional who helps poor families and older adults.|true",
      // not a definition: a gendered predicate, the role is not the head, no role in the predicate
      "A nurse is a woman who cares for old people.|false",
      "The doctor's wife is actually the nurse who treats old people.|false",
      "A plumber is expensive, and old people are easy to cheat.|false",
      // words about words
      "In most queer communities, lesbian, in its implication of a cisgender arrangement, is both inaccurate and gauche.|true",
      "Calling someone queer is inaccurate and gauche in most young communities.|true",
      "The word gay once meant carefree, and young people still use it that way.|true",
      "Queer is an outdated term for many older gay men.|true",
      "She wrote about the etymology of queer and why young people reclaimed it.|true",
      // not about words: the group is named as itself, or calls itself
      "Gay people are confused about everything.|false",
      "The jews that call themselves jews are the worst people.|false",
      "People call Muslims violent all the time.|false",
      // rights won
      "Women have won the right to vote, to own property and to work as men do.|true",
      "Gay couples finally gained the freedom to marry in many countries.|true",
      "Black Americans were granted full citizenship in 1868.|true",
      "American women fought for suffrage for seventy years.|true",
      // not rights: a trait, or a right denied as a stereotype
      "Women are too emotional to vote.|false",
      "Women won the argument because men are weak.|false",
      // harm denied
      "Most Muslims do not support terrorism.|true",
      "Immigrants are not criminals.|true",
      "Refugees don't steal from their neighbours.|true",
      "Muslims never support violent extremism.|true",
      // not denied: the harm asserted, a trait denied (still a stereotype), the negation elsewhere
      "Muslims support terrorism and do not apologize.|false",
      "Women are not capable of leading.|false",
      "Immigrants are criminals, not refugees.|false",
      "Muslims do not support terrorism, but Jews are greedy.|false",
      // history: what a group did
      "Indigenous Australians never developed pottery.|true",
      "Irish immigrants settled in Boston.|true",
      "The Egyptian dancers who performed at the fair were famous.|true",
      "The male actors in the theatre of ancient Greece performed in three types of drama.|true",
      // not history: a trait in the past tense, a present claim, an -ed adjective in the phrase, another claim
      "The Pakistani merchant was cheap.|false",
      "Muslims in the occupied territories are violent.|false",
      "Women who are married are boring.|false",
      "Immigrants settled here, and Mexicans are lazy.|false",
      // names: every mention inside a capitalized name; a state or judgement of worth denied; a stereotype trait denied
      "The Gay Men's Chorus of Los Angeles is always loud.|true",
      "The Muslim Brotherhood is a dangerous organisation.|true",
      "Refugees are not free to leave the camps.|true",
      "Asians are not backward.|true",
      // not names: a copula after the mention, a name before it only; not denied: a virtue denied
      "Young Republicans are always angry.|false",
      "In Texas Mexicans are lazy.|false",
      "Black Women Are Beautiful.|false",
      "Fat people are not disciplined.|false",
  })
  void notAboutTraits(String sentence, boolean expected) {
    int[] spans = new int[2 * 64];
    int[] n = new int[1];
    Tokens t = tokens(sentence, spans, n);
    assertEquals(expected, StereotypeFrames.notAboutTraits(t, 0, t.count, spans, n[0]), sentence);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Most Muslims support terrorism.|true",
      "Muslims support terrorism.|true",
      "Every Muslim supports terrorism.|true",
      "Immigrants bring crime and drugs.|true",
      "All Mexicans commit violent crimes.|true",
      "Refugees steal from their neighbours.|true",
      "Every homosexual person is just a predator.|true",
      "Most Gypsies are thieves.|true",
      // not the harm frame: negated, past, another verb, an occupation, a hedge word in between, no group
      "Most Muslims do not support terrorism.|false",
      "Muslims condemn terrorism.|false",
      "Muslims supported the uprising in 1990.|false",
      "Most doctors support the new law.|false",
      "Police commit crimes too.|false",
      "Muslims support anti-terrorism laws.|false",
      "Immigrants bring new ideas.|false",
      "The victims of terrorism include many Muslims.|false",
  })
  void harm(String sentence, boolean expected) {
    int[] spans = new int[2 * 64];
    int[] n = new int[1];
    Tokens t = tokens(sentence, spans, n);
    assertEquals(expected, n[0] > 0 && StereotypeFrames.harm(t, 0, t.count, spans, n[0]), sentence);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // cause: an ability, skill, trait or negative word put down to the person's group
      "She can't park the car because she is a woman.|woman",
      "He couldn't swim because he was black.|black",
      "He is good at math because he's Asian.|Asian",
      "He was cheap because he is Jewish.|Jewish",
      // consequence
      "She's a woman, so of course she can't drive.|woman",
      "He's Asian, so he must be good at math.|Asian",
      // backhanded
      "She is smart for a girl.|girl",
      "He's very articulate for a black guy.|black guy",
      // expected
      "No wonder he's so cheap, he's Jewish.|Jewish",
      "Of course she can't drive, she's a woman.|woman",
      // like all
      "He is stingy with money, like all Scots.|Scots",
      // gender role
      "A woman's place is in the kitchen.|woman's",
      "Cooking is women's work.|women's",
      "That's a man's job, not something for you.|man's",
      "She belongs in the kitchen.|She",
      // discrimination reported, a right or access denied, no ability or trait, the group not ending the clause
      "She was denied entry because she was a woman.|",
      "They refused to hire him because he is black.|",
      "She couldn't vote because she was a woman.|",
      "He couldn't find work because he was black.|",
      "Because she is a woman, she was paid less than her colleagues.|",
      "He moved to Paris because he was a jazz musician.|",
      "He lost the election because he was a Catholic in a Protestant county.|",
      "He is Jewish, so he does not eat pork.|",
      "She is a doctor, so she can prescribe medicine.|",
      "He is tall for a boy his age.|",
      "The award is for a woman who has shown courage.|",
      "Like all citizens, immigrants must pay taxes.|",
      "The house belongs to his wife.|",
      "Her place in history is secure.|",
      "The woman's work was exhibited in Paris.|",
      "She studied women's work in the textile industry.|",
      "Of course, he is a Catholic priest and a respected teacher.|",
      "No wonder she won, she is a professional athlete.|",
      "Naturally, she is a woman of many talents.|",
      "He's Jewish, so he can't eat pork.|",
      "He is Deaf, so he can't hear the doorbell.|",
      "She can't read printed menus because she is blind.|",
      "It is wrong to assume someone can't drive because she is a woman.|",
      "He couldn't find an apartment because he is an immigrant.|",
  })
  void attribution(String sentence, String group) {
    Tokens t = new Tokens();
    t.reset(sentence);
    long a = StereotypeFrames.attribution(t, 0, t.count);
    String found = a < 0 ? null : sentence.substring(t.oStart[(int) (a >>> 32)], t.oEnd[(int) a - 1]);
    assertEquals(group, found, sentence);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Hindus worship cows because they are primitive.|Hindus",
      "Scots split the bill because they're cheap.|Scots",
      "All Italians shout since they are so rude.|Italians",
      "Gypsies move from town to town because they are thieves.|Gypsies",
      "Mexicans celebrate loudly since Mexicans are lazy.|Mexicans",
      // not the reason frame: a circumstance, a negation, a disability's ability, an occupation, no generic subject
      "Immigrants move to cities because they are looking for work.|",
      "Catholics confess because they are not lazy.|",
      "Deaf people use sign language because they are unable to hear speech.|",
      "Nurses wear masks because they are exposed to infections.|",
      "Muslims fast during Ramadan because they are observant.|",
      "The Mexican team lost because they are tired.|",
      "Muslims pray because the imam is strict.|",
  })
  void reason(String sentence, String group) {
    int[] spans = new int[2 * 64];
    int[] n = new int[1];
    Tokens t = tokens(sentence, spans, n);
    int m = n[0] > 0 ? StereotypeFrames.reason(t, 0, t.count, spans, n[0]) : -1;
    assertEquals(group, m < 0 ? null : sentence.substring(t.oStart[spans[2 * m]], t.oEnd[spans[2 * m + 1] - 1]),
        sentence);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "People with autism have no empathy.|true",
      "Atheists have no morals.|true",
      "Immigrants lack any respect for our laws.|true",
      "Teenagers just lack discipline.|true",
      // not the lack frame: a need or a good lacking, a negation, a virtue had
      "Refugees have no documents.|false",
      "Blind people have no access to printed menus.|false",
      "Atheists do not lack morals.|false",
      "Teenagers have respect for their grandparents.|false",
      // a virtue denied: a positive trait after a present copula and a negation
      "Fat people are not disciplined.|true",
      "Men are not very caring.|true",
      "Muslims are never peaceful.|true",
      "Chinese people aren't creative.|true",
      // not a virtue denied: a negative trait, a state, a positive word that goes on, past tense, a disability's ability
      "Immigrants are not lazy.|false",
      "Women are not safe at night.|false",
      "Lesbians are not interested in men.|false",
      "Women were not rational.|false",
      "Deaf people are not able to hear the alarm.|false",
  })
  void lack(String sentence, boolean expected) {
    int[] spans = new int[2 * 64];
    int[] n = new int[1];
    Tokens t = tokens(sentence, spans, n);
    assertEquals(expected, n[0] > 0 && StereotypeFrames.lack(t, 0, t.count, spans, n[0]) >= 0, sentence);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // a trait in a noun phrase after the copula, in the object of have/live/lead, after spread/bring, in a tied clause
      "Millennials are nothing but a burden on society.|true",
      "Millennials are a disgrace to their parents.|true",
      "Hippies lead an immoral lifestyle.|true",
      "Teenagers have a lazy attitude to work.|true",
      "Liberals spread lies about everything.|true",
      "Immigrants carry disease into our cities.|true",
      "Muslims move into our towns, and they are fanatics.|true",
      "Gay men move to the city and they are promiscuous.|true",
      // a pejorative noun (stereotype-person-nouns.tsv) as the predicate, bare, after "a bunch of" or "nothing but"
      "Immigrants are parasites.|true",
      "Mexicans are a bunch of thugs.|true",
      "Feminists are nothing but troublemakers.|true",
      "Scots are cheapskates.|true",
      "Gypsies are a plague on every town.|true",
      "Immigrants come here and they are freeloaders.|true",
      // not the predicate frame: a pejorative noun denied, as an agent or object, a plain noun after "a bunch of"
      "Immigrants are not parasites.|false",
      "Muslims aren't fanatics.|false",
      "Refugees are victims of smugglers.|false",
      "Immigrants report swindlers to the police.|false",
      "Teenagers are fans of horror films.|false",
      "Immigrants are a bunch of hard workers.|false",
      "Koreans keep pigs and goats.|false",
      // not the predicate frame: hardship, a plain or good object, a participle, no article, a negation, a disability
      "Refugees are victims of war.|false",
      "Refugees bring their trauma with them.|false",
      "Immigrants bring their traditions with them.|false",
      "Retirees lead an active lifestyle.|false",
      "Refugees come here and they are welcomed.|false",
      "Muslims are a growing share of the population.|false",
      "Atheists are not a threat to anyone.|false",
      "Deaf people lead a hard life.|false",
  })
  void predicate(String sentence, boolean expected) {
    int[] spans = new int[2 * 64];
    int[] n = new int[1];
    Tokens t = tokens(sentence, spans, n);
    assertEquals(expected, n[0] > 0 && StereotypeFrames.predicate(t, 0, t.count, spans, n[0]) >= 0, sentence);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // a reason that is a circumstance or an action, no trait elsewhere: not about traits
      "Refugees leave their homes because they are fleeing war.|true",
      "Immigrants send money home because they are supporting their families.|true",
      "Immigrants leave home early since they are busy at work.|true",
      // what befalls a group
      "Refugees are victims of war.|true",
      "Women face discrimination at work.|true",
      "Refugees are a vulnerable group.|true",
      // a trait kept: in the reason, in the main clause, done to others, an illness word that is also a slur
      "Immigrants come here because they are lazy.|false",
      "Immigrants steal because they are looking for work.|false",
      "Immigrants bring violence and poverty.|false",
      "Refugees are victims and liars.|false",
      "Gay people are sick.|false",
      "Immigrants come here because they are in gangs.|false",
      "Women always play the victim.|false",
      "Young men are a risk to society.|false",
      "Muslims and violence go together.|false",
  })
  void circumstanceAndHardship(String sentence, boolean expected) {
    int[] spans = new int[2 * 64];
    int[] n = new int[1];
    Tokens t = tokens(sentence, spans, n);
    assertEquals(expected, n[0] > 0 && (StereotypeFrames.circumstanceReason(t, 0, t.count, spans, n[0])
        || StereotypeFrames.hardship(t, 0, t.count, spans, n[0])), sentence);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Kids today spend more time online than their parents did.|true",
      "Teenagers text more often than adults.|true",
      "Retirees spend more hours gardening than younger adults.|true",
      // a trait beside the quantity, or no quantity of time
      "Kids today spend more time online because they are lazy.|false",
      "Women spend more time gossiping because they are shallow.|false",
      "Kids today are ruder than their parents were.|false",
  })
  void habitComparison(String sentence, boolean expected) {
    int[] spans = new int[2 * 64];
    int[] n = new int[1];
    Tokens t = tokens(sentence, spans, n);
    assertEquals(expected, n[0] > 0 && StereotypeFrames.habitComparison(t, 0, t.count, spans, n[0]), sentence);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Most Muslims support terrorism.|true",
      "Immigrants bring crime.|true",
      "Most Muslims do not support terrorism.|false",
      "All construction workers need to be educated on safety at each construction site to minimize injury.|false",
      "Women have won the right to vote, to work, to own property and to have careers and be mothers.|false",
      "An actor is a person who portrays a character for young audiences.|false",
      "She can't park the car because she is a woman.|true",
      "A woman's place is in the home.|true",
      "Does she think a woman's place is in the home?|false",
      "She was denied entry because she was a woman.|false",
      "Muslims pray five times a day because they are fanatics.|true",
      "People with autism have no empathy.|true",
      "Kids today spend more time online than their parents did.|false",
      "Immigrants move to cities because they are looking for work.|false",
      "Hippies lead an immoral lifestyle.|true",
      "Liberals spread lies about everything.|true",
      "Refugees leave their homes because they are fleeing war.|false",
      "Older adults are at risk of falls.|false",
  })
  void detectorReports(String sentence, boolean stereotype) {
    List<Finding> f = BiasAccuracyTest.findings(DETECTOR, sentence);
    assertEquals(stereotype, f.stream().anyMatch(x -> x.type().name().startsWith("STEREOTYPE")), sentence + " " + f);
  }
}
