package org.ltcreports.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU of the bench's timed runs goes ({@code bench --profile}): a Java Flight Recorder
 * recording around them, its execution samples put in the stage of the code they were taken in, and
 * the collector's CPU time. The phases a run keeps ({@code RunPhases}) are wall time per step,
 * which waiting and a loaded machine inflate; the samples are where the processors actually were.
 *
 * <p>A sample belongs to the first stage whose code is anywhere on its stack, in the order of
 * {@link #STAGES} (a PDF filled while a report is built is rendering; the source read while a
 * measure asks for it is reading). The child runs with a deep stack depth so stacks are whole.
 */
final class CpuProfile {
  /** Stage name, then the class-name prefixes that put a sample in it. */
  static final Map<String, List<String>> STAGES = new LinkedHashMap<>();

  static {
    STAGES.put(
        "read",
        // the source's JDBC driver under the reader (an H2 source: the reader is on the stack)
        List.of("org.ltcreports.source.SourceReader", "org.postgresql."));
    STAGES.put("matching", List.of("org.ltcreports.casemanagement.ComparisonMatching"));
    STAGES.put(
        "render PDF",
        List.of(
            "net.sf.jasperreports.",
            "org.openpdf.",
            "com.lowagie.",
            "org.jfree.",
            "org.ltcreports.render.pdf.",
            "org.ltcreports.render.returns.ReturnPdfRenderer",
            "org.ltcreports.render.returns.LinePdf"));
    STAGES.put(
        "render XLSX",
        List.of(
            "org.apache.poi.",
            "org.ltcreports.render.xlsx.",
            "org.ltcreports.render.returns.ReturnXlsxRenderer",
            "org.ltcreports.collation."));
    STAGES.put(
        "render CSV/JSON/HTML",
        List.of(
            "org.ltcreports.render.csv.",
            "org.ltcreports.render.json.",
            "org.ltcreports.render.html.",
            "com.fasterxml.jackson."));
    STAGES.put("render (shared)", List.of("org.ltcreports.render."));
    STAGES.put("data-quality scan", List.of("org.ltcreports.quality."));
    STAGES.put(
        "write and record",
        List.of(
            "org.ltcreports.report.StagedFiles",
            "org.ltcreports.report.ArtifactFiles",
            "org.ltcreports.wiring.RunAndAuditRecorder",
            "org.ltcreports.audit.",
            "org.ltcreports.store."));
    STAGES.put(
        "measures",
        List.of(
            "org.ltcreports.measures.",
            "org.ltcreports.casemanagement.",
            "org.ltcreports.stats.",
            "org.ltcreports.disclosure.",
            "org.ltcreports.report."));
  }

  private final Recording recording;
  private final Path file;

  private CpuProfile(Recording recording, Path file) {
    this.recording = recording;
    this.file = file;
  }

  /** Starts recording (JFR's own "profile" settings: execution samples every 10 ms). */
  static CpuProfile start(Path file) throws IOException {
    Recording r;
    try {
      r = new Recording(Configuration.getConfiguration("profile"));
    } catch (ParseException e) {
      throw new IOException("the JDK's JFR profile settings cannot be read", e);
    }
    r.setToDisk(true);
    r.setDestination(file);
    r.start();
    return new CpuProfile(r, file);
  }

  /** Stops recording and reads the samples back. */
  Summary stop() throws IOException {
    recording.stop();
    recording.close(); // writes the destination file
    Map<String, Long> samples = new LinkedHashMap<>();
    STAGES.keySet().forEach(s -> samples.put(s, 0L));
    samples.put("other", 0L);
    Duration gc = Duration.ZERO;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      String type = e.getEventType().getName();
      if (type.equals("jdk.ExecutionSample") && e.getStackTrace() != null) {
        List<String> classes = new ArrayList<>();
        for (RecordedFrame f : e.getStackTrace().getFrames()) {
          if (f.isJavaFrame()) {
            classes.add(f.getMethod().getType().getName());
          }
        }
        samples.merge(stageOf(classes), 1L, Long::sum);
      } else if (type.equals("jdk.GCCPUTime")) {
        gc = gc.plus(e.getDuration("userTime")).plus(e.getDuration("systemTime"));
      }
    }
    return new Summary(samples, gc, file);
  }

  /** The stage of a sample whose stack holds these classes (innermost first). */
  static String stageOf(List<String> classes) {
    for (Map.Entry<String, List<String>> stage : STAGES.entrySet()) {
      for (String c : classes) {
        for (String prefix : stage.getValue()) {
          if (c.startsWith(prefix)) {
            return stage.getKey();
          }
        }
      }
    }
    return "other";
  }

  /** Samples by stage (every stage, "other" last), the collector's CPU, and the recording. */
  record Summary(Map<String, Long> samples, Duration gcCpu, Path file) {
    /** {@code read 14%, matching 20%, …, other 3% of 2399 samples; GC CPU 7.8 s}. */
    String line() {
      long total = samples.values().stream().mapToLong(Long::longValue).sum();
      List<String> parts = new ArrayList<>();
      samples.forEach(
          (stage, n) ->
              parts.add(
                  String.format(
                      Locale.ROOT, "%s %.0f%%", stage, total == 0 ? 0.0 : 100.0 * n / total)));
      return String.format(
          Locale.ROOT,
          "%s of %d samples; GC CPU %.1f s",
          String.join(", ", parts),
          total,
          gcCpu.toMillis() / 1000.0);
    }
  }
}
