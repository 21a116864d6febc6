package dev.guardrails.cli;

import dev.guardrails.Decision;
import dev.guardrails.DetectorError;
import dev.guardrails.Finding;
import dev.guardrails.GuardResult;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** The human-readable table printed by {@code guardrails scan} without {@code --json}. */
final class HumanReport {

  private HumanReport() {}

  static void write(GuardResult r, Writer out) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("Verdict: ").append(r.verdict()).append("  (").append(r.findings().size()).append(" finding")
        .append(r.findings().size() == 1 ? "" : "s").append(", ").append(r.textLength()).append(" chars)\n\n");
    if (!r.decisions().isEmpty()) {
      b.append(String.format(Locale.ROOT, "%-7s %-8s %-26s %-13s %-5s %s%n", "ACTION", "CATEGORY", "TYPE", "SPAN", "SCORE", "MESSAGE"));
      for (Decision d : r.decisions()) {
        Finding f = d.finding();
        String msg = f.message();
        if (!f.suggestions().isEmpty()) {
          msg += " (try: " + String.join(", ", f.suggestions()) + ")";
        }
        b.append(String.format(Locale.ROOT, "%-7s %-8s %-26s %-13s %-5.2f %s%n",
            d.action(), f.category(), f.type().name(), f.start() + "-" + f.end(), f.score(), msg));
      }
      b.append('\n');
    }
    for (DetectorError e : r.errors()) {
      b.append("Error: detector ").append(e.detector()).append(' ').append(e.kind()).append(" -> ").append(e.action()).append('\n');
    }
    b.append("Safe text:\n").append(r.blocked() && r.safeText().isEmpty() ? "(blocked: nothing may be shown)" : r.safeText());
    if (!r.safeText().endsWith("\n")) {
      b.append('\n');
    }
    out.write(b.toString());
  }
}
