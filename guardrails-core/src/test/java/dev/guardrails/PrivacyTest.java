package dev.guardrails;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No toString(), event, error record or exception message carries the checked text. */
class PrivacyTest {

  private static final String SENTINEL = "ZQXJ-sentinel-4711";

  @Test
  void noPublicTypeLeaksTheCheckedText() {
    List<String> seen = new ArrayList<>();
    GuardListener listener = new GuardListener() {
      @Override
      public void checkCompleted(CheckEvent event) {
        seen.add(event.toString());
        seen.add(event.redactedText());
        event.decisions().forEach(d -> seen.add(d.toString()));
      }

      @Override
      public void detectorFailed(DetectorError error) {
        seen.add(error.toString());
      }
    };
    Guardrail g = Guardrail.builder()
        .detector(TestDetectors.keyword("kw", SENTINEL, 0.2)) // FLAG: safe text keeps it, audit must not
        .detector(TestDetectors.throwing("bad"), FailMode.OPEN)
        .listener(listener)
        .build();
    String text = "before " + SENTINEL + " after";
    CheckContext ctx = CheckContext.builder().prompt(SENTINEL).source("s1", SENTINEL).userValue("other").build();
    GuardResult r = g.check(text, ctx);
    seen.add(r.toString());
    seen.add(ctx.toString());
    seen.add(ctx.sources().get(0).toString());
    seen.add(g.toString());
    r.decisions().forEach(d -> seen.add(d.toString()));
    r.errors().forEach(e -> seen.add(e.toString()));
    for (String s : seen) {
      assertFalse(s.contains(SENTINEL), "leaked into: " + s.replace(SENTINEL, "<SENTINEL>"));
    }
  }
}
