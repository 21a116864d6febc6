package dev.guardrails.detectors.secrets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.guardrails.CheckContext;
import dev.guardrails.Finding;
import dev.guardrails.detectors.internal.ScratchArray;
import dev.guardrails.text.AnalyzedText;
import dev.guardrails.text.CharClass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The kept view of a short ASCII text ({@link SecretText#latin1Scratch(String, boolean, ScratchArray)})
 * holds the bytes the fresh view ({@link SecretText#latin1View}) holds, then {@link SecretText#PAD}
 * zero bytes, even when the thread's buffer still holds a longer text; a text with a char from
 * U+0080 up keeps the fresh view. The detector's per-thread lists carry nothing from one call to
 * the next, nor into a call nested in its sink.
 */
class SecretScratchViewTest {

  @Test
  void shortAsciiTextsGetTheSameBytesAndZeroPadding() {
    Random r = new Random(41);
    ScratchArray scratch = new ScratchArray(); // kept from text to text, as the detector's lists keep it
    for (int it = 0; it < 3000; it++) {
      // a longer text first, so the buffer holds bytes past the next text's padding
      char[] junk = new char[40 + r.nextInt(400)];
      Arrays.fill(junk, 'x');
      SecretText.latin1Scratch(new String(junk), true, scratch);
      StringBuilder b = new StringBuilder();
      int len = r.nextInt(300);
      for (int k = 0; k < len; k++) {
        b.append((char) r.nextInt(0x80)); // every ASCII char, controls included
      }
      String s = b.toString();
      assertEquals(0, AnalyzedText.of(s).charClasses() & CharClass.NON_ASCII.bit(), "case " + it);
      byte[] view = SecretText.latin1Scratch(s, true, scratch);
      assertArrayEquals(SecretText.latin1View(s), Arrays.copyOf(view, s.length()), "case " + it);
      assertArrayEquals(new byte[SecretText.PAD], Arrays.copyOfRange(view, s.length(), s.length() + SecretText.PAD),
          "padding, case " + it);
    }
  }

  @Test
  void textsWithOtherCharsKeepTheFreshView() {
    ScratchArray scratch = new ScratchArray();
    for (String s : new String[] {"M\u00fcller's token", "\u0141\u00f3d\u017a key=abc", "pass \uD83D\uDE00 word"}) {
      byte[] view = SecretText.latin1Scratch(s, false, scratch);
      assertEquals(s.length(), view.length, s.length() + " chars");
      assertArrayEquals(SecretText.latin1View(s), view);
    }
    String big = "a".repeat(SecretText.SMALL + 1);
    assertSame(SecretText.latin1Scratch(big, false, scratch), SecretText.latin1Scratch(big, true, scratch),
        "a long text takes the kept buffer");
    assertArrayEquals(SecretText.latin1View(big), Arrays.copyOf(SecretText.latin1Scratch(big, false, scratch), big.length()));
  }

  private static List<Finding> detect(SecretDetector d, String text) {
    List<Finding> out = new ArrayList<>();
    d.detect(AnalyzedText.of(text), CheckContext.empty(), out::add);
    return out;
  }

  @Test
  void reusedListsHoldNothingFromEarlierOrNestedCalls() {
    SecretDetector d = new SecretDetector();
    String secrets = "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE and password=kR8#vP2!qL5@x9";
    List<Finding> first = detect(d, secrets);
    assertFalse(first.isEmpty());
    assertEquals(List.of(), detect(d, "nothing to see here, just words"));
    assertEquals(first, detect(d, secrets));
    List<Finding> outer = new ArrayList<>();
    List<Finding> inner = new ArrayList<>();
    d.detect(AnalyzedText.of(secrets), CheckContext.empty(), f -> {
      outer.add(f);
      d.detect(AnalyzedText.of(secrets), CheckContext.empty(), inner::add); // a sink that checks again
    });
    assertEquals(first, outer);
    assertEquals(first.size() * first.size(), inner.size());
    assertEquals(first, detect(d, secrets));
  }
}
