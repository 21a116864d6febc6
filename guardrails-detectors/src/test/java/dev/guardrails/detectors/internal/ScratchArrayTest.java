package dev.guardrails.detectors.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reuse and growth of {@link ScratchArray}; that long arrays are not strongly held is {@code ThreadRetentionTest}'s. */
class ScratchArrayTest {

  @Test
  void smallArraysAreReusedAndGrowByDoubling() {
    ScratchArray a = new ScratchArray();
    char[] c = a.chars(10);
    assertTrue(c.length >= 256, "starts at 256");
    assertSame(c, a.chars(200), "fits: the same array");
    char[] d = a.chars(300);
    assertTrue(d.length >= 512, "doubles: " + d.length);
    assertSame(d, a.chars(5));
    byte[] b = a.bytes(1);
    assertSame(b, a.bytes(b.length), "bytes are kept apart from chars");
    assertEquals(ScratchArray.STRONG, a.chars(ScratchArray.STRONG).length, "capped at STRONG");
  }

  @Test
  void longArraysAreReusedWhileReachableAndSmallOnesStay() {
    ScratchArray a = new ScratchArray();
    char[] small = a.chars(1000);
    int n = ScratchArray.STRONG + 1;
    char[] big = a.chars(n);
    assertTrue(big.length >= n);
    assertSame(big, a.chars(n), "the long array is reused while it is held");
    assertSame(small, a.chars(1000), "a short text still gets the small array");
    byte[] bigBytes = a.bytes(3 * n);
    assertNotSame(bigBytes, a.bytes(6 * n), "a longer text gets a longer array");
  }
}
