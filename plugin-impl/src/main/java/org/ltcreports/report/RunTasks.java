package org.ltcreports.report;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for a task a run gave to one of its threads: one way to take its result or failure. */
final class RunTasks {
  private RunTasks() {}

  /**
   * The task's result; its failure as the run's own (a runtime exception as it was thrown), an
   * interrupt as the run's end.
   */
  static <T> T await(Future<T> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("report generation interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
