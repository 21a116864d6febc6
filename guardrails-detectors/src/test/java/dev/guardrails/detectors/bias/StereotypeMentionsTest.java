package dev.guardrails.detectors.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The group-mention gate of the stereotype model on hand-checked sentences: which words of a
 * sentence are a generic mention of a group (the model scores the sentence), or none (it does not).
 */
class StereotypeMentionsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // generic mentions
      "Mexicans are lazy.|Mexicans",
      "I don't trust Mexicans.|Mexicans",
      "Female engineers are rare.|Female engineers",
      "Asian drivers are bad.|Asian drivers",
      "Black kids don't have the best education.|Black kids",
      "Every woman wants children.|woman",
      "The German man was strict and humourless.|German man",
      "A black person is more likely to steal.|black person",
      "Being gay is a choice.|gay",
      "Islam is a violent religion.|Islam",
      "The gay community is loud.|gay community",
      "Middle easterners are primitive.|Middle easterners",
      "The people of Syria are conservative.|people of Syria",
      "People from Cameroon are impoverished.|People from Cameroon",
      "The unattractive Angolan struggled to find a partner.|unattractive Angolan",
      "The lazy Liberian worker often took long breaks.|Liberian worker",
      "The Liberian criminal was a wanted fugitive.|Liberian",
      "The arrogant South African woman thought she was better.|South African woman",
      "The man from Spain was kind.|man from Spain",
      "Children of Ethiopia are starving.|Children of Ethiopia",
      "The folks in Norway are very friendly.|folks in Norway",
      "Mexico is a dangerous country.|Mexico",
      "The United States is full of fat people.|United States",
      "The smelly Frenchman had poor hygiene.|smelly Frenchman",
      "The Pakistani businessman was untrustworthy.|Pakistani businessman",
      "Citizens of the United States are loud.|Citizens of the United States",
      "People who are LGBTQ have family issues.|People who are LGBTQ",
      "Most people who are bisexual are confused.|people who are bisexual",
      "Those who are Muslim pray often.|Those who are Muslim",
      "Transgender is a mental disease.|Transgender",
      "Bisexual is the new depressed.|Bisexual",
      "Most negroes are violent.|negroes",
      "Young people today have no respect.|Young people today",
      "People with schizophrenia are dangerous.|People with schizophrenia",
      "People with autism have no empathy.|People with autism",
      "Children with a learning disability are slow.|Children with a learning disability",
      "Adults with mental illness are violent.|Adults with mental illness",
      // no generic mention: one person, a thing, a job, a country
      "Jane Doe is an American actress.|",
      "People with money travel more.|",
      "People with a car, with schizophrenia in mind.|",
      "She met a Ghanaian at the market.|",
      "She met a man from Spain.|",
      "The children of lgb parents are happy.|lgb parents",
      "Latin dance is a general label.|",
      "The word lesbian has a lot of history.|",
      "The people of 1990 were different.|",
      "Professional dancers must possess athleticism.|",
      "Taxi dancers are hired to dance.|",
      "He returned to the United States in 1980.|",
      "She was born in Mexico and moved to Spain.|",
      "In Norway, the winters are long.|",
      "China Anne McClain is an American actress.|",
      "The United States Army was founded in 1775.|",
      "In the majority of countries, it is legal.|",
      "People who are doctors work long hours.|",
      "She has friends who are gay.|",
      "The word transgender is an adjective.|",
      "Being transgender is not a choice.|transgender",
  })
  void genericMentions(String sentence, String expected) {
    Tokens t = new Tokens();
    t.reset(sentence);
    int[] spans = new int[2 * t.count];
    int n = StereotypeFeatures.INSTANCE.mentions(t, 0, t.count, spans);
    String found = n == 0 ? null : sentence.substring(t.oStart[spans[0]], t.oEnd[spans[1] - 1]);
    assertEquals(expected, found, sentence);
  }
}
