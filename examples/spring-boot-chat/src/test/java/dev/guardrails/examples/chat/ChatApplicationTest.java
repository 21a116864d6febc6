package dev.guardrails.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The example over HTTP, with the scripted model (no key, no network). The detector timeout is raised
 * from the example's 2 s: on a loaded machine the first check of a cold JVM can pass 2 s, time out and
 * block (a 422 where the test expects the redacted answer), and this test is about redaction and
 * blocking, not about the timeout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "guardrails.detector-timeout=60s")
class ChatApplicationTest {

  @Autowired
  TestRestTemplate http;

  @Test
  void emailIsRedactedKeyBlocksAndMetricsShow() {
    ResponseEntity<Map> redacted = http.postForEntity("/chat", Map.of("message", "How do I contact support?"), Map.class);
    assertThat(redacted.getStatusCode()).isEqualTo(HttpStatus.OK);
    String answer = (String) redacted.getBody().get("answer");
    assertThat(answer).startsWith("You can reach our support lead at ").doesNotContain("jane.doe@example.org");

    ResponseEntity<Map> blocked = http.postForEntity("/chat", Map.of("message", "How do I deploy?"), Map.class);
    assertThat(blocked.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(blocked.getBody().get("verdict")).isEqualTo("BLOCK");
    assertThat(blocked.toString()).doesNotContain("AKIAZ3MSJ4QW7RXT5PLN");

    ResponseEntity<Map> names = http.getForEntity("/actuator/metrics", Map.class);
    assertThat((Iterable<Object>) names.getBody().get("names"))
        .contains("guardrails.checks", "guardrails.findings", "guardrails.detector.duration");
    ResponseEntity<Map> checks = http.getForEntity("/actuator/metrics/guardrails.checks?tag=verdict:BLOCK", Map.class);
    assertThat(checks.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(checks.getBody().get("measurements").toString()).contains("value=1.0");
  }
}
