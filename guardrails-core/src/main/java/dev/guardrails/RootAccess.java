package dev.guardrails;

import dev.guardrails.internal.EngineAccess;
import dev.guardrails.internal.Pipeline;
import java.time.Instant;
import java.util.List;

/** The root package's side of {@link EngineAccess}; installed once by {@link Guardrail}. */
final class RootAccess extends EngineAccess {

  @Override
  public Pipeline pipeline(Guardrail guard) {
    return guard.pipeline;
  }

  @Override
  public Instant deadline(CheckContext ctx) {
    return ctx.deadlineOrNull();
  }

  @Override
  public GuardResult result(Verdict verdict, List<Decision> decisions, String safeText, int textLength,
      String[] ids, long[] nanos, List<DetectorError> errors) {
    return new GuardResult(verdict, decisions, safeText, textLength, ids, nanos, errors);
  }
}
