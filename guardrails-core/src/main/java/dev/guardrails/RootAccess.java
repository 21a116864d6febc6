package dev.guardrails;

import dev.guardrails.internal.EngineAccess;
import dev.guardrails.internal.StreamEngine;
import java.util.function.IntUnaryOperator;

/** The root package's side of {@link EngineAccess}; installed once by {@link Guardrail}. */
final class RootAccess extends EngineAccess {

  @Override
  public StreamEngine<?> openStream(Object guard, Object ctx, IntUnaryOperator maxHoldChars,
      IntUnaryOperator firstScanChars, long maxHoldNanos) {
    return new StreamRun(((Guardrail) guard).pipeline, (CheckContext) ctx, maxHoldChars, firstScanChars, maxHoldNanos);
  }
}
