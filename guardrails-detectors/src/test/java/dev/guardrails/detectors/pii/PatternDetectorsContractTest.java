package dev.guardrails.detectors.pii;

import dev.guardrails.Detector;
import dev.guardrails.detectors.secrets.SecretDetector;
import dev.guardrails.testing.DetectorContract;
import java.util.List;
import org.junit.jupiter.api.Nested;

/**
 * The {@link DetectorContract} (spans inside the text, deterministic output, 8 threads x 10,000
 * concurrent checks with identical results, input untouched, odd inputs) for the pattern and secret
 * detectors; their per-entity behaviour is table-tested in {@code PiiCasesTest}.
 */
class PatternDetectorsContractTest {

  private static final List<String> SAMPLES = List.of(
      "Card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00, SSN 123-45-6789.",
      "Call +44 20 7946 0958 or (415) 555-0132; server at 192.168.1.23 and fe80::1ff:fe23:4567:890a.",
      "aws_access_key_id=AKIAZ3MSJ4QW7RXT5PLN and token: ghp_0123456789abcdefghijklmnopqrstuvwxyzAB",
      "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n-----END RSA PRIVATE KEY-----",
      "Version 1.2.3.4 of the app, order 123456789, GUID 123e4567-e89b-12d3-a456-426614174000.",
      "Disguised: 4\u200B111 1111 1111 1111 and \uFF14\uFF11\uFF11\uFF11 and 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1");

  /** The shared samples; each nested class names its detector. */
  abstract static class WithSamples extends DetectorContract {
    @Override
    protected List<String> samples() {
      return SAMPLES;
    }
  }

  @Nested
  class Patterns extends WithSamples {
    private final Detector detector = new PiiPatternDetector();

    @Override
    protected Detector detector() {
      return detector;
    }
  }

  @Nested
  class PatternsWithBareCheckDigitIds extends WithSamples {
    private final Detector detector = PiiPatternDetector.builder().bareCheckDigitIds(true).build();

    @Override
    protected Detector detector() {
      return detector;
    }

    @Override
    protected List<String> samples() {
      return java.util.stream.Stream.concat(SAMPLES.stream(),
          java.util.stream.Stream.of("Numbers 130692544 and 10000000146 stand alone here.")).toList();
    }
  }

  @Nested
  class Secrets extends WithSamples {
    private final Detector detector = new SecretDetector();

    @Override
    protected Detector detector() {
      return detector;
    }
  }
}
