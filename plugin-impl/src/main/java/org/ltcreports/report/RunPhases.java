package org.ltcreports.report;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.ltcreports.api.report.Format;

/**
 * Where a batch run spends its time, by phase: reading the source, the measures, the before/after
 * matching, rendering each format, and writing and recording the files. Building and rendering run
 * on several threads, so the phases add up to thread time, which may exceed the wall time. Kept by
 * {@link BatchGenerator} for the bench (docs/performance.md); a run that does not ask for them
 * passes {@link #ignored()}.
 */
public final class RunPhases {
  public static final String READ = "read";
  public static final String MEASURES = "measures";
  public static final String MATCHING = "matching";
  public static final String WRITE = "write";

  private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
  private final boolean kept;

  private RunPhases(boolean kept) {
    this.kept = kept;
  }

  /** Phases kept for reading with {@link #millis}. */
  public static RunPhases kept() {
    return new RunPhases(true);
  }

  /** Phases nobody reads (timing costs two clock reads per step either way). */
  public static RunPhases ignored() {
    return new RunPhases(false);
  }

  /** The phase of rendering one format, e.g. {@code render-pdf}. */
  public static String render(Format f) {
    return "render-" + f.extension().toLowerCase(Locale.ROOT);
  }

  public void add(String phase, long nanoseconds) {
    if (kept) {
      nanos.computeIfAbsent(phase, k -> new LongAdder()).add(nanoseconds);
    }
  }

  /** Runs the step and adds its time to the phase. */
  public <T> T time(String phase, Supplier<T> step) {
    long start = System.nanoTime();
    try {
      return step.get();
    } finally {
      add(phase, System.nanoTime() - start);
    }
  }

  /** Milliseconds by phase: read, measures, matching, the render phases by name, write. */
  public Map<String, Long> millis() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String p : new String[] {READ, MEASURES, MATCHING}) {
      out.put(p, ms(p));
    }
    nanos.keySet().stream()
        .filter(p -> p.startsWith("render-"))
        .sorted()
        .forEach(p -> out.put(p, ms(p)));
    out.put(WRITE, ms(WRITE));
    return out;
  }

  private long ms(String phase) {
    LongAdder a = nanos.get(phase);
    return a == null ? 0 : a.sum() / 1_000_000;
  }
}
