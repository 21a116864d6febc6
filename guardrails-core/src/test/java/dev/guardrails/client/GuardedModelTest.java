package dev.guardrails.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.Action;
import dev.guardrails.Category;
import dev.guardrails.Detector;
import dev.guardrails.Finding;
import dev.guardrails.FindingType;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import dev.guardrails.Verdict;
import dev.guardrails.stream.StreamOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class GuardedModelTest {

  static final FindingType SECRET = FindingType.of(Category.SECRET, "API_KEY");
  static final FindingType EMAIL = FindingType.of(Category.PII, "EMAIL");

  /** "sk-" followed by 8+ letters/digits is a secret (BLOCK); "x@y.z"-ish words are emails (REDACT). */
  static final Detector KEYS_AND_MAILS = (at, ctx, out) -> {
    String t = at.original();
    for (int i = t.indexOf("sk-"); i >= 0; i = t.indexOf("sk-", i + 1)) {
      int e = i + 3;
      while (e < t.length() && Character.isLetterOrDigit(t.charAt(e))) {
        e++;
      }
      if (e - i >= 11) {
        out.accept(Finding.of("test.keys", SECRET, i, e, 1.0, "api key"));
      }
    }
    for (int i = t.indexOf('@'); i >= 0; i = t.indexOf('@', i + 1)) {
      int s = i;
      while (s > 0 && Character.isLetter(t.charAt(s - 1))) {
        s--;
      }
      int e = i + 1;
      while (e < t.length() && (Character.isLetter(t.charAt(e)) || t.charAt(e) == '.')) {
        e++;
      }
      if (s < i && e > i + 1) {
        out.accept(Finding.of("test.keys", EMAIL, s, e, 0.9, "email"));
      }
    }
  };

  static final Guardrail GUARD = Guardrail.builder().detector(KEYS_AND_MAILS)
      .policy(Policy.builder().rule(Category.SECRET, Action.BLOCK).rule(Category.PII, Action.REDACT).build())
      .build();

  @Test
  void redactsAndPassesThrough() {
    GuardedModel<String> m = GuardedModel.of(GUARD, q -> "write to ann@example.com");
    assertEquals("write to <EMAIL>", m.apply("q"));
    assertEquals("fine", GuardedModel.of(GUARD, (String q) -> "fine").apply("q"));
  }

  @Test
  void throwsTypedExceptionWithoutRawText() {
    GuardedModel<String> m = GuardedModel.of(GUARD, q -> "the key is sk-abcdef123456");
    GuardrailViolationException e = assertThrows(GuardrailViolationException.class, () -> m.apply("q"));
    assertEquals(Verdict.BLOCK, e.result().verdict());
    assertEquals(1, e.attempts());
    assertFalse(e.getMessage().contains("sk-abc"), e.getMessage());
    assertTrue(e.getMessage().contains("SECRET"), e.getMessage());
  }

  @Test
  void fallbackMessage() {
    GuardedModel<String> m = GuardedModel.of(GUARD, q -> "sk-abcdef123456", WrapOptions.<String>builder().fallback("Sorry.").build());
    GuardedModel.Reply r = m.reply("q");
    assertEquals("Sorry.", r.text());
    assertTrue(r.result().blocked());
  }

  @Test
  void reasksWithCorrectiveInstructionNamingTypesOnly() {
    List<String> prompts = new ArrayList<>();
    Function<String, String> model = p -> {
      prompts.add(p);
      return prompts.size() == 1 ? "use sk-abcdef123456" : "use the key from your dashboard";
    };
    GuardedModel<String> m = GuardedModel.of(GUARD, model, WrapOptions.<String>builder().reask(WrapOptions.appendInstruction(), 2).build());
    GuardedModel.Reply r = m.reply("How do I call the API?");
    assertEquals("use the key from your dashboard", r.text());
    assertEquals(2, r.attempts());
    assertTrue(prompts.get(1).startsWith("How do I call the API?\n\n"));
    assertTrue(prompts.get(1).contains("api key (SECRET)"), prompts.get(1));
    assertFalse(prompts.get(1).contains("sk-abc"));
  }

  @Test
  void retriesAreBounded() {
    List<String> prompts = Collections.synchronizedList(new ArrayList<>());
    Function<String, String> model = p -> {
      prompts.add(p);
      return "sk-abcdef123456";
    };
    GuardedModel<String> m = GuardedModel.of(GUARD, model, WrapOptions.<String>builder().reask(WrapOptions.appendInstruction(), 2).build());
    GuardrailViolationException e = assertThrows(GuardrailViolationException.class, () -> m.apply("q"));
    assertEquals(3, e.attempts());
    assertEquals(3, prompts.size());
    assertTrue(prompts.get(2).startsWith("q\n\n"), "re-asks build on the original input, not on each other");
    assertEquals(1, prompts.get(2).split("withheld", -1).length - 1);
  }

  @Test
  void asyncVariant() {
    List<String> prompts = new ArrayList<>();
    Function<String, CompletableFuture<String>> model = p -> {
      prompts.add(p);
      return CompletableFuture.supplyAsync(() -> prompts.size() == 1 ? "sk-abcdef123456" : "mail bob@x.io");
    };
    Function<String, CompletableFuture<String>> g = GuardedModel.async(GUARD, model,
        WrapOptions.<String>builder().reask(WrapOptions.appendInstruction(), 1).build());
    assertEquals("mail <EMAIL>", g.apply("q").join());
    Function<String, CompletableFuture<String>> failing = GuardedModel.async(GUARD,
        p -> CompletableFuture.completedFuture("sk-abcdef123456"), WrapOptions.defaults());
    CompletionException e = assertThrows(CompletionException.class, () -> failing.apply("q").join());
    assertInstanceOf(GuardrailViolationException.class, e.getCause());
  }

  @Test
  void streamingVariantRedactsAndBlocks() throws InterruptedException {
    String answer = "Hello there, write to ann@example.com for help. ".repeat(6);
    Function<String, Flow.Publisher<String>> model = p -> {
      SubmissionPublisher<String> pub = new SubmissionPublisher<>();
      CompletableFuture.runAsync(() -> {
        while (pub.getNumberOfSubscribers() == 0) {
          Thread.onSpinWait();
        }
        String text = p.equals("bad") ? answer + "sk-abcdef123456 " + answer : answer;
        for (int i = 0; i < text.length(); i += 4) {
          pub.submit(text.substring(i, Math.min(text.length(), i + 4)));
        }
        pub.close();
      });
      return pub;
    };
    WrapOptions<String> opts = WrapOptions.<String>builder().streamOptions(StreamOptions.builder().maxHoldChars(64).build()).build();
    Function<String, Flow.Publisher<String>> g = GuardedModel.streaming(GUARD, model, opts);
    Collected ok = collect(g.apply("good"));
    assertEquals(GUARD.check(answer).safeText(), ok.text.toString());
    assertTrue(ok.chunks > 2, "text arrives in several chunks");
    assertTrue(ok.error == null);

    Collected bad = collect(g.apply("bad"));
    assertInstanceOf(GuardrailViolationException.class, bad.error);
    assertFalse(bad.text.toString().contains("sk-"));

    Function<String, Flow.Publisher<String>> fb = GuardedModel.streaming(GUARD, model,
        WrapOptions.<String>builder().fallback("[removed]").streamOptions(StreamOptions.builder().maxHoldChars(64).build()).build());
    Collected fell = collect(fb.apply("bad"));
    assertTrue(fell.error == null);
    assertTrue(fell.text.toString().endsWith("[removed]"));
  }

  static final class Collected {
    final StringBuilder text = new StringBuilder();
    int chunks;
    Throwable error;
  }

  private static Collected collect(Flow.Publisher<String> p) throws InterruptedException {
    Collected c = new Collected();
    CountDownLatch done = new CountDownLatch(1);
    p.subscribe(new Flow.Subscriber<>() {
      Flow.Subscription s;

      @Override
      public void onSubscribe(Flow.Subscription s) {
        this.s = s;
        s.request(1);
      }

      @Override
      public void onNext(String item) {
        synchronized (c) {
          c.text.append(item);
          c.chunks++;
        }
        s.request(1);
      }

      @Override
      public void onError(Throwable t) {
        c.error = t;
        done.countDown();
      }

      @Override
      public void onComplete() {
        done.countDown();
      }
    });
    assertTrue(done.await(10, TimeUnit.SECONDS), "publisher did not terminate");
    return c;
  }
}
