package org.ltcreports.report;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ltcreports.casemanagement.ProgrammeEvaluation;
import org.ltcreports.casemanagement.ProgrammeSettings;
import org.ltcreports.casemanagement.ReturnMeasures;

/**
 * The before/after evaluation of a run (the comparison patients' matching, then the programme's
 * evaluation when a summary or the evaluation report needs it), prepared on a thread of its own
 * from the moment it is started: the practice feedback does not use it, so a batch makes the
 * feedback meanwhile. The measures read the shared context only; what they give does not depend on
 * which thread runs first.
 */
final class BeforeAfterPreparation {
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "ltc-before-after");
            t.setDaemon(true);
            return t;
          });
  private final Future<ProgrammeEvaluation> evaluation;
  private volatile long nanos;

  /**
   * @param withEvaluation whether the programme evaluation is made too (else only the matching, for
   *     the returns)
   */
  BeforeAfterPreparation(
      ReturnMeasures measures, boolean withEvaluation, ProgrammeSettings programme) {
    evaluation =
        thread.submit(
            () -> {
              long started = System.nanoTime();
              try {
                measures.withBeforeAfter();
                return withEvaluation ? new ProgrammeEvaluation(measures, programme) : null;
              } finally {
                nanos = System.nanoTime() - started;
              }
            });
    thread.shutdown();
  }

  /**
   * Waits for it; the programme evaluation, or null when it was not asked for. A failure is thrown
   * here as it would have been had it run on the calling thread.
   */
  ProgrammeEvaluation evaluation() {
    try {
      return evaluation.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("report generation interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** How long it took on its thread (after {@link #evaluation()}). */
  long nanos() {
    return nanos;
  }
}
