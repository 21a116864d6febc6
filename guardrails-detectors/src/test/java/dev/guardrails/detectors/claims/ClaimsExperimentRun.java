package dev.guardrails.detectors.claims;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs {@link ClaimsExperiment} through Surefire (skipped in normal builds), so the experiment needs no
 * extra Maven plugin: {@code ./mvnw -o -q -pl guardrails-detectors -am test -Dclaims.experiment=true
 * -Dtest=ClaimsExperimentRun -Dsurefire.failIfNoSpecifiedTests=false -Dclaims.variants=...}.
 */
class ClaimsExperimentRun {

  @Test
  @EnabledIfSystemProperty(named = "claims.experiment", matches = "true")
  void run() throws Exception {
    ClaimsExperiment.main(new String[0]);
  }
}
