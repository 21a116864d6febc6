package dev.guardrails.spring.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.CheckContext;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import dev.guardrails.Source;
import dev.guardrails.Verdict;
import dev.guardrails.client.GuardrailViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.ToolCallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.document.Document;
import org.springframework.ai.rag.advisor.RetrievalAugmentationAdvisor;

/** Call and input behaviour of {@link GuardrailAdvisor} through a real {@code ChatClient} and a scripted model. */
class GuardrailAdvisorTest {

  static final String CLEAN = "The meeting moved to Thursday afternoon in the large room.";
  static final String EMAIL = "jane.doe@example.org";
  static final String WITH_EMAIL = "You can write to " + EMAIL + " about the refund.";
  static final String KEY = "AKIAZ3MSJ4QW7RXT5PLN";
  static final String WITH_KEY = "Use the key " + KEY + " to log in.";

  static final Guardrail DEFAULTS = Guardrail.builder().discoverDetectors().build();
  static final Guardrail STRICT = Guardrail.builder().discoverDetectors().policy(Policy.strict()).build();

  static ChatClient client(ScriptedChatModel model, GuardrailAdvisor advisor) {
    return ChatClient.builder(model).defaultAdvisors(advisor).build();
  }

  static GuardResult result(ChatClientResponse r) {
    return (GuardResult) r.context().get(GuardrailAdvisor.RESULT);
  }

  @Test
  void cleanAnswerPassesUnchangedWithItsResult() {
    ScriptedChatModel model = new ScriptedChatModel(CLEAN);
    ChatClientResponse r = client(model, GuardrailAdvisor.builder(DEFAULTS).build())
        .prompt("When is the meeting?").call().chatClientResponse();
    assertEquals(CLEAN, r.chatResponse().getResult().getOutput().getText());
    GuardResult g = result(r);
    assertNotNull(g);
    assertTrue(g.verdict().compareTo(Verdict.FLAG) <= 0, g.toString());
    assertEquals(g.verdict().name(), r.chatResponse().getMetadata().get(GuardrailAdvisor.METADATA_VERDICT));
  }

  @Test
  void emailInAnswerIsRedacted() {
    ScriptedChatModel model = new ScriptedChatModel(WITH_EMAIL);
    ChatClientResponse r = client(model, GuardrailAdvisor.builder(DEFAULTS).build())
        .prompt("How do I get a refund?").call().chatClientResponse();
    String text = r.chatResponse().getResult().getOutput().getText();
    assertFalse(text.contains(EMAIL), text);
    assertTrue(text.startsWith("You can write to ") && text.endsWith(" about the refund."), text);
    assertEquals(Verdict.REDACT, result(r).verdict());
    List<?> findings = (List<?>) r.chatResponse().getMetadata().get(GuardrailAdvisor.METADATA_FINDINGS);
    assertTrue(findings.contains("PII/EMAIL:REDACT"), String.valueOf(findings));
  }

  @Test
  void blockedAnswerThrowsWithoutTheValueInTheMessage() {
    ScriptedChatModel model = new ScriptedChatModel(WITH_KEY);
    ChatClient chat = client(model, GuardrailAdvisor.builder(STRICT).build());
    GuardrailViolationException e = assertThrows(GuardrailViolationException.class,
        () -> chat.prompt("How do I log in?").call().content());
    assertEquals(1, e.attempts());
    assertTrue(e.result().blocked());
    assertFalse(e.getMessage().contains(KEY), e.getMessage());
  }

  @Test
  void blockedAnswerFallsBack() {
    ScriptedChatModel model = new ScriptedChatModel(WITH_KEY);
    ChatClientResponse r = client(model, GuardrailAdvisor.builder(STRICT).fallback("Sorry, no.").build())
        .prompt("How do I log in?").call().chatClientResponse();
    assertEquals("Sorry, no.", r.chatResponse().getResult().getOutput().getText());
    assertEquals("BLOCK", r.chatResponse().getMetadata().get(GuardrailAdvisor.METADATA_VERDICT));
    assertTrue(result(r).blocked());
  }

