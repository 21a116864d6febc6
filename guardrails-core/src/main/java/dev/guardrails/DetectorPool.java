package dev.guardrails;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared pool that runs time-bounded detectors when the caller gave no executor.
 *
 * <p>Bounded on both sides, because an abandoned detector (one that ran past its budget and
 * ignores interrupts) keeps its thread until it returns: at most {@link #THREADS} daemon threads
 * (so stuck work never keeps the JVM alive and never grows the thread count without bound) and at
 * most {@link #QUEUE} waiting tasks. Past that, {@code submit} throws
 * {@link java.util.concurrent.RejectedExecutionException}, which the engine records as that
 * detector's {@code EXCEPTION} error and answers with its fail mode.
 */
final class DetectorPool {

  /** Threads of the shared pool: {@code max(8, 4 x available processors)}. */
  static final int THREADS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());

  /** Tasks that may wait for a thread of the shared pool. */
  static final int QUEUE = 4096;

  private DetectorPool() {}

  private static final class Holder {
    static final ThreadPoolExecutor POOL = newPool(THREADS, QUEUE);
  }

  static ThreadPoolExecutor shared() {
    return Holder.POOL;
  }

  /**
   * Returns a new bounded pool of daemon threads named {@code guardrails-detector-N}; idle threads
   * retire after 30 seconds.
   *
   * @param threads the maximum number of threads
   * @param queue the maximum number of waiting tasks
   * @return the pool
   */
  static ThreadPoolExecutor newPool(int threads, int queue) {
    AtomicInteger n = new AtomicInteger();
    ThreadFactory daemons = r -> {
      Thread t = new Thread(r, "guardrails-detector-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(queue), daemons, new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
