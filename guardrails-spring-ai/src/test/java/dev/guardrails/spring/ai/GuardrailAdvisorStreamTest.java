package dev.guardrails.spring.ai;

import static dev.guardrails.spring.ai.GuardrailAdvisorTest.DEFAULTS;
import static dev.guardrails.spring.ai.GuardrailAdvisorTest.EMAIL;
import static dev.guardrails.spring.ai.GuardrailAdvisorTest.KEY;
import static dev.guardrails.spring.ai.GuardrailAdvisorTest.STRICT;
import static dev.guardrails.spring.ai.GuardrailAdvisorTest.WITH_EMAIL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.GuardResult;
import dev.guardrails.client.GuardrailViolationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/** Streaming behaviour of {@link GuardrailAdvisor}: equivalence with call, BLOCK, model errors. */
class GuardrailAdvisorStreamTest {

  /** Answers with findings at the start, middle, end, split across sentences, and none. */
  static final List<String> ANSWERS = List.of(
      WITH_EMAIL,
      "jane.doe@example.org wrote first. Then bob@example.com replied, and call +1 415 555 0132 tomorrow.",
      "Your card 4111 1111 1111 1111 was charged; the IBAN GB82 WEST 1234 5698 7654 32 is on file.",
      "The chairman said every salesman should ask the stewardess. Reach him at ops@example.net",
      "Set AWS_SECRET_ACCESS_KEY and the key " + KEY + " in the config, then restart.",
      "Studies show that 90% of users prefer it. The meeting is on Thursday at 3 pm in room 4.",
      "Nothing to see here: a plain answer about the weather, which is mild and dry all week.",
      "Ann Smith lives at 221B Baker Street, London; her phone is 020 7946 0958 and her SSN 123-45-6789.");