  @Test
  void blockedAnswerIsReaskedWithACorrectiveInstruction() {
    ScriptedChatModel model = new ScriptedChatModel(WITH_KEY, CLEAN);
    String answer = client(model, GuardrailAdvisor.builder(STRICT).reask(2).build())
        .prompt("How do I log in?").call().content();
    assertEquals(CLEAN, answer);
    assertEquals(2, model.calls());
    String second = model.prompts.get(1);
    assertTrue(second.startsWith("How do I log in?"), second);
    assertTrue(second.length() > "How do I log in?".length(), second);
    assertFalse(second.contains(KEY), second);
  }

  @Test
  void reasksAreBoundedThenFallBack() {
    ScriptedChatModel model = new ScriptedChatModel(WITH_KEY);
    String answer = client(model, GuardrailAdvisor.builder(STRICT).reask(2).fallback("Sorry, no.").build())
        .prompt("How do I log in?").call().content();
    assertEquals("Sorry, no.", answer);
    assertEquals(3, model.calls());
  }

  @Test
  void reasksAreBoundedThenThrow() {
    ScriptedChatModel model = new ScriptedChatModel(WITH_KEY);
    ChatClient chat = client(model, GuardrailAdvisor.builder(STRICT).reask(1).build());
    GuardrailViolationException e = assertThrows(GuardrailViolationException.class,
        () -> chat.prompt("How do I log in?").call().content());
    assertEquals(2, e.attempts());
    assertEquals(2, model.calls());
  }

  @Test
  void promptPiiIsRedactedBeforeItLeaves() {
    ScriptedChatModel model = new ScriptedChatModel(CLEAN);
    client(model, GuardrailAdvisor.builder(DEFAULTS).input(InputMode.REDACT).build())
        .prompt("Please mail the invoice to " + EMAIL + " today.").call().content();
    String sent = model.prompts.get(0);
    assertFalse(sent.contains(EMAIL), sent);
    assertTrue(sent.startsWith("Please mail the invoice to ") && sent.endsWith(" today."), sent);
  }

  @Test
  void promptWithASecretIsBlockedAndNeverSent() {
    ScriptedChatModel model = new ScriptedChatModel(CLEAN);
    ChatClient chat = client(model, GuardrailAdvisor.builder(STRICT).input(InputMode.REDACT).build());
    GuardrailViolationException e = assertThrows(GuardrailViolationException.class,
        () -> chat.prompt("My key is " + KEY + ", is it valid?").call().content());
    assertEquals(0, e.attempts());
    assertEquals(0, model.calls());
  }

  @Test
  void inputBlockModeBlocksWhatWouldBeRedacted() {
    ScriptedChatModel model = new ScriptedChatModel(CLEAN);
    ChatClientResponse r = client(model, GuardrailAdvisor.builder(DEFAULTS).input(InputMode.BLOCK).fallback("No PII please.").build())
        .prompt("Please mail the invoice to " + EMAIL + " today.").call().chatClientResponse();
    assertEquals("No PII please.", r.chatResponse().getResult().getOutput().getText());
    assertEquals(0, model.calls());
    assertEquals(Verdict.REDACT, ((GuardResult) r.context().get(GuardrailAdvisor.INPUT_RESULT)).verdict());
  }

  @Test
  void theUsersOwnEmailInTheAnswerIsAnEcho() {
    String prompt = "My address is " + EMAIL + ", where do I write about the refund?";
    // ECHO: the prompt goes out as is, and the answer repeating the user's own email is not a leak.
    ScriptedChatModel echoModel = new ScriptedChatModel(WITH_EMAIL);
    String echoed = client(echoModel, GuardrailAdvisor.builder(DEFAULTS).input(InputMode.ECHO).build())
        .prompt(prompt).call().content();
    assertEquals(WITH_EMAIL, echoed);
    assertEquals(prompt, echoModel.prompts.get(0));
    // OFF: nothing is known about the user, so the same answer is redacted.
    ScriptedChatModel offModel = new ScriptedChatModel(WITH_EMAIL);
    String redacted = client(offModel, GuardrailAdvisor.builder(DEFAULTS).input(InputMode.OFF).build())
        .prompt(prompt).call().content();
    assertFalse(redacted.contains(EMAIL), redacted);
  }

