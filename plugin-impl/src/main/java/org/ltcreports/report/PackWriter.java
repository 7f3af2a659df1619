package org.ltcreports.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.collation.CollationWorkbook;
import org.ltcreports.measures.RulesVersion;
import org.ltcreports.render.Renderers;

/**
 * Renders and writes a run's planned reports. Rendering, the costly and independent part, runs on a
 * few threads a few reports ahead; files are written and recorded in the plan's order on the
 * calling thread, so the audit chain and the output do not depend on timing. A report is either
 * written whole in every format or listed as a failure.
 */
final class PackWriter {
  private final BatchRequest req;
  private final Renderers renderers;
  private final ReportRecorder recorder;
  private final SubmittedReturns submitted;
  private final String policy;
  private final int threads;
  private final List<Path> written = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private final Consumer<String> progress;
  private final StagedFiles staged;
  private final RunPhases phases;

  PackWriter(
      BatchRequest req,
      Renderers renderers,
      ReportRecorder recorder,
      SubmittedReturns submitted,
      String policy,
      int threads,
      Consumer<String> progress,
      StagedFiles staged,
      RunPhases phases) {
    this.req = req;
    this.renderers = renderers;
    this.recorder = recorder;
    this.submitted = submitted;
    this.policy = policy;
    this.threads = threads;
    this.progress = progress;
    this.staged = staged;
    this.phases = phases;
  }

  BatchRequest request() {
    return req;
  }

  RunPhases phases() {
    return phases;
  }

  Consumer<String> progress() {
    return progress;
  }

  /** A failure listed without a file (the run goes on). */
  void failed(String failure) {
    failures.add(failure);
  }

  BatchResult result() {
    return new BatchResult(written, failures);
  }

  /** A report rendered in every requested format it has (or a workbook), or why it could not be. */
  private record Rendered(Report report, List<ReportRecorder.WrittenFile> files, String error) {}

  void writeAll(List<PlannedReport> plan) {
    if (threads <= 1 || plan.size() <= 1) {
      plan.forEach(p -> write(render(p)));
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Deque<Future<Rendered>> ahead = new ArrayDeque<>();
      int next = 0;
      while (next < plan.size() || !ahead.isEmpty()) {
        // a bounded window: at most 2 rendered reports per thread held in memory
        while (next < plan.size() && ahead.size() < 2 * threads) {
          PlannedReport p = plan.get(next++);
          ahead.add(pool.submit(() -> render(p)));
        }
        write(RunTasks.await(ahead.removeFirst()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private Rendered render(PlannedReport planned) {
    if (planned instanceof PlannedReport.Built b) {
      return render(b.report());
    }
    if (planned instanceof PlannedReport.Collation c) {
      return render(c);
    }
    return new Rendered(null, List.of(), ((PlannedReport.Failed) planned).error());
  }

  private Rendered render(Report report) {
    String scope = scopeOf(report);
    List<Format> formats =
        req.formats().stream()
            .filter(f -> renderers.find(f, report.type()).isPresent())
            .sorted()
            .toList();
    if (formats.isEmpty()) {
      return new Rendered(
          report,
          List.of(),
          scope + " " + report.type().shortName() + ": not made in any format asked for");
    }
    try {
      List<ReportRecorder.WrittenFile> files = new ArrayList<>();
      for (Format f : formats) {
        long start = System.nanoTime();
        byte[] bytes = renderers.get(f, report.type()).render(report);
        phases.add(RunPhases.render(f), System.nanoTime() - start);
        files.add(new ReportRecorder.WrittenFile(f, BatchGenerator.fileName(report, f), bytes));
      }
      return new Rendered(report, files, null);
    } catch (IOException | RuntimeException e) {
      return new Rendered(
          report, List.of(), scope + " " + report.type().shortName() + ": " + e.getMessage());
    }
  }

  /**
   * The locality collation workbook from the database (hub mode): every practice's return of the
   * month, each marked with its one status (unsubmitted ones as drafts); recorded as a run like any
   * report, so {@code verify} recognises it.
   */
  private Rendered render(PlannedReport.Collation c) {
    String name =
        req.month() + "/" + c.locality() + "-" + ReportType.LOCALITY_COLLATION.slug() + ".xlsx";
    long rendering = System.nanoTime();
    byte[] bytes;
    try {
      Map<String, CollationWorkbook.Submission> submissions =
          submitted.forMonth(req.month(), c.practices());
      CollationWorkbook workbook =
          CollationWorkbook.fromReturns(
              req.month(),
              c.locality(),
              c.returns(),
              submitted.dueDate(req.month()),
              submissions,
              submitted.figures());
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      workbook.write(buffer, c.asOf(), submitted.zone());
      bytes = buffer.toByteArray();
      phases.add(RunPhases.render(Format.XLSX), System.nanoTime() - rendering);
    } catch (IOException | RuntimeException e) {
      return new Rendered(null, List.of(), c.locality() + " collation: " + e.getMessage());
    }
    Report run =
        new Report(
            ReportType.LOCALITY_COLLATION,
            null,
            null,
            c.locality(),
            null,
            req.month(),
            req.audience(),
            RulesVersion.VALUE,
            policy,
            c.asOf(),
            Map.of(),
            List.of(),
            Map.of(),
            List.of(),
            List.of());
    return new Rendered(
        run, List.of(new ReportRecorder.WrittenFile(Format.XLSX, name, bytes)), null);
  }

  private void write(Rendered r) {
    if (r.error() != null) {
      failures.add(r.error());
      progress.accept(r.error().replaceFirst(": ", ": FAILED "));
      return;
    }
    place(r.report(), r.files());
  }

  /**
   * Writes the files to staging, records them, then moves them into the output folder: a crash at
   * any point leaves no unrecorded file in place (StagedFiles).
   */
  private void place(Report report, List<ReportRecorder.WrittenFile> files) {
    String what = scopeOf(report) + " " + report.type().shortName();
    List<String> names = files.stream().map(ReportRecorder.WrittenFile::fileName).toList();
    long start = System.nanoTime();
    try {
      for (ReportRecorder.WrittenFile f : files) {
        staged.write(f.fileName(), f.bytes());
      }
      recorder.generated(report, req.requestedBy(), files);
      staged.place(files);
      names.forEach(n -> written.add(req.outDir().resolve(n)));
      progress.accept(what + ": " + files.size() + " file(s)");
    } catch (RuntimeException e) {
      staged.discard(names);
      failures.add(what + ": " + e.getMessage());
      progress.accept(what + ": FAILED " + e.getMessage());
    } finally {
      phases.add(RunPhases.WRITE, System.nanoTime() - start);
    }
  }

  static String scopeOf(Report r) {
    return r.practiceCode() != null ? r.practiceCode() : r.localityCode();
  }
}
