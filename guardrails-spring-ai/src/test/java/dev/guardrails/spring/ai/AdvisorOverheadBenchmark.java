package dev.guardrails.spring.ai;

import dev.guardrails.Guardrail;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.ai.chat.client.ChatClient;

/**
 * Overhead of {@link GuardrailAdvisor} beyond the check itself, with a scripted model: {@code
 * checkedByHand} calls a plain {@code ChatClient} and checks the answer with the same guardrail;
 * {@code advisor} lets the advisor do it. Their difference is the advisor's overhead (target: under
 * 5 us per call); {@code plain} is the ChatClient alone.
 *
 * <p>Run (from the repository root; test classes hold the generated benchmark code):
 * <pre>
 * ./mvnw -B -q -pl guardrails-spring-ai -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/spring-ai.cp -Dmdep.includeScope=test
 * java -cp guardrails-spring-ai/target/test-classes:guardrails-spring-ai/target/classes:$(cat guardrails-spring-ai/target/spring-ai.cp) \
 *     org.openjdk.jmh.Main AdvisorOverheadBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AdvisorOverheadBenchmark {

  /** A typical short answer with one email (REDACT) or none (PASS). */
  @Param({"You can write to jane.doe@example.org about the refund.", "The meeting moved to Thursday afternoon in the large room."})
  public String answer;

  /** Whether the advisor also checks the prompt (ECHO) or not (OFF). */
  @Param({"OFF", "ECHO"})
  public String input;

  public String question = "How do I get a refund?";

  private Guardrail guard;
  private ChatClient plain;
  private ChatClient guarded;

  /** Builds the guardrail and both clients once. */
  @Setup
  public void setup() {
    guard = Guardrail.builder().discoverDetectors().build();
    ScriptedChatModel model = new ScriptedChatModel(answer).quiet();
    plain = ChatClient.builder(model).build();
    guarded = ChatClient.builder(model)
        .defaultAdvisors(GuardrailAdvisor.builder(guard).input(InputMode.valueOf(input)).build())
        .build();
  }

  /** The ChatClient call alone. */
  @Benchmark
  public String plain() {
    String a = plain.prompt(question).call().content();
    return a;
  }

  /** The ChatClient call, then the check by hand (and of the prompt when input is ECHO). */
  @Benchmark
  public String checkedByHand() {
    if (input.equals("ECHO")) {
      guard.check(question);
    }
    return guard.check(plain.prompt(question).call().content()).safeText();
  }

  /** The ChatClient call with the advisor. */
  @Benchmark
  public String advisor() {
    return guarded.prompt(question).call().content();
  }
}
