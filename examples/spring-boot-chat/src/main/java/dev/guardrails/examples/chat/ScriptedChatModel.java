package dev.guardrails.examples.chat;

import java.util.List;
import java.util.Locale;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import reactor.core.publisher.Flux;

/**
 * A model that needs no API key: it answers from a tiny script keyed on words of the question, so
 * the guardrails can be seen at work (an email to redact, a leaked key to block). Thread-safe.
 */
public final class ScriptedChatModel implements ChatModel {

  static String answer(String question) {
    String q = question.toLowerCase(Locale.ROOT);
    if (q.contains("contact") || q.contains("email")) {
      return "You can reach our support lead at jane.doe@example.org during office hours.";
    }
    if (q.contains("key") || q.contains("deploy")) {
      return "Deploy with the access key AKIAZ3MSJ4QW7RXT5PLN and the usual script.";
    }
    return "Our office is open Monday to Friday, nine to five.";
  }

  @Override
  public ChatResponse call(Prompt prompt) {
    String q = prompt.getUserMessage() == null ? "" : prompt.getUserMessage().getText();
    return new ChatResponse(List.of(new Generation(new AssistantMessage(answer(q)))));
  }

  @Override
  public Flux<ChatResponse> stream(Prompt prompt) {
    String a = call(prompt).getResult().getOutput().getText();
    return Flux.fromArray(a.split("(?<= )")).map(w -> new ChatResponse(List.of(new Generation(new AssistantMessage(w)))));
  }

  /** True when neither an OpenAI key nor an Ollama URL is configured. */
  static final class NoRealModel implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      var env = context.getEnvironment();
      return !env.containsProperty("spring.ai.openai.api-key") && !env.containsProperty("spring.ai.ollama.base-url");
    }
  }
}
