package dev.guardrails.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.CheckContext;
import dev.guardrails.Guardrail;
import dev.guardrails.client.GuardedModel;
import dev.guardrails.client.WrapOptions;
import dev.guardrails.stream.GuardedStream;
import dev.guardrails.stream.StreamOptions;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The code examples of docs/streaming.md, compiled and run: keep the two in sync. */
class StreamingDocExamplesTest {

  interface Assistant {
    String chat(String message);
  }

  @Test
  void guardedStreamExample() {
    List<String> modelChunks = List.of("Mail ann.l", "ee@exam", "ple.com for help.");
    StringBuilder ui = new StringBuilder();
    // --- docs/streaming.md: GuardedStream ---
    Guardrail guard = Guardrail.withDefaults();
    GuardedStream stream = GuardedStream.open(guard, CheckContext.empty(),
        StreamOptions.builder().maxHoldChars(1024).maxHoldTime(Duration.ofMillis(500)).build());
    for (String chunk : modelChunks) {
      ui.append(stream.accept(chunk));          // only text that is already safe
    }
    GuardedStream.Completion done = stream.complete();
    ui.append(done.rest());
    if (done.result().blocked()) {
      // done.shown() is what the user already saw; replace or retract it
    }
    // --- end ---
    assertEquals("Mail <EMAIL_1> for help.", ui.toString());
  }

  @Test
  void wrapExample() {
    Function<String, String> llm = prompt -> "Ask ann.lee@example.com.";
    // --- docs/streaming.md: wrap ---
    Guardrail guard = Guardrail.withDefaults();
    GuardedModel<String> chat = GuardedModel.of(guard, llm, WrapOptions.<String>builder()
        .context(prompt -> CheckContext.builder().prompt(prompt).build())
        .reask(WrapOptions.appendInstruction(), 2)   // on BLOCK: ask again, at most twice
        .fallback("Sorry, I can't share that.")      // then fall back (default: throw)
        .build());
    String answer = chat.apply("Who can help me?");
    // --- end ---
    assertEquals("Ask <EMAIL_1>.", answer);
  }

  @Test
  void langchain4jExample() {
    ChatModel model = new LangChain4jAdapterTest.ScriptedModel("Write to ann.lee@example.com.");
    // --- docs/streaming.md: LangChain4j ---
    Guardrail guard = Guardrail.withDefaults();
    Assistant assistant = AiServices.builder(Assistant.class)
        .chatModel(model)
        .inputGuardrails(GuardrailInputAdapter.of(guard))                 // PII out of prompts
        .outputGuardrails(GuardrailOutputAdapter.of(guard).withReprompt()) // redact / reprompt answers
        .build();
    String reply = assistant.chat("Who handles refunds?");
    // --- end ---
    assertTrue(reply.equals("Write to <EMAIL_1>."), reply);
  }
}
