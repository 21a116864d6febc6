package dev.guardrails.internal;

import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * The way from the public stream facade ({@code dev.guardrails.stream.GuardedStream}) to the engine,
 * whose classes are package-private in the root package: the root package installs the one
 * implementation when {@code Guardrail} is initialized (the shared-secrets pattern of the JDK), so
 * the engine stays out of the public API.
 *
 * <p>This package names no type of another core package (the guardrail and the context travel as
 * {@code Object}, the result type is a type parameter of {@link StreamEngine}), so the packages
 * stay acyclic: the root package and the stream package depend on this one, this one on neither.
 * Not part of the public API.
 *
 * <p>Thread-safe: installed once, read-only afterwards.
 */
public abstract class EngineAccess {

  private static volatile EngineAccess instance;

  /** For the root package's implementation. */
  protected EngineAccess() {}

  /**
   * Installs the implementation; called once by the root package.
   *
   * @param access the implementation
   * @throws IllegalStateException if one is installed already
   */
  public static synchronized void install(EngineAccess access) {
    Objects.requireNonNull(access, "access");
    if (instance != null) {
      throw new IllegalStateException("engine access installed twice; only dev.guardrails installs it");
    }
    instance = access;
  }

  /**
   * Returns the implementation. It is installed when {@code Guardrail} is initialized, so it is
   * there for anyone holding a guardrail.
   *
   * @return the implementation
   * @throws IllegalStateException if no guardrail class was initialized yet
   */
  public static EngineAccess get() {
    EngineAccess a = instance;
    if (a == null) {
      throw new IllegalStateException("engine access is not installed; dev.guardrails.Guardrail installs it when initialized");
    }
    return a;
  }

  /**
   * Opens the engine's side of one streamed answer on a guardrail's pipeline.
   *
   * @param guard the {@code dev.guardrails.Guardrail} whose pipeline checks the text
   * @param ctx the {@code dev.guardrails.CheckContext} of the answer
   * @param maxHoldChars the most chars held back, for a pipeline's largest detector window
   * @param firstScanChars the received chars that trigger the first re-check, for that window
   * @param maxHoldNanos the longest time text may wait for a re-check, 0 for no limit
   * @return the stream's engine; its result type is {@code dev.guardrails.GuardResult}
   * @throws ClassCastException if {@code guard} or {@code ctx} is not of the named type
   */
  public abstract StreamEngine<?> openStream(Object guard, Object ctx, IntUnaryOperator maxHoldChars,
      IntUnaryOperator firstScanChars, long maxHoldNanos);
}
