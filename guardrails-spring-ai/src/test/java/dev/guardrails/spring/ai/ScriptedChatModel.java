package dev.guardrails.spring.ai;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/**
 * A ChatModel that answers from a script: the i-th call returns the i-th answer (the last one
 * repeats); streams split the answer with the given chunker. Records the user text of each prompt.
 */
final class ScriptedChatModel implements ChatModel {

  private final List<String> answers;
  private final AtomicInteger calls = new AtomicInteger();
  final List<String> prompts = Collections.synchronizedList(new ArrayList<>());
  private volatile Function<String, List<String>> chunker = a -> List.of(a);
  private volatile RuntimeException failAfterChunks;
  private volatile boolean record = true;

  ScriptedChatModel(String... answers) {
    this.answers = List.of(answers);
  }

  ScriptedChatModel chunker(Function<String, List<String>> chunker) {
    this.chunker = chunker;
    return this;
  }

  /** Streams the chunks, then fails with this error instead of completing. */
  ScriptedChatModel failAtEnd(RuntimeException error) {
    this.failAfterChunks = error;
    return this;
  }

  /** Stops recording prompts and counting calls (for benchmarks). */
  ScriptedChatModel quiet() {
    this.record = false;
    return this;
  }

  int calls() {
    return calls.get();
  }

  private String next(Prompt prompt) {
    if (!record) {
      return answers.get(0);
    }
    prompts.add(prompt.getUserMessage().getText());
    int i = calls.getAndIncrement();
    return answers.get(Math.min(i, answers.size() - 1));
  }

  static ChatResponse response(String text) {
    return new ChatResponse(List.of(new Generation(new AssistantMessage(text))));
  }

  @Override
  public ChatResponse call(Prompt prompt) {
    return response(next(prompt));
  }

  @Override
  public Flux<ChatResponse> stream(Prompt prompt) {
    return Flux.defer(() -> {
      Flux<ChatResponse> chunks = Flux.fromIterable(chunker.apply(next(prompt))).map(ScriptedChatModel::response);
      RuntimeException e = failAfterChunks;
      return e == null ? chunks : chunks.concatWith(Flux.error(e));
    });
  }
}
