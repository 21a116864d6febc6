package dev.guardrails.spring.ai;

import dev.guardrails.Action;
import dev.guardrails.Category;
import dev.guardrails.CheckContext;
import dev.guardrails.Decision;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.Source;
import dev.guardrails.Verdict;
import dev.guardrails.client.GuardedModel;
import dev.guardrails.client.GuardrailViolationException;
import dev.guardrails.stream.GuardedStream;
import dev.guardrails.stream.StreamOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.document.Document;
import org.springframework.core.Ordered;
import reactor.core.publisher.Flux;

/**
 * A Spring AI {@code ChatClient} advisor that guards both directions of a chat turn with a
 * {@link Guardrail}, for {@code call()} and {@code stream()}.
 *
 * <pre>{@code
 * ChatClient chat = ChatClient.builder(chatModel)
 *     .defaultAdvisors(GuardrailAdvisor.builder(Guardrail.withDefaults()).fallback("Sorry, I can't share that.").build())
 *     .build();
 * }</pre>
 *
 * <p><b>Answer (call).</b> PASS and FLAG return the answer unchanged; REDACT returns its safe text;
 * BLOCK re-asks the model with a corrective instruction naming the finding types (at most
 * {@link Builder#reask(int)} times), then returns the {@link Builder#fallback(String) fallback}
 * message, or throws {@link GuardrailViolationException} when none is set. The {@link GuardResult}
 * is put in the response context under {@link #RESULT}; the chat response's metadata gets the
 * verdict under {@link #METADATA_VERDICT} and the finding types and actions (never text) under
 * {@link #METADATA_FINDINGS}.
 *
 * <p><b>Answer (stream).</b> The chunks run through a {@link GuardedStream}: only text that no later
 * text can change is emitted, already redacted, so the concatenated stream equals the call result
 * for the same answer. BLOCK stops the stream at once (the model's stream is cancelled), then the
 * fallback message is emitted as a last chunk or the stream ends with
 * {@link GuardrailViolationException} (a stream is never re-asked: text may already be shown). A
 * model error mid-stream ends the stream with that error; the held-back, unchecked tail is dropped.
 * The last chunk carries the result in its context and metadata.
 *
 * <p><b>Prompt.</b> See {@link InputMode}: the user message is checked (by {@link
 * Builder#inputGuardrail(Guardrail)}, by default the same guardrail) before it leaves; PII the model
 * sees in it is passed to the answer's check as the user's own values. Callers can add values with
 * {@code .advisors(a -> a.param(GuardrailAdvisor.USER_VALUES, List.of("ann@example.com")))}. A blocked
 * prompt is never sent; the fallback is returned or {@link GuardrailViolationException} (attempts 0)
 * thrown; its result is in the context under {@link #INPUT_RESULT}.
 *
 * <p><b>Sources.</b> Documents that a RAG advisor (running after this one) put into the advise
 * context become {@link CheckContext#sources()} of the answer's check, so claims are checked against
 * them: the keys {@link #RAG_DOCUMENTS} ({@code RetrievalAugmentationAdvisor}), {@link #QA_DOCUMENTS}
 * ({@code QuestionAnswerAdvisor}) and {@link #SOURCES} (set by the caller) are read, each a
 * collection of {@link Document}, {@link Source} or strings.
 *
 * <p><b>Order.</b> {@link #DEFAULT_ORDER} runs this advisor before (outside) the tool-calling
 * advisor and RAG advisors, so it sees the first request and the final answer; a chat-memory advisor
 * (order {@code DEFAULT_CHAT_MEMORY_PRECEDENCE_ORDER}) runs inside it and stores the unguarded turn.
 * Set {@link Builder#order(int)} to place it elsewhere.
 *
 * <p>Immutable and thread-safe.
 */
public final class GuardrailAdvisor implements CallAdvisor, StreamAdvisor {

