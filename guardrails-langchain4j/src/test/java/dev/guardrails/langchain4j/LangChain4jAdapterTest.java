package dev.guardrails.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.Action;
import dev.guardrails.Category;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.InputGuardrailException;
import dev.langchain4j.guardrail.OutputGuardrailException;
import dev.langchain4j.guardrail.config.OutputGuardrailsConfig;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.AiServices;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Wires the adapters into LangChain4j AI services backed by a scripted in-process ChatModel. */
class LangChain4jAdapterTest {

  interface Assistant {
    String chat(String message);
  }

  /** Answers with the next scripted text and records every request's messages. */
  static final class ScriptedModel implements ChatModel {
    final Deque<String> answers = new ArrayDeque<>();
    final List<List<ChatMessage>> requests = new ArrayList<>();

    ScriptedModel(String... answers) {
      this.answers.addAll(List.of(answers));
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
      requests.add(List.copyOf(request.messages()));
      return ChatResponse.builder().aiMessage(AiMessage.from(answers.removeFirst())).build();
    }

    String lastUserText() {
      List<ChatMessage> last = requests.get(requests.size() - 1);
      for (int i = last.size() - 1; i >= 0; i--) {
        if (last.get(i) instanceof UserMessage u) {
          return u.singleText();
        }
      }
      return "";
    }
  }

  static final Guardrail REDACTING = Guardrail.builder().discoverDetectors().policy(Policy.defaults()).build();
  static final Guardrail BLOCKING = Guardrail.builder().discoverDetectors()
      .policy(Policy.builder().rule(Category.PII, Action.BLOCK).build()).build();

  @Test
  void redactsTheAnswer() {
    ScriptedModel model = new ScriptedModel("Write to ann.lee@example.com for a refund.");
    Assistant a = AiServices.builder(Assistant.class).chatModel(model)
        .outputGuardrails(GuardrailOutputAdapter.of(REDACTING)).build();
    assertEquals("Write to <EMAIL_1> for a refund.", a.chat("Who handles refunds?"));
  }

  @Test
  void cleanAnswerPassesUnchanged() {
    ScriptedModel model = new ScriptedModel("Refunds take five days.");
    Assistant a = AiServices.builder(Assistant.class).chatModel(model)
        .outputGuardrails(GuardrailOutputAdapter.of(REDACTING)).build();
    assertEquals("Refunds take five days.", a.chat("How long?"));
  }

  @Test
  void blocksTheAnswerWithoutLeakingItInTheError() {
    ScriptedModel model = new ScriptedModel("Write to ann.lee@example.com.");
    Assistant a = AiServices.builder(Assistant.class).chatModel(model)
        .outputGuardrails(GuardrailOutputAdapter.of(BLOCKING)).build();
    OutputGuardrailException e = assertThrows(OutputGuardrailException.class, () -> a.chat("Who?"));
    assertTrue(e.getMessage().contains("PII/EMAIL"), e.getMessage());
    assertFalse(e.getMessage().contains("ann.lee"), e.getMessage());
  }

  @Test
  void repromptsWithACorrectiveInstructionAndReturnsTheCleanRetry() {
    ScriptedModel model = new ScriptedModel("Write to ann.lee@example.com.", "Use the contact form on our site.");
    Assistant a = AiServices.builder(Assistant.class).chatModel(model)
        .outputGuardrails(GuardrailOutputAdapter.of(BLOCKING).withReprompt()).build();
    assertEquals("Use the contact form on our site.", a.chat("Who handles refunds?"));
    assertEquals(2, model.requests.size());
    String reprompt = model.lastUserText();
    assertTrue(reprompt.contains("email (PII)"), reprompt);
    assertFalse(reprompt.contains("ann.lee"), reprompt);
  }

  @Test
  void repromptRetriesAreBoundedByLangChain4j() {
    ScriptedModel model = new ScriptedModel("a@example.com", "b@example.com", "c@example.com", "d@example.com");
    Assistant a = AiServices.builder(Assistant.class).chatModel(model)
        .outputGuardrailsConfig(OutputGuardrailsConfig.builder().maxRetries(2).build())
        .outputGuardrails(GuardrailOutputAdapter.of(BLOCKING).withReprompt()).build();
    assertThrows(OutputGuardrailException.class, () -> a.chat("q"));
    assertTrue(model.requests.size() <= 3, "requests: " + model.requests.size());
  }

  @Test
  void inputGuardrailRemovesPiiBeforeTheModelSeesIt() {
    ScriptedModel model = new ScriptedModel("Noted.");
    Assistant a = AiServices.builder(Assistant.class).chatModel(model)
        .inputGuardrails(GuardrailInputAdapter.of(REDACTING)).build();
    assertEquals("Noted.", a.chat("My email is ann.lee@example.com, update it."));
    assertEquals("My email is <EMAIL_1>, update it.", model.lastUserText());

    Assistant strict = AiServices.builder(Assistant.class).chatModel(new ScriptedModel("never"))
        .inputGuardrails(GuardrailInputAdapter.of(BLOCKING)).build();
    InputGuardrailException e = assertThrows(InputGuardrailException.class, () -> strict.chat("mail ann.lee@example.com"));
    assertFalse(e.getMessage().contains("ann.lee"));
  }
}
