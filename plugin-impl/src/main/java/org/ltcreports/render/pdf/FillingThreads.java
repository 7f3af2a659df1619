package org.ltcreports.render.pdf;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daemon threads a PDF renderer fills its reports on, so that JasperReports' per-thread state
 * never lands on a servlet container's request threads (a host reports those as leaks on undeploy).
 * Every PDF renderer uses one; {@link #close()} stops it.
 */
public final class FillingThreads implements AutoCloseable {
  /**
   * How many reports a run renders at once: the machine's cores, at most four. Every PDF renderer
   * fills on as many threads, so that none is a queue for the run's threads (the returns' and the
   * teams' renderers had one thread, and a pack's 70 returns were laid out one at a time).
   */
  public static final int PER_RUN =
      Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));

  private static final AtomicInteger POOLS = new AtomicInteger();
  private final ExecutorService executor;

  /**
   * @param threads how many reports may be filled at once
   * @param name the threads' name prefix, e.g. {@code ltc-pdf}
   */
  public FillingThreads(int threads, String name) {
    this.executor = Executors.newFixedThreadPool(threads, named(name));
  }

  /** Runs {@code fill} on one of the threads and waits for its bytes. */
  public byte[] run(Callable<byte[]> fill, String reportId) throws IOException {
    Future<byte[]> job = executor.submit(fill);
    try {
      return job.get();
    } catch (InterruptedException e) {
      job.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while rendering " + reportId);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException("PDF rendering of " + reportId + " failed", cause);
    }
  }

  /** Stops the threads (call from the plugin's destroy / contextDestroyed). */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory named(String name) {
    int pool = POOLS.incrementAndGet();
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + pool + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
