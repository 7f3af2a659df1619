package org.ltcreports.measures;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Supplier;

/**
 * Two independent parts of one index made at once: one on the common pool, the other on the calling
 * thread. While a locality's indexes are made nothing else can run (every family waits for them),
 * so on two cores the second core would otherwise stand idle.
 */
final class Alongside {
  private Alongside() {}

  /**
   * Runs {@code here} on this thread while {@code there} is made on the common pool, and gives what
   * {@code there} made. If no worker has taken it by then (the pool busy with another's work), the
   * join makes it here: the caller never waits on a queue ({@code AlongsideTest}).
   */
  static <T> T make(Supplier<T> there, Runnable here) {
    ForkJoinTask<T> task = ForkJoinPool.commonPool().submit(there::get);
    here.run();
    return task.join();
  }
}