  static List<String> randomChunks(String text, Random rnd) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int maxLen = 1 + rnd.nextInt(rnd.nextBoolean() ? 4 : 40);
    while (i < text.length()) {
      int n = Math.min(text.length() - i, 1 + rnd.nextInt(maxLen));
      out.add(text.substring(i, i + n));
      i += n;
    }
    return out;
  }

  static List<String> texts(List<ChatClientResponse> responses) {
    List<String> out = new ArrayList<>();
    for (ChatClientResponse r : responses) {
      out.add(r.chatResponse().getResult().getOutput().getText());
    }
    return out;
  }

  @Test
  void streamEqualsCallForAnyChunking() {
    GuardrailAdvisor advisor = GuardrailAdvisor.builder(DEFAULTS).input(InputMode.OFF).build();
    Random rnd = new Random(20261205L);
    int cases = 0;
    for (String answer : ANSWERS) {
      ScriptedChatModel model = new ScriptedChatModel(answer);
      ChatClient chat = ChatClient.builder(model).defaultAdvisors(advisor).build();
      String expected = chat.prompt("q").call().content();
      for (int k = 0; k < 130; k++) {
        List<String> chunks = randomChunks(answer, rnd);
        model.chunker(a -> chunks);
        List<ChatClientResponse> got = chat.prompt("q").stream().chatClientResponse().collectList().block();
        String joined = String.join("", texts(got));
        assertEquals(expected, joined, "answer " + ANSWERS.indexOf(answer) + " chunk sizes " + sizes(chunks));
        GuardResult last = (GuardResult) got.get(got.size() - 1).context().get(GuardrailAdvisor.RESULT);
        assertNotNull(last);
        cases++;
      }
    }
    assertTrue(cases >= 1000, "cases " + cases);
  }

  private static List<Integer> sizes(List<String> chunks) {
    List<Integer> s = new ArrayList<>();
    for (String c : chunks) {
      s.add(c.length());
    }
    return s;
  }

  @Test
  void redactedStreamNeverShowsTheEmail() {
    ScriptedChatModel model = new ScriptedChatModel(WITH_EMAIL).chunker(a -> List.of(a.split("(?<=\\G.{3})")));
    List<String> got = ChatClient.builder(model).defaultAdvisors(GuardrailAdvisor.builder(DEFAULTS).build()).build()
        .prompt("q").stream().content().collectList().block();
    String joined = String.join("", got);
    assertFalse(joined.contains("jane"), joined);
    assertTrue(joined.startsWith("You can write to ") && joined.endsWith(" about the refund."), joined);
  }

  @Test
  void blockStopsTheStreamAndFallsBack() {
    String answer = "Sure. Use the key " + KEY + " to log in, then open the dashboard and check the settings page.";
    ScriptedChatModel model = new ScriptedChatModel(answer).chunker(a -> List.of(a.split("(?<=\\G.{4})")));
    List<String> got = ChatClient.builder(model)
        .defaultAdvisors(GuardrailAdvisor.builder(STRICT).fallback("Sorry, no.").build()).build()
        .prompt("q").stream().content().collectList().block();
    assertEquals("Sorry, no.", got.get(got.size() - 1));
    String before = String.join("", got.subList(0, got.size() - 1));
    assertFalse(before.contains("AKIA"), before);
    assertFalse(before.contains("dashboard"), "nothing after the block is emitted: " + before);
  }

  @Test
  void blockWithoutFallbackEndsWithTheViolation() {
    ScriptedChatModel model = new ScriptedChatModel("Use the key " + KEY + " to log in.")
        .chunker(a -> List.of(a.split("(?<=\\G.{5})")));
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    Throwable error = ChatClient.builder(model).defaultAdvisors(GuardrailAdvisor.builder(STRICT).build()).build()
        .prompt("q").stream().content().doOnNext(seen::add).then().onErrorResume(e -> reactor.core.publisher.Mono.error(e))
        .materialize().block().getThrowable();
    assertInstanceOf(GuardrailViolationException.class, error);
    assertFalse(String.join("", seen).contains("AKIA"), String.join("", seen));
  }

  @Test
  void blockCancelsTheModelStream() {
    AtomicInteger produced = new AtomicInteger();
    ChatModel endless = new ChatModel() {
      @Override
      public ChatResponse call(Prompt prompt) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Flux<ChatResponse> stream(Prompt prompt) {
        return Flux.range(0, 1_000_000)
            .map(i -> ScriptedChatModel.response(i == 0 ? "Use the key " + KEY + " now." : " and more text"))
            .doOnNext(r -> produced.incrementAndGet());
      }
    };
    List<String> got = ChatClient.builder(endless)
        .defaultAdvisors(GuardrailAdvisor.builder(STRICT).fallback("Sorry, no.").build()).build()
        .prompt("q").stream().content().collectList().block();
    assertEquals(List.of("Sorry, no."), got);
    assertTrue(produced.get() < 10_000, "model stream cancelled after the block, produced " + produced.get());
  }

  @Test
  void modelErrorMidStreamEndsWithThatErrorAndEmitsNothingUnchecked() {
    IllegalStateException boom = new IllegalStateException("model went away");
    ScriptedChatModel model = new ScriptedChatModel("Contact us at the front desk. Or write to " + EMAIL.substring(0, 12))
        .chunker(a -> List.of(a.split("(?<=\\G.{6})")))
        .failAtEnd(boom);
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    Throwable error = ChatClient.builder(model).defaultAdvisors(GuardrailAdvisor.builder(DEFAULTS).build()).build()
        .prompt("q").stream().content().doOnNext(seen::add).then().materialize().block().getThrowable();
    assertSame(boom, error);
    String shown = String.join("", seen);
    assertFalse(shown.contains("jane"), shown);
    assertTrue("Contact us at the front desk. Or write to ".startsWith(shown), shown);
  }

  @Test
  void blockedPromptInAStreamIsNeverSent() {
    ScriptedChatModel model = new ScriptedChatModel("ok");
    Throwable error = ChatClient.builder(model)
        .defaultAdvisors(GuardrailAdvisor.builder(STRICT).input(InputMode.REDACT).build()).build()
        .prompt("my key is " + KEY).stream().content().then().materialize().block().getThrowable();
    assertInstanceOf(GuardrailViolationException.class, error);
    assertEquals(0, model.calls());
  }
}
