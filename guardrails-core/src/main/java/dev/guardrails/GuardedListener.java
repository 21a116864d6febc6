package dev.guardrails;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link GuardListener} that calls its delegate, logs what the delegate throws (the exception's
 * class only, never its message, which may quote text) and swallows it, so a failing listener
 * never fails a check. The one place that guards listener calls (the shape of Caffeine's
 * {@code GuardedStatsCounter}). Not part of the public API.
 *
 * <p>Thread-safe if the delegate is.
 */
final class GuardedListener implements GuardListener {

  private static final Logger LOG = LoggerFactory.getLogger(GuardedListener.class);

  private final GuardListener delegate;

  private GuardedListener(GuardListener delegate) {
    this.delegate = delegate;
  }

  /**
   * Returns {@code listener} guarded: {@link GuardListener#NONE} and already guarded listeners as
   * they are (so callers may keep comparing with {@code NONE} to skip building events).
   *
   * @param listener the listener to guard
   * @return the guarded listener
   */
  public static GuardListener of(GuardListener listener) {
    Objects.requireNonNull(listener, "listener");
    return listener == GuardListener.NONE || listener instanceof GuardedListener ? listener : new GuardedListener(listener);
  }

  @Override
  public void checkCompleted(CheckEvent event) {
    try {
      delegate.checkCompleted(event);
    } catch (RuntimeException ex) {
      LOG.warn("listener threw {} from checkCompleted; ignored", ex.getClass().getName());
    }
  }

  @Override
  public void detectorFailed(DetectorError error) {
    try {
      delegate.detectorFailed(error);
    } catch (RuntimeException ex) {
      LOG.warn("listener threw {} from detectorFailed; ignored", ex.getClass().getName());
    }
  }

  @Override
  public String toString() {
    return "GuardedListener[" + delegate.getClass().getName() + "]";
  }
}
