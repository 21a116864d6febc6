package dev.guardrails.client;

import dev.guardrails.CheckContext;
import dev.guardrails.Guardrail;
import dev.guardrails.stream.GuardedStream;
import dev.guardrails.stream.StreamOptions;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Relays a model's chunk publisher through a {@link GuardedStream}. One subscriber per instance.
 * Upstream chunks are requested one at a time, only while the subscriber has demand; a chunk that
 * produces no output (held back) makes it request the next one. Signals are serialized under this
 * object's lock.
 */
final class GuardedPublisher implements Flow.Publisher<String> {

  private final Guardrail guard;
  private final Flow.Publisher<String> upstream;
  private final CheckContext ctx;
  private final StreamOptions streamOptions;
  private final String fallback;
  private final AtomicBoolean subscribed = new AtomicBoolean();

  GuardedPublisher(Guardrail guard, Flow.Publisher<String> upstream, CheckContext ctx, StreamOptions streamOptions, String fallback) {
    this.guard = guard;
    this.upstream = Objects.requireNonNull(upstream, "model returned a null publisher");
    this.ctx = ctx;
    this.streamOptions = streamOptions;
    this.fallback = fallback;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super String> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    if (!subscribed.compareAndSet(false, true)) {
      subscriber.onSubscribe(new Flow.Subscription() {
        @Override public void request(long n) {}
        @Override public void cancel() {}
      });
      subscriber.onError(new IllegalStateException("guarded publisher subscribed twice; call the wrapped model again for a new answer"));
      return;
    }
    Relay relay = new Relay(subscriber, GuardedStream.open(guard, ctx, streamOptions));
    subscriber.onSubscribe(relay);
    upstream.subscribe(relay);
  }

  private final class Relay implements Flow.Subscriber<String>, Flow.Subscription {
    private final Flow.Subscriber<? super String> down;
    private final GuardedStream stream;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private Flow.Subscription up;
    private long demand;
    private boolean upRequested;
    private boolean upDone;
    private boolean terminated;
    private boolean draining;
    private boolean again;
    private Throwable error;

    Relay(Flow.Subscriber<? super String> down, GuardedStream stream) {
      this.down = down;
      this.stream = stream;
    }

    // --- downstream subscription ---
    @Override
    public synchronized void request(long n) {
      if (terminated) {
        return;
      }
      if (n <= 0) {
        fail(new IllegalArgumentException("request must be positive: " + n));
        return;
      }
      demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
      drain();
    }

    @Override
    public synchronized void cancel() {
      terminated = true;
      queue.clear();
      stream.cancel();
      if (up != null) {
        up.cancel();
      }
    }

    // --- upstream subscriber ---
    @Override
    public synchronized void onSubscribe(Flow.Subscription s) {
      if (up != null || terminated) {
        s.cancel();
        return;
      }
      up = s;
      drain();
    }

    @Override
    public synchronized void onNext(String chunk) {
      upRequested = false;
      if (upDone || terminated) {
        return;
      }
      String out = stream.accept(chunk == null ? "" : chunk);
      if (stream.isBlocked()) {
        onBlocked();
      } else if (!out.isEmpty()) {
        queue.add(out);
      }
      drain();
    }

    @Override
    public synchronized void onError(Throwable t) {
      if (upDone || terminated) {
        return;
      }
      stream.cancel();
      upDone = true;
      error = t;
      drain();
    }

    @Override
    public synchronized void onComplete() {
      if (upDone || terminated) {
        return;
      }
      GuardedStream.Completion c = stream.complete();
      upDone = true;
      if (c.result().blocked()) {
        blockedWith(c);
      } else if (!c.rest().isEmpty()) {
        queue.add(c.rest());
      }
      drain();
    }

    private void onBlocked() {
      up.cancel();
      upDone = true;
      blockedWith(stream.complete());
    }

    private void blockedWith(GuardedStream.Completion c) {
      if (fallback != null) {
        queue.add(fallback);
      } else {
        error = new GuardrailViolationException(c.result(), 1);
      }
    }

    private void fail(Throwable t) {
      cancel();
      down.onError(t);
    }

    private void drain() {
      if (draining) {
        again = true;
        return;
      }
      draining = true;
      try {
        do {
          again = false;
          while (!terminated && demand > 0 && !queue.isEmpty()) {
            demand--;
            down.onNext(queue.poll());
          }
          if (terminated) {
            return;
          }
          if (queue.isEmpty() && upDone) {
            terminated = true;
            if (error != null) {
              down.onError(error);
            } else {
              down.onComplete();
            }
            return;
          }
          if (demand > 0 && queue.isEmpty() && !upRequested && up != null) {
            upRequested = true;
            up.request(1);
          }
        } while (again);
      } finally {
        draining = false;
      }
    }
  }
}
