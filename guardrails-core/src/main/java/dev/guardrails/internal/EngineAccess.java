package dev.guardrails.internal;

import dev.guardrails.CheckContext;
import dev.guardrails.Decision;
import dev.guardrails.DetectorError;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the engine needs from the root package that the public API does not offer: a guardrail's
 * {@link Pipeline}, a context's deadline without an {@code Optional}, and the allocation-lean
 * {@link GuardResult} constructor. The root package
 * installs the one implementation when {@link Guardrail} is initialized (the shared-secrets
 * pattern of the JDK), so neither becomes public API. Not part of the public API.
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
   * Returns the implementation, initializing {@link Guardrail} first if needed.
   *
   * @return the implementation
   */
  public static EngineAccess get() {
    EngineAccess a = instance;
    if (a == null) {
      try {
        Class.forName(Guardrail.class.getName(), true, EngineAccess.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("dev.guardrails.Guardrail is missing", e);
      }
      a = instance;
    }
    return a;
  }

  /**
   * Returns the pipeline a guardrail runs.
   *
   * @param guard the guardrail
   * @return its pipeline
   */
  public abstract Pipeline pipeline(Guardrail guard);

  /**
   * Returns the context's deadline, or null: for the hot path, which should not allocate an
   * {@code Optional}.
   *
   * @param ctx the context
   * @return the deadline or null
   */
  public abstract Instant deadline(CheckContext ctx);

  /**
   * Creates a result with timings as parallel arrays (nanos {@code < 0}: did not run), mapped on
   * demand.
   *
   * @param verdict the verdict
   * @param decisions the decisions in span order
   * @param safeText the safe text
   * @param textLength the checked text's length
   * @param ids detector ids in pipeline order
   * @param nanos time per detector
   * @param errors the errors
   * @return the result
   */
  public abstract GuardResult result(Verdict verdict, List<Decision> decisions, String safeText, int textLength,
      String[] ids, long[] nanos, List<DetectorError> errors);
}
