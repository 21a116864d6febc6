package dev.guardrails.examples.chat;

import dev.guardrails.client.GuardrailViolationException;
import dev.guardrails.spring.ai.GuardrailAdvisor;
import java.util.List;
import java.util.Map;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A chat endpoint guarded by the guardrails starter: {@code POST /chat {"message": "..."}} answers
 * {@code {"answer": "..."}} with PII redacted; a blocked answer is HTTP 422 with the finding types.
 * Without {@code spring.ai.openai.api-key} or {@code spring.ai.ollama.base-url} it talks to
 * {@link ScriptedChatModel}.
 */
@SpringBootApplication
@RestController
public class ChatApplication {

  /** The request body. @param message the user's message */
  public record ChatRequest(String message) {}

  /** The response body. @param answer the guarded answer */
  public record ChatAnswer(String answer) {}

  private final ChatClient chat;

  /**
   * Creates the controller.
   *
   * @param model the chat model (scripted or real)
   * @param guardrails the starter's advisor
   */
  public ChatApplication(ChatModel model, GuardrailAdvisor guardrails) {
    this.chat = ChatClient.builder(model).defaultAdvisors(guardrails).build();
  }

  /**
   * Runs the app.
   *
   * @param args Spring Boot arguments
   */
  public static void main(String[] args) {
    SpringApplication.run(ChatApplication.class, args);
  }

  /** The scripted model, used when no real model is configured. */
  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  static class ScriptedModelConfiguration {
    @Bean
    @Conditional(ScriptedChatModel.NoRealModel.class)
    ScriptedChatModel scriptedChatModel() {
      return new ScriptedChatModel();
    }
  }

  /**
   * Answers one message.
   *
   * @param request the message
   * @return the guarded answer
   */
  @PostMapping("/chat")
  public ChatAnswer chat(@RequestBody ChatRequest request) {
    return new ChatAnswer(chat.prompt().user(request.message()).call().content());
  }

  /**
   * A blocked answer: 422 with the verdict and finding types (never the text).
   *
   * @param e the violation
   * @return the error body
   */
  @ExceptionHandler(GuardrailViolationException.class)
  public ResponseEntity<Map<String, Object>> blocked(GuardrailViolationException e) {
    List<String> types = e.result().findings().stream().map(f -> f.type().toString()).distinct().toList();
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
        .body(Map.of("verdict", e.result().verdict().name(), "findings", types));
  }
}