  /** Default order: {@code HIGHEST_PRECEDENCE + 200}, before {@code ToolCallAdvisor} ({@code + 300}). */
  public static final int DEFAULT_ORDER = Ordered.HIGHEST_PRECEDENCE + 200;
  /** Advise-context key of the answer's {@link GuardResult} (in the response context). */
  public static final String RESULT = "guardrails.result";
  /** Advise-context key of the prompt's {@link GuardResult} (in the response context). */
  public static final String INPUT_RESULT = "guardrails.input-result";
  /** Advise-context key (param) of the user's own values: a collection of strings. */
  public static final String USER_VALUES = "guardrails.user-values";
  /** Advise-context key (param) of grounding sources: a collection of Documents, Sources or strings. */
  public static final String SOURCES = "guardrails.sources";
  /** The key where Spring AI's {@code RetrievalAugmentationAdvisor} puts the retrieved documents. */
  public static final String RAG_DOCUMENTS = "rag_document_context";
  /** The key where Spring AI's {@code QuestionAnswerAdvisor} puts the retrieved documents. */
  public static final String QA_DOCUMENTS = "qa_retrieved_documents";
  /** Chat-response metadata key of the verdict name ({@code PASS}, {@code FLAG}, ...). */
  public static final String METADATA_VERDICT = "guardrails.verdict";
  /** Chat-response metadata key of the findings: strings {@code CATEGORY/TYPE:ACTION}, no text. */
  public static final String METADATA_FINDINGS = "guardrails.findings";

  private static final List<String> SOURCE_KEYS = List.of(SOURCES, RAG_DOCUMENTS, QA_DOCUMENTS);

  private final Guardrail guard;
  private final Guardrail inputGuard;
  private final boolean checkOutput;
  private final InputMode inputMode;
  private final int maxRetries;
  private final String fallback;
  private final StreamOptions streamOptions;
  private final int order;
  private final String name;

  private GuardrailAdvisor(Builder b) {
    this.guard = b.guard;
    this.inputGuard = b.inputGuard == null ? b.guard : b.inputGuard;
    this.checkOutput = b.checkOutput;
    this.inputMode = b.inputMode;
    this.maxRetries = b.maxRetries;
    this.fallback = b.fallback;
    this.streamOptions = b.streamOptions;
    this.order = b.order;
    this.name = b.name;
  }

  /**
   * Returns a builder for an advisor that checks answers with the given guardrail.
   *
   * @param guardrail the guardrail of the answers (and, unless set apart, of the prompts)
   * @return the builder
   */
  public static Builder builder(Guardrail guardrail) {
    return new Builder(Objects.requireNonNull(guardrail, "guardrail"));
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public int getOrder() {
    return order;
  }

  // ---------------------------------------------------------------- call

  @Override
  public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
    Input in = input(request);
    if (in.blocked) {
      return blocked(null, in.request.context(), in.result, INPUT_RESULT, 0);
    }
    if (!checkOutput) {
      return withInputResult(chain.nextCall(in.request), in.result);
    }
    ChatClientRequest next = in.request;
    for (int attempt = 1; ; attempt++) {
      ChatClientResponse response = (maxRetries == 0 ? chain : chain.copy(this)).nextCall(next);
      ChatResponse cr = response.chatResponse();
      if (cr == null || cr.getResults().isEmpty()) {
        return withInputResult(response, in.result);
      }
      CheckContext ctx = context(in, response.context());
      List<Generation> gens = cr.getResults();
      List<GuardResult> results = new ArrayList<>(gens.size());
      GuardResult worst = null;
      for (Generation g : gens) {
        String text = g.getOutput() == null ? null : g.getOutput().getText();
        GuardResult r = text == null ? null : guard.check(text, ctx);
        results.add(r);
        if (r != null && (worst == null || r.verdict().compareTo(worst.verdict()) > 0)) {
          worst = r;
        }
      }
      if (worst == null) {
        return withInputResult(response, in.result);
      }
      if (!worst.blocked()) {
        List<Generation> safe = new ArrayList<>(gens.size());
        for (int i = 0; i < gens.size(); i++) {
          GuardResult r = results.get(i);
          Generation g = gens.get(i);
          safe.add(r == null || r.passed() || r.verdict() == Verdict.FLAG ? g : withText(g, r.safeText()));
        }
        ChatResponse out = annotate(ChatResponse.builder().from(cr).generations(safe), worst).build();
        ChatClientResponse.Builder b = response.mutate().chatResponse(out).context(RESULT, worst);
        return (in.result == null ? b : b.context(INPUT_RESULT, in.result)).build();
      }
      if (attempt > maxRetries) {
        return blocked(cr, response.context(), worst, RESULT, attempt);
      }
      next = withInstruction(in.request, GuardedModel.correctiveInstruction(worst));
    }
  }