  @Test
  void userValuesPassedAsAParamAreEchoes() {
    ScriptedChatModel model = new ScriptedChatModel(WITH_EMAIL);
    String answer = client(model, GuardrailAdvisor.builder(DEFAULTS).input(InputMode.OFF).build())
        .prompt("Where do I write about the refund?")
        .advisors(a -> a.param(GuardrailAdvisor.USER_VALUES, List.of(EMAIL)))
        .call().content();
    assertEquals(WITH_EMAIL, answer);
  }

  @Test
  void ragDocumentsInTheAdviseContextBecomeSources() {
    AtomicReference<CheckContext> seen = new AtomicReference<>();
    Guardrail recording = Guardrail.builder().detector(new dev.guardrails.Detector() {
      @Override
      public void detect(dev.guardrails.text.AnalyzedText text, CheckContext ctx, dev.guardrails.FindingSink out) {
        seen.set(ctx);
      }

      @Override
      public String id() {
        return "test.recording";
      }
    }).build();
    // Stands in for RetrievalAugmentationAdvisor: runs inside the guardrail advisor and puts the
    // retrieved documents into the request context under its key.
    CallAdvisor rag = new CallAdvisor() {
      @Override
      public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
        List<Document> docs = List.of(new Document("d1", "Refunds take 14 days.", Map.of()),
            new Document("d2", "Refunds need a receipt.", Map.of()));
        return chain.nextCall(request.mutate().context(GuardrailAdvisor.RAG_DOCUMENTS, docs).build());
      }

      @Override
      public String getName() {
        return "fake-rag";
      }

      @Override
      public int getOrder() {
        return 0;
      }
    };
    ScriptedChatModel model = new ScriptedChatModel(CLEAN);
    ChatClient.builder(model).defaultAdvisors(GuardrailAdvisor.builder(recording).build(), rag).build()
        .prompt("How long do refunds take?")
        .advisors(a -> a.param(GuardrailAdvisor.SOURCES, List.of("Refunds are paid by bank transfer.")))
        .call().content();
    List<Source> sources = seen.get().sources();
    List<String> texts = new ArrayList<>();
    for (Source s : sources) {
      texts.add(s.text());
    }
    assertEquals(List.of("Refunds are paid by bank transfer.", "Refunds take 14 days.", "Refunds need a receipt."), texts);
    assertEquals("d1", sources.get(1).id());
    assertEquals("How long do refunds take?", seen.get().prompt().orElseThrow());
  }

  @Test
  void keysAndOrderMatchSpringAi() {
    assertEquals(RetrievalAugmentationAdvisor.DOCUMENT_CONTEXT, GuardrailAdvisor.RAG_DOCUMENTS);
    assertTrue(GuardrailAdvisor.DEFAULT_ORDER < ToolCallAdvisor.builder().build().getOrder(),
        "runs before (outside) the tool-calling loop by default");
    assertEquals(42, GuardrailAdvisor.builder(DEFAULTS).order(42).build().getOrder());
  }

  @Test
  void builderRejectsBadValues() {
    assertThrows(IllegalArgumentException.class, () -> GuardrailAdvisor.builder(DEFAULTS).reask(11));
    assertThrows(IllegalArgumentException.class, () -> GuardrailAdvisor.builder(DEFAULTS).reask(-1));
    assertThrows(IllegalStateException.class,
        () -> GuardrailAdvisor.builder(DEFAULTS).input(InputMode.OFF).checkOutput(false).build());
    assertInstanceOf(String.class, GuardrailAdvisor.builder(DEFAULTS).build().toString());
  }
}
