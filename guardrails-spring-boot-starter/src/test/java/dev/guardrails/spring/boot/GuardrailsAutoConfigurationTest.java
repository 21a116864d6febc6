package dev.guardrails.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardrails.Detector;
import dev.guardrails.Guardrail;
import dev.guardrails.spring.ai.GuardrailAdvisor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The starter's auto-configuration: binding, back-off, bad values, metrics. */
class GuardrailsAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(GuardrailsAutoConfiguration.class));

  private static Throwable root(Throwable t) {
    while (t.getCause() != null && !(t instanceof GuardrailsConfigurationException)) {
      t = t.getCause();
    }
    return t;
  }

  @Test
  void propertiesBind() {
    // a timeout far above a check's cost: with 250 ms the cold first check below timed out once on a
    // loaded machine and, with fail-mode OPEN, passed the email through unredacted
    runner.withPropertyValues("guardrails.policy=strict", "guardrails.detectors=pii.email,secrets",
        "guardrails.detector-timeout=30s", "guardrails.fail-mode=OPEN", "guardrails.max-input=5000",
        "guardrails.cache-size=100", "guardrails.echo-action=FLAG", "guardrails.advisor.order=7",
        "guardrails.advisor.input=REDACT", "guardrails.advisor.reask=2", "guardrails.advisor.fallback=Sorry")
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          Guardrail g = ctx.getBean(Guardrail.class);
          assertThat(g.detectors()).extracting(Detector::id).containsExactly("pii.email", "secrets");
          assertThat(g.policy().toString()).contains("strict");
          assertThat(g.maxInputChars()).isEqualTo(5000);
          GuardrailAdvisor a = ctx.getBean(GuardrailAdvisor.class);
          assertThat(a.getOrder()).isEqualTo(7);
          assertThat(a.toString()).contains("input=REDACT", "reask=2", "fallback=true");
          // the user's email in the prompt is echoed at FLAG, a stranger's is redacted (strict)
          assertThat(g.check("Write to bob@example.com").safeText()).doesNotContain("bob@example.com");
        });
  }

  @Test
  void defaultsRunAllDiscoveredDetectors() {
    runner.run(ctx -> {
      assertThat(ctx).hasSingleBean(Guardrail.class).hasSingleBean(GuardrailAdvisor.class);
      assertThat(ctx.getBean(Guardrail.class).detectors()).extracting(Detector::id).contains("pii.email", "secrets");
      assertThat(ctx).doesNotHaveBean(MicrometerGuardListener.class);
    });
  }

  @Test
  void backsOffWhenTheUserDefinesAGuardrail() {
    Guardrail mine = Guardrail.builder().detector(new dev.guardrails.detectors.pii.EmailDetector()).build();
    runner.withBean(Guardrail.class, () -> mine).withPropertyValues("guardrails.policy=no-such-preset")
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx.getBean(Guardrail.class)).isSameAs(mine);
          assertThat(ctx).hasSingleBean(GuardrailAdvisor.class);
        });
  }

  @Test
  void disabledMeansNoBeans() {
    runner.withPropertyValues("guardrails.enabled=false").run(ctx -> assertThat(ctx).doesNotHaveBean(Guardrail.class));
    runner.withPropertyValues("guardrails.advisor.enabled=false").run(ctx -> {
      assertThat(ctx).hasSingleBean(Guardrail.class);
      assertThat(ctx).doesNotHaveBean(GuardrailAdvisor.class);
    });
  }

  @Test
  void unknownPresetFailsStartupWithOneClearMessage() {
    runner.withPropertyValues("guardrails.policy=paranoid").run(ctx -> {
      assertThat(ctx).hasFailed();
      assertThat(root(ctx.getStartupFailure())).isInstanceOf(GuardrailsConfigurationException.class)
          .hasMessageStartingWith("guardrails.policy: unknown preset 'paranoid'");
    });
  }

  @Test
  void unknownDetectorFailsStartup() {
    runner.withPropertyValues("guardrails.detectors=pii.email,pii.emial").run(ctx ->
        assertThat(root(ctx.getStartupFailure())).isInstanceOf(GuardrailsConfigurationException.class)
            .hasMessageContaining("unknown detector id 'pii.emial'").hasMessageContaining("pii.email"));
  }

  @Test
  void negativeTimeoutFailsStartup() {
    runner.withPropertyValues("guardrails.detector-timeout=-5ms").run(ctx ->
        assertThat(root(ctx.getStartupFailure())).isInstanceOf(GuardrailsConfigurationException.class)
            .hasMessage("guardrails.detector-timeout must be positive: PT-0.005S"));
  }

  @Test
  void badPolicyFileNamesTheLine(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("app.policy");
    Files.writeString(f, "# my policy\ndefault = FLAG\nPII >= 0.5 = REDACT\nSECRET = EXPLODE\n");
    runner.withPropertyValues("guardrails.policy-file=file:" + f).run(ctx -> {
      Throwable t = root(ctx.getStartupFailure());
      assertThat(t).isInstanceOf(GuardrailsConfigurationException.class).hasMessageContaining("policy line 4");
      assertThat(new GuardrailsFailureAnalyzer().analyze(ctx.getStartupFailure()).getDescription())
          .contains("policy line 4");
    });
  }

  @Test
  void goodPolicyFileIsUsed(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("app.policy");
    Files.writeString(f, "default = FLAG\nSECRET = BLOCK\n");
    runner.withPropertyValues("guardrails.policy-file=file:" + f).run(ctx ->
        assertThat(ctx.getBean(Guardrail.class).check("key AKIAZ3MSJ4QW7RXT5PLN here").blocked()).isTrue());
  }

  @Test
  void metricsAreRecordedWithoutText() {
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(ctx -> {
      assertThat(ctx).hasSingleBean(MicrometerGuardListener.class);
      Guardrail g = ctx.getBean(Guardrail.class);
      g.check("Write to jane.doe@example.org today.");
      g.check("The weather is mild.");
      MeterRegistry m = ctx.getBean(MeterRegistry.class);
      assertThat(m.get("guardrails.checks").tag("verdict", "REDACT").counter().count()).isEqualTo(1.0);
      assertThat(m.get("guardrails.findings").tag("category", "PII").tag("type", "EMAIL").counter().count()).isEqualTo(1.0);
      assertThat(m.get("guardrails.detector.duration").tag("detector", "pii.email").timer().count()).isEqualTo(2);
      assertThat(m.get("guardrails.check.duration").timer().count()).isEqualTo(2);
      m.getMeters().forEach(meter -> meter.getId().getTags().forEach(tag ->
          assertThat(tag.getValue()).doesNotContain("jane", "weather")));
    });
  }

  @Test
  void detectorErrorsAreCountedByDetectorAndKind() {
    Detector broken = new Detector() {
      @Override
      public void detect(dev.guardrails.text.AnalyzedText t, dev.guardrails.CheckContext c, dev.guardrails.FindingSink o) {
        throw new IllegalStateException("boom");
      }

      @Override
      public String id() {
        return "test.broken";
      }
    };
    SimpleMeterRegistry m = new SimpleMeterRegistry();
    Guardrail g = Guardrail.builder().detector(broken).listener(new MicrometerGuardListener(m)).build();
    g.check("anything");
    assertThat(m.get("guardrails.errors").tag("detector", "test.broken").tag("kind", "EXCEPTION").counter().count())
        .isEqualTo(1.0);
  }
}
