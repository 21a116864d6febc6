package dev.guardrails.spark;

import java.util.SplittableRandom;

/**
 * Generated chatbot answers for the Spark benchmark: support replies and report paragraphs of a
 * requested size, with fake PII (example.com emails, 555-01xx phones, published test card and
 * IBAN numbers), a biased phrase and a check-worthy claim now and then. Answer {@code i} of a
 * given size is always the same text. Thread-safe: static and pure.
 */
final class BenchAnswers {

  private static final String[] CLEAN = {
    "Thanks for reaching out, I'm happy to help with your question.",
    "To reset your password, open Settings, choose Security and follow the prompts.",
    "Your order has been shipped and should arrive within three to five business days.",
    "The function reads the file line by line and returns a list of records.",
    "You can change the notification settings from the profile page at any time.",
    "The dashboard shows the weekly totals, and you can export them as a spreadsheet.",
    "If the problem persists, clear the cache and sign in again before trying once more.",
    "Let me know if there is anything else I can help you with today.",
  };
  private static final String[] RISKY = {
    "You can reach the agent at maria.garcia%d@example.com for a refund.",
    "Please call the office on (212) 555-01%02d between nine and five.",
    "The card on file is 4111 1111 1111 1111, expiring next year.",
    "Refunds go to the account GB82 WEST 1234 5698 7654 32 within a week.",
    "We need a chairman who can manage the manpower of the team.",
    "Studies show that this plan cuts costs by %d percent.",
  };

  private BenchAnswers() {}

  /** Returns answer {@code i}, about {@code size} chars long. */
  static String answer(long i, int size) {
    SplittableRandom r = new SplittableRandom(0x5EED_0000L + i);
    StringBuilder b = new StringBuilder(size + 128);
    while (b.length() < size) {
      if (b.length() > 0) {
        b.append(' ');
      }
      if (r.nextInt(12) == 0) {
        b.append(String.format(java.util.Locale.ROOT, RISKY[r.nextInt(RISKY.length)], r.nextInt(100)));
      } else {
        b.append(CLEAN[r.nextInt(CLEAN.length)]);
      }
    }
    return b.toString();
  }
}