  // ---------------------------------------------------------------- stream

  @Override
  public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
    return Flux.defer(() -> {
      Input in = input(request);
      if (in.blocked) {
        return Flux.just(blocked(null, in.request.context(), in.result, INPUT_RESULT, 0));
      }
      if (!checkOutput) {
        return chain.nextStream(in.request);
      }
      StreamState st = new StreamState();
      return chain.nextStream(in.request)
          .<ChatClientResponse>handle((response, sink) -> {
            st.last = response;
            ChatResponse cr = response.chatResponse();
            String text = cr == null || cr.getResult() == null || cr.getResult().getOutput() == null
                ? null : cr.getResult().getOutput().getText();
            if (st.stream == null) {
              st.stream = GuardedStream.open(guard, context(in, response.context()), streamOptions);
            }
            if (text == null || text.isEmpty()) {
              return; // metadata-only chunk: its metadata rides on the last chunk
            }
            String shown = st.stream.accept(text);
            if (st.stream.isBlocked()) {
              sink.complete(); // cancels the model's stream
              return;
            }
            if (!shown.isEmpty()) {
              sink.next(chunk(response, shown, null, null));
            }
          })
          .concatWith(Flux.defer(() -> finish(st, in)))
          .doOnCancel(st::cancel)
          .doOnError(e -> st.cancel());
    });
  }

  private Flux<ChatClientResponse> finish(StreamState st, Input in) {
    if (st.stream == null) {
      return Flux.empty();
    }
    GuardedStream.Completion c = st.stream.complete();
    GuardResult r = c.result();
    if (r.blocked()) {
      ChatResponse last = st.last.chatResponse();
      return Flux.just(blocked(last, st.last.context(), r, RESULT, 1));
    }
    return Flux.just(chunk(st.last, c.rest(), r, in.result));
  }

  /** Per-subscription state of one streamed answer; signals are serialized, so no locking. */
  private static final class StreamState {
    GuardedStream stream;
    ChatClientResponse last;

    void cancel() {
      if (stream != null) {
        stream.cancel();
      }
    }
  }

  private static ChatClientResponse chunk(ChatClientResponse response, String text, GuardResult result, GuardResult input) {
    ChatResponse cr = response.chatResponse();
    Generation g = cr == null || cr.getResult() == null ? new Generation(new AssistantMessage(text)) : withText(cr.getResult(), text);
    ChatResponse.Builder b = cr == null ? ChatResponse.builder() : ChatResponse.builder().from(cr);
    b.generations(List.of(g));
    if (result != null) {
      annotate(b, result);
    }
    ChatClientResponse.Builder out = response.mutate().chatResponse(b.build());
    if (result != null) {
      out.context(RESULT, result);
    }
    if (input != null) {
      out.context(INPUT_RESULT, input);
    }
    return out.build();
  }

  // ---------------------------------------------------------------- shared

  /** The prompt after the input check, the user's own values, and the prompt's result. */
  private record Input(ChatClientRequest request, Set<String> userValues, String prompt, GuardResult result, boolean blocked) {}

  private Input input(ChatClientRequest request) {
    Set<String> userValues = new LinkedHashSet<>();
    Object given = request.context().get(USER_VALUES);
    if (given instanceof Collection<?> c) {
      for (Object o : c) {
        if (o != null) {
          userValues.add(o.toString());
        }
      }
    } else if (given instanceof CharSequence s) {
      userValues.add(s.toString());
    }
    UserMessage um = request.prompt().getUserMessage();
    String text = um == null ? null : um.getText();
    if (inputMode == InputMode.OFF || text == null || text.isBlank()) {
      return new Input(request, userValues, text, null, false);
    }
    GuardResult r = inputGuard.check(text, CheckContext.empty());
    boolean block = r.blocked() || inputMode == InputMode.BLOCK && r.verdict() == Verdict.REDACT;
    if (block) {
      return new Input(request, userValues, text, r, true);
    }
    boolean redact = inputMode == InputMode.REDACT && r.verdict() == Verdict.REDACT;
    for (Decision d : r.decisions()) {
      if (d.finding().category() == Category.PII && !(redact && d.action() == Action.REDACT)) {
        userValues.add(text.substring(d.finding().start(), d.finding().end()));
      }
    }
    if (!redact) {
      return new Input(request, userValues, text, r, false);
    }
    String safe = r.safeText();
    Prompt p = request.prompt().augmentUserMessage(u -> u.mutate().text(safe).build());
    return new Input(request.mutate().prompt(p).build(), userValues, safe, r, false);
  }

  private CheckContext context(Input in, Map<String, Object> responseContext) {
    CheckContext.Builder b = CheckContext.builder();
    if (in.prompt != null) {
      b.prompt(in.prompt);
    }
    for (String v : in.userValues) {
      b.userValue(v);
    }
    Set<String> ids = new LinkedHashSet<>();
    Set<Source> seen = new LinkedHashSet<>();
    for (String key : SOURCE_KEYS) {
      Object v = responseContext.get(key);
      if (v == null) {
        v = in.request.context().get(key);
      }
      if (v instanceof Collection<?> c) {
        for (Object o : c) {
          Source s = toSource(o, ids.size() + 1);
          if (s != null && seen.add(s)) {
            String id = s.id();
            for (int n = 2; !ids.add(id); n++) {
              id = s.id() + "#" + n;
            }
            b.source(id.equals(s.id()) ? s : Source.of(id, s.text()));
          }
        }
      }
    }
    return b.build();
  }

  private static Source toSource(Object o, int n) {
    if (o instanceof Source s) {
      return s;
    }
    if (o instanceof Document d) {
      String text = d.getText();
      return text == null ? null : Source.of(d.getId() == null ? "source-" + n : d.getId(), text);
    }
    if (o instanceof CharSequence s) {
      return Source.of("source-" + n, s.toString());
    }
    return null;
  }

  private static ChatClientRequest withInstruction(ChatClientRequest request, String instruction) {
    Prompt p = request.prompt().augmentUserMessage(u -> u.mutate().text(u.getText() + "\n\n" + instruction).build());
    return request.mutate().prompt(p).build();
  }

  private static Generation withText(Generation g, String text) {
    AssistantMessage m = g.getOutput();
    AssistantMessage safe = AssistantMessage.builder()
        .content(text)
        .properties(m.getMetadata())
        .toolCalls(m.getToolCalls())
        .media(m.getMedia())
        .build();
    return new Generation(safe, g.getMetadata());
  }

  private static ChatResponse.Builder annotate(ChatResponse.Builder b, GuardResult r) {
    List<String> findings = new ArrayList<>(r.decisions().size());
    for (Decision d : r.decisions()) {
      findings.add(d.finding().type() + ":" + d.action());
    }
    return b.metadata(METADATA_VERDICT, r.verdict().name()).metadata(METADATA_FINDINGS, List.copyOf(findings));
  }

  private ChatClientResponse withInputResult(ChatClientResponse response, GuardResult input) {
    return input == null ? response : response.mutate().context(INPUT_RESULT, input).build();
  }

  /** The fallback as a response, or the exception. */
  private ChatClientResponse blocked(ChatResponse last, Map<String, Object> context, GuardResult r, String key, int attempts) {
    if (fallback == null) {
      throw new GuardrailViolationException(r, attempts);
    }
    ChatResponse.Builder b = last == null ? ChatResponse.builder() : ChatResponse.builder().from(last);
    b.generations(List.of(new Generation(new AssistantMessage(fallback))));
    Map<String, Object> ctx = new HashMap<>(context);
    ctx.put(key, r);
    return ChatClientResponse.builder().chatResponse(annotate(b, r).build()).context(ctx).build();
  }

  @Override
  public String toString() {
    return "GuardrailAdvisor[order=" + order + ", input=" + inputMode + ", output=" + checkOutput
        + ", reask=" + maxRetries + ", fallback=" + (fallback != null) + ", " + guard + "]";
  }

  /** Builds a {@link GuardrailAdvisor}. Not thread-safe; the advisor it builds is. */
  public static final class Builder {
    private final Guardrail guard;
    private Guardrail inputGuard;
    private boolean checkOutput = true;
    private InputMode inputMode = InputMode.ECHO;
    private int maxRetries;
    private String fallback;
    private StreamOptions streamOptions = StreamOptions.defaults();
    private int order = DEFAULT_ORDER;
    private String name = "GuardrailAdvisor";

    private Builder(Guardrail guard) {
      this.guard = guard;
    }

    /**
     * Sets what happens to the user's prompt (default {@link InputMode#ECHO}).
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder input(InputMode mode) {
      this.inputMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Sets the guardrail of the prompts, e.g. {@code guard.only(d -> !d.id().startsWith("claims"))}
     * (default: the answers' guardrail).
     *
     * @param guardrail the guardrail
     * @return this builder
     */
    public Builder inputGuardrail(Guardrail guardrail) {
      this.inputGuard = Objects.requireNonNull(guardrail, "guardrail");
      return this;
    }

    /**
     * Turns the answer check off (an input-only advisor) or on (default on).
     *
     * @param check whether answers are checked
     * @return this builder
     */
    public Builder checkOutput(boolean check) {
      this.checkOutput = check;
      return this;
    }

    /**
     * Re-asks a blocked (call) answer up to {@code maxRetries} times with a corrective instruction
     * appended to the user message (finding types only, never values); 0 turns re-asking off.
     *
     * @param maxRetries extra model calls at most, {@code 0..10}
     * @return this builder
     * @throws IllegalArgumentException if maxRetries is outside {@code 0..10}
     */
    public Builder reask(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 10) {
        throw new IllegalArgumentException("maxRetries must be in 0..10: " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Returns this message instead of a blocked answer or prompt; without it the advisor throws
     * {@link GuardrailViolationException}.
     *
     * @param message the message shown to the user
     * @return this builder
     */
    public Builder fallback(String message) {
      this.fallback = Objects.requireNonNull(message, "message");
      return this;
    }

    /**
     * Sets the hold-back limits of streamed answers.
     *
     * @param options the options
     * @return this builder
     */
    public Builder streamOptions(StreamOptions options) {
      this.streamOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Sets the advisor order (default {@link #DEFAULT_ORDER}).
     *
     * @param order the order; lower runs first (outside)
     * @return this builder
     */
    public Builder order(int order) {
      this.order = order;
      return this;
    }

    /**
     * Sets the advisor name, as shown in Spring AI's observations (default {@code GuardrailAdvisor}).
     *
     * @param name a non-blank name
     * @return this builder
     */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      this.name = name;
      return this;
    }

    /**
     * Returns the advisor.
     *
     * @return the immutable advisor
     * @throws IllegalStateException if neither the prompt nor the answer would be checked
     */
    public GuardrailAdvisor build() {
      if (!checkOutput && inputMode == InputMode.OFF) {
        throw new IllegalStateException("the advisor checks neither prompts nor answers; set input(...) or checkOutput(true)");
      }
      return new GuardrailAdvisor(this);
    }
  }
}
