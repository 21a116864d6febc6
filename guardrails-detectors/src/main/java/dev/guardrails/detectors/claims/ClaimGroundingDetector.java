package dev.guardrails.detectors.claims;

import dev.guardrails.Category;
import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.Finding;
import dev.guardrails.FindingSink;
import dev.guardrails.FindingType;
import dev.guardrails.text.AnalyzedText;
import java.util.Set;

/**
 * Reports claims of the answer that the sources in {@link CheckContext#sources()} do not support
 * ({@code CLAIM/UNSUPPORTED}) or contradict ({@code CLAIM/CONTRADICTED}), one finding per claim
 * sentence, with the best matching source passage as evidence. Does nothing when the context has no
 * sources (see {@link ClaimLanguageDetector} for that case). Wraps {@link ClaimChecker}.
 *
 * <p>Thread-safe. Each instance caches the indexes of the sources it has seen, by content hash,
 * bounded by the chars those sources hold (4 Mi chars together, about 64 indexes); the cache lives
 * and dies with the instance (so with its {@code Guardrail}), never JVM-wide.
 */
public final class ClaimGroundingDetector implements Detector {

  private final SourceIndexCache indexes = new SourceIndexCache(SourceIndexCache.DEFAULT_BUDGET_CHARS);

  /** A claim the sources do not support. */
  public static final FindingType UNSUPPORTED = FindingType.of(Category.CLAIM, "UNSUPPORTED");
  /** A claim the sources contradict. */
  public static final FindingType CONTRADICTED = FindingType.of(Category.CLAIM, "CONTRADICTED");

  /**
   * Creates the detector; used by {@link java.util.ServiceLoader}. Loads the claims model now, so a
   * missing model resource fails when the {@code Guardrail} is built, not at the first check.
   *
   * @throws IllegalStateException when the model resource is missing or malformed
   */
  public ClaimGroundingDetector() {
    ClaimModel.shipped();
  }

  /** For tests: fails like the public constructor when this model resource is missing. */
  ClaimGroundingDetector(String modelResource) {
    ClaimModel.load(modelResource);
  }

  @Override
  public String id() {
    return "claims.grounding";
  }

  @Override
  public Set<FindingType> types() {
    return Set.of(UNSUPPORTED, CONTRADICTED);
  }

  @Override
  public boolean sentenceScoped() {
    return true;
  }

  @Override
  public int window() {
    return 1024;
  }

  @Override
  public void detect(AnalyzedText text, CheckContext ctx, FindingSink out) {
    if (ctx.sources().isEmpty() || text.normalized().isBlank()) {
      return;
    }
    for (ClaimChecker.Verdict v : ClaimChecker.assess(text, ctx.sources(), indexes).claims()) {
      if (v.outcome() == ClaimChecker.Outcome.SUPPORTED) {
        continue;
      }
      FindingType type = v.outcome() == ClaimChecker.Outcome.CONTRADICTED ? CONTRADICTED : UNSUPPORTED;
      Finding f = Finding.of(id(), type, v.span().start(), v.span().end(), v.score(), v.reason());
      out.accept(v.evidence().isPresent() ? f.withEvidence(v.evidence().get()) : f);
    }
  }
}
