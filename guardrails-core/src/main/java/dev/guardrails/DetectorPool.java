package dev.guardrails;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The shared daemon pool that runs time-bounded detectors when the caller gave no executor. */
final class DetectorPool {

  private DetectorPool() {}

  private static final class Holder {
    static final ExecutorService POOL = Executors.newCachedThreadPool(new java.util.concurrent.ThreadFactory() {
      private final AtomicInteger n = new AtomicInteger();

      @Override
      public Thread newThread(Runnable r) {
        Thread t = new Thread(r, "guardrails-detector-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      }
    });
  }

  static ExecutorService shared() {
    return Holder.POOL;
  }
}
