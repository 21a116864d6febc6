package dev.guardrails.benchmarks;

import java.util.Locale;
import java.util.Random;

/**
 * A deterministic corpus of realistic chatbot answers for benchmarks: support replies, RAG answers
 * with citations, code answers and report paragraphs, generated from templates with a fixed seed,
 * at a requested size and density of PII, biased phrasing and claims.
 *
 * <p>The same (size, density, seed) always gives the same text. Thread-safe: all methods are
 * static and pure.
 */
public final class Corpus {

  private Corpus() {}

  /** How much risky content the text holds. */
  public enum Density {
    /** No PII, no biased phrasing, no check-worthy claim with a precise number. */
    CLEAN,
    /** About one PII value, one biased phrase and a few claims per 2 KB. */
    TYPICAL,
    /** PII, bias and claims in most sentences. */
    DENSE
  }

  /** Sizes used across the benchmarks, in chars. */
  public static final int SIZE_200B = 200;
  /** 2 KB. */
  public static final int SIZE_2KB = 2_048;
  /** 20 KB. */
  public static final int SIZE_20KB = 20_480;
  /** 1 MB. */
  public static final int SIZE_1MB = 1_048_576;

  private static final String[] CLEAN = {
    "Thanks for reaching out! I'm happy to help with your question.",
    "To reset your password, open Settings, choose Security, and follow the prompts.",
    "The function below reads the file line by line and returns a list of records.",
    "In summary, the new release focuses on stability and smaller downloads.",
    "You can change the notification frequency at any time from your profile page.",
    "Here is a short example in Java:\n\n    List<String> names = new ArrayList<>();\n    names.add(\"value\");\n",
    "Let me know if there is anything else I can do for you today.",
    "The report covers three areas: onboarding, billing, and account recovery.",
    "Most users find the dashboard easier to navigate after the latest update.",
    "If the problem persists, try clearing the cache and signing in again.",
    "Step 1: install the package. Step 2: run the setup command. Step 3: restart the service.",
    "The team reviewed the feedback and prioritized the most requested features.",
  };

  private static final String[] PII = {
    "You can reach our agent at %s or call %s during business hours.",
    "The card ending in the digits you sent, %s, was charged on Monday.",
    "Please transfer the amount to IBAN %s and include the reference number.",
    "Your account %s is linked to the phone number %s.",
    "The customer's SSN on file is %s, as shown in the form.",
    "The server at %s rejected the request from %s.",
    "Contact %s, who lives at %s, for the key handover.",
    "Your API key is %s; keep it private.",
  };

  private static final String[] BIAS = {
    "Every chairman should ask his team for feedback before the meeting.",
    "We need more manpower to finish the project on time.",
    "Add the address to the whitelist and the attacker to the blacklist.",
    "The elderly are often confused by new technology.",
    "That plan sounds crazy, but it might just work.",
    "Women are naturally better at caring for children.",
    "Ask the girls at the front desk to file the report.",
    "The grandfathered accounts keep their old pricing.",
  };

  private static final String[] CLAIMS = {
    "According to the 2023 annual report, revenue grew by 18.4% to $2.3 billion.",
    "Studies show that 90% of users prefer dark mode.",
    "The company was founded in 1998 in Austin, Texas, by three engineers.",
    "Experts agree this is the safest option available, guaranteed.",
    "The population of the city reached 1.5 million in 2020 [1].",
    "Research proves that the treatment is 100% effective in every case.",
    "See https://doi.org/10.1234/abcd.2021.001 for the full analysis.",
    "The bridge is 2,737 meters long and opened in May 1937.",
  };

  private static final String[] FIRST = {"James", "Maria", "Wei", "Aisha", "Oliver", "Sofia", "Rahul", "Emma"};
  private static final String[] LAST = {"Smith", "Garcia", "Chen", "Khan", "Brown", "Rossi", "Patel", "Müller"};
  private static final String[] STREETS = {"Main Street", "Oak Avenue", "Elm Road", "Park Lane", "Maple Drive"};

  /**
   * Returns a text of exactly {@code size} chars (cut at the end) built from answer templates.
   *
   * @param size the length in chars, {@code >= 1}
   * @param density how much risky content
   * @param seed the random seed
   * @return the text
   */
  public static String generate(int size, Density density, long seed) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be >= 1: " + size);
    }
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder(size + 256);
    int sentence = 0;
    while (b.length() < size) {
      int roll = r.nextInt(100);
      String s;
      if (density == Density.CLEAN) {
        s = pick(r, CLEAN);
      } else if (density == Density.TYPICAL) {
        s = roll < 4 ? pii(r) : roll < 7 ? pick(r, BIAS) : roll < 15 ? pick(r, CLAIMS) : pick(r, CLEAN);
      } else {
        s = roll < 35 ? pii(r) : roll < 55 ? pick(r, BIAS) : roll < 80 ? pick(r, CLAIMS) : pick(r, CLEAN);
      }
      b.append(s);
      sentence++;
      b.append(sentence % 5 == 0 ? "\n\n" : " ");
    }
    b.setLength(size);
    if (Character.isHighSurrogate(b.charAt(size - 1))) {
      b.setCharAt(size - 1, ' ');
    }
    return b.toString();
  }

  /**
   * Returns grounding sources of about {@code size} chars that support the corpus's claims.
   *
   * @param size the approximate length in chars
   * @param seed the random seed
   * @return the source text
   */
  public static String sources(int size, long seed) {
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder(size + 256);
    String[] facts = {
      "The 2023 annual report states that revenue grew by 18.4% to $2.3 billion, driven by subscriptions.",
      "The company was founded in 1998 in Austin, Texas. Its three founders were engineers.",
      "In 2020 the city's population reached 1.5 million, up from 1.2 million a decade earlier.",
      "The bridge, 2,737 meters long, opened to traffic in May 1937 after four years of construction.",
      "A survey of 1,200 users found that 62% preferred dark mode on mobile devices.",
    };
    while (b.length() < size) {
      b.append(r.nextInt(4) == 0 ? pick(r, facts) : pick(r, CLEAN)).append(' ');
    }
    return b.toString();
  }

  private static String pick(Random r, String[] options) {
    return options[r.nextInt(options.length)];
  }

  private static String pii(Random r) {
    String t = pick(r, PII);
    int slots = t.split("%s", -1).length - 1;
    Object[] values = new Object[slots];
    for (int i = 0; i < slots; i++) {
      values[i] = value(r);
    }
    return String.format(Locale.ROOT, t, values);
  }

  private static String value(Random r) {
    String first = pick(r, FIRST);
    String last = pick(r, LAST);
    switch (r.nextInt(9)) {
      case 0:
        return first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT).replace('ü', 'u') + "@example.com";
      case 1:
        return String.format(Locale.ROOT, "+1 (%03d) 555-%04d", 200 + r.nextInt(700), r.nextInt(10_000));
      case 2:
        return "4111 1111 1111 1111";
      case 3:
        return "DE89 3704 0044 0532 0130 00";
      case 4:
        return String.format(Locale.ROOT, "%03d-%02d-%04d", 100 + r.nextInt(500), 1 + r.nextInt(98), 1 + r.nextInt(9998));
      case 5:
        return String.format(Locale.ROOT, "192.168.%d.%d", r.nextInt(256), r.nextInt(256));
      case 6:
        return first + " " + last;
      case 7:
        return (10 + r.nextInt(990)) + " " + pick(r, STREETS);
      default:
        return "AKIA" + "IOSFODNN7EXAMPLE".substring(0, 16);
    }
  }
}
