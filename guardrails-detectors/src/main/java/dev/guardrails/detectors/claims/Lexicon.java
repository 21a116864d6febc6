package dev.guardrails.detectors.claims;

import java.util.Map;
import java.util.Set;

/**
 * The project's own small English word lists for claim checking (written for this project, not
 * copied from a published list): function words, negations, antonym pairs, hedges and
 * check-worthiness cues. Immutable and thread-safe.
 */
final class Lexicon {

  private Lexicon() {}

  /** Function words: they carry no content of their own, so coverage ignores them. */
  static final Set<String> STOP = words(
      "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with",
      "from", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do",
      "does", "did", "it", "its", "this", "that", "these", "those", "he", "she", "they", "them",
      "his", "her", "their", "we", "our", "you", "your", "i", "me", "my", "so", "than", "then",
      "there", "here", "which", "who", "whom", "whose", "what", "when", "where", "why", "how",
      "also", "just", "very", "can", "could", "would", "should", "will", "may", "might", "must",
      "shall", "s", "t", "about", "into", "over", "after", "before", "up", "down", "out", "off",
      "said", "say", "says", "one", "him", "us", "its", "been", "while", "during", "such", "some",
      "all", "any", "each", "other", "own", "same", "too", "only", "now", "says", "told", "de", "la");

  /** Negation words (after "n't" became "not"). */
  static final Set<String> NEGATIONS = Set.of("not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without");

  /** Antonym pairs over stems: a claim word whose antonym stands in the evidence instead contradicts it. */
  static final Map<String, String> ANTONYMS = pairs(
      "increase", "decrease", "rise", "fall", "rose", "fell", "gain", "loss", "win", "lose", "won", "lost",
      "higher", "lower", "more", "less", "larger", "smaller", "before", "after", "above", "below",
      "first", "last", "major", "minor", "maximum", "minimum", "accept", "reject", "approve", "deny",
      "open", "close", "alive", "dead", "guilty", "innocent", "success", "failure", "true", "false",
      "up", "down", "east", "west", "north", "south", "male", "female", "husband", "wife",
      "mother", "father", "son", "daughter", "young", "old", "earlier", "later", "start", "end");

  /** Sentence openings that mark advice, hedges, greetings or opinions: not factual claims. */
  static final String[] SKIP_OPENINGS = {
    "hi", "hello", "hey", "thanks", "thank you", "you're welcome", "you are welcome", "let me know",
    "feel free", "please", "i think", "i believe", "i feel", "i hope", "i recommend", "i suggest",
    "in my opinion", "you can", "you could", "you might", "you may", "you should", "try ", "consider",
    "if you", "let's", "let us", "sure", "of course", "good luck", "happy to", "i'm happy", "i am happy",
    "i'd", "i would", "here is", "here are", "here's",
  };

  /** Words that make a sentence an opinion or a hedge rather than a checkable fact. */
  static final Set<String> HEDGES = Set.of("perhaps", "maybe", "possibly", "arguably", "probably", "seems", "seem", "opinion", "might");

  /** Causal connectives: a sentence that asserts a cause is worth checking. */
  static final Set<String> CAUSAL = stems("because", "cause", "due", "therefore", "thus", "lead", "led", "result", "consequently", "hence");

  /** Absolute words: a sentence that claims no exceptions is worth checking. */
  static final Set<String> ABSOLUTE = stems("always", "never", "every", "none", "guarantee", "guaranteed", "certainly", "definitely", "proven");

  /** Comparative and superlative cue words (besides -est/-er forms). */
  static final Set<String> COMPARATIVE = Set.of("more", "most", "less", "least", "better", "best", "worse", "worst", "fewer", "fewest", "larger", "largest", "higher", "highest", "first", "only");

  private static Set<String> words(String... words) {
    return Set.copyOf(java.util.Arrays.asList(words));
  }

  private static Set<String> stems(String... words) {
    java.util.HashSet<String> s = new java.util.HashSet<>();
    for (String w : words) {
      s.add(Terms.stem(w));
    }
    return Set.copyOf(s);
  }

  private static Map<String, String> pairs(String... words) {
    java.util.HashMap<String, String> m = new java.util.HashMap<>();
    for (int i = 0; i < words.length; i += 2) {
      String a = Terms.stem(words[i]);
      String b = Terms.stem(words[i + 1]);
      m.put(a, b);
      m.put(b, a);
    }
    return Map.copyOf(m);
  }
}
