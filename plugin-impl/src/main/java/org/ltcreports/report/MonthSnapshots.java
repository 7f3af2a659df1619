package org.ltcreports.report;

import com.google.common.base.Suppliers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ltcreports.api.report.Report;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.source.BatchScope;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceReader;
import org.ltcreports.source.SourceRows.Practice;

/**
 * The snapshots the web server's single reports are made from, read the way {@code generate} reads
 * them ({@link BatchScope}): the rows one month needs and, at a source with several localities, the
 * rows of one locality's patients (a practice's feedback compares it only with its locality).
 *
 * <p>Practices' feedback reports are kept as their figures ({@link #feedback}, {@link
 * PreparedFeedback}): the {@link #KEPT_FEEDBACK} most recently used locality-months, their rows let
 * go. What needs the rows (the summary's evaluation, PUBLIC copies, the review worklist) is
 * prepared with them ({@link #prepared}, {@link PreparedMonth}), only the {@link #KEPT} most
 * recently used kept. Both for {@code cache.minutes}; so the server's memory follows a few
 * locality-months, not the whole source or the number of months and localities asked for.
 *
 * <p>As the batch does, the whole-source snapshot stands in when scoped reads are off ({@code
 * generate.scoped-reads=false}) or the source repeats more ids than a scoped read can bind; then
 * one month over every locality is prepared once, and re-prepared when that snapshot is re-read.
 *
 * <p>Not thread-safe: {@link ReportService} calls it under its own lock.
 */
final class MonthSnapshots {
  /**
   * How many locality-months are kept: a user stepping between this month and last, or between two
   * localities, does not wait for a re-read; each is one locality's rows for one month.
   */
  static final int KEPT = 2;

  /** How many locality-months of feedback reports kept as their figures ({@link #feedback}). */
  static final int KEPT_FEEDBACK = 12;

  /** A month, and the locality whose rows were read (every locality when {@code whole}). */
  private record Key(YearMonth month, boolean allLocalities, String locality) {}

  /**
   * A prepared month, when it was read, and the whole-source snapshot it was made from (null for a
   * scoped read).
   */
  private record Entry(PreparedMonth prepared, Instant readAt, MeasureContext whole) {}

  private final SourceReader reader;
  private final Supplier<MeasureContext> wholeSource;
  private final Function<SourceData, MeasureContext> contextOf;
  private final PreparedMonth.Settings settings;
  private final boolean scopedReads;
  private final Supplier<LocalDate> extractDate;
  private final Clock clock;
  private final Duration maxAge;
  private BatchScope.RepeatedIds repeated;
  private Instant repeatedAt;

  /** A locality-month's feedback reports and when they were read. */
  private record Kept(PreparedFeedback feedback, Instant readAt) {}

  /**
   * The feedback reports kept as their figures ({@link #feedback}): small, so more locality-months
   * are kept than of the prepared months with their rows.
   */
  private final Map<Key, Kept> feedbackKept =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
          return size() > KEPT_FEEDBACK;
        }
      };

  private final Map<Key, Entry> kept =
      new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
          return size() > KEPT;
        }
      };

  /**
   * @param wholeSource the whole-source snapshot (read when first asked for, kept and re-read by
   *     its owner)
   * @param contextOf prepares a snapshot's measure context
   * @param scopedReads {@code generate.scoped-reads}
   * @param extractDate the extract date of the whole source (as the batch's {@code asAt})
   */
  MonthSnapshots(
      SourceReader reader,
      Supplier<MeasureContext> wholeSource,
      Function<SourceData, MeasureContext> contextOf,
      PreparedMonth.Settings settings,
      boolean scopedReads,
      Supplier<LocalDate> extractDate,
      Clock clock,
      Duration maxAge) {
    this.reader = reader;
    this.wholeSource = wholeSource;
    this.contextOf = contextOf;
    this.settings = settings;
    this.scopedReads = scopedReads;
    this.extractDate = extractDate;
    this.clock = clock;
    this.maxAge = maxAge;
  }

  /**
   * The month's reports over the rows of the locality's patients.
   *
   * @param locality a locality code; null for the practices with none
   * @param practices the source's practice table, by code
   */
  PreparedMonth prepared(YearMonth month, String locality, Map<String, Practice> practices) {
    Instant now = clock.instant();
    boolean scoped = scoped(now);
    Key key = key(month, locality, practices, scoped);
    Entry e = kept.get(key);
    if (e != null && fresh(e, now)) {
      return e.prepared();
    }
    // dropped before the read: an expired snapshot is not held while its successor is read
    kept.remove(key);
    e = read(key, scoped, now);
    kept.put(key, e);
    return e.prepared();
  }

  /**
   * The month's feedback reports of the locality's practices ({@link PreparedFeedback}: kept as
   * their figures, the rows let go), or those of the month prepared over the whole source when
   * scoped reads are off, or of a locality-month already kept with its rows.
   */
  Function<String, Report> feedback(
      YearMonth month, String locality, Map<String, Practice> practices) {
    Instant now = clock.instant();
    boolean scoped = scoped(now);
    Key key = key(month, locality, practices, scoped);
    Entry e = kept.get(key);
    if (!scoped || (e != null && fresh(e, now))) {
      return prepared(month, locality, practices).feedback()::build;
    }
    Kept f = feedbackKept.get(key);
    if (f == null || f.readAt().plus(maxAge).isBefore(now)) {
      feedbackKept.remove(key);
      List<String> scope =
          practices.values().stream()
              .filter(p -> key.allLocalities() || Objects.equals(p.localityCode(), locality))
              .map(Practice::practiceCode)
              .toList();
      PreparedFeedback prepared =
          new PreparedFeedback(contextOf.apply(read(key)), month, settings, scope);
      f = new Kept(prepared, now);
      feedbackKept.put(key, f);
    }
    return f.feedback()::build;
  }

  /** The source rows the kept months hold, the practice table's left out. */
  long rowsKept() {
    List<MeasureContext> held = new java.util.ArrayList<>();
    kept.values().forEach(e -> held.add(e.prepared().context()));
    feedbackKept.values().forEach(f -> held.add(f.feedback().context()));
    long n = 0;
    for (MeasureContext ctx : held) {
      n += ctx.data().rowCount() - ctx.data().practices().size();
    }
    return n;
  }

  private boolean scoped(Instant now) {
    return scopedReads && repeatedIds(now).fewEnough();
  }

  private static Key key(
      YearMonth month, String locality, Map<String, Practice> practices, boolean scoped) {
    long localities = practices.values().stream().map(Practice::localityCode).distinct().count();
    boolean allLocalities = !scoped || localities <= 1;
    return new Key(month, allLocalities, allLocalities ? null : locality);
  }

  private boolean fresh(Entry e, Instant now) {
    return e.whole() != null
        ? e.whole() == wholeSource.get()
        : !e.readAt().plus(maxAge).isBefore(now);
  }

  private Entry read(Key key, boolean scoped, Instant now) {
    if (!scoped) {
      MeasureContext whole = wholeSource.get();
      return new Entry(new PreparedMonth(whole, key.month(), settings), now, whole);
    }
    MeasureContext ctx = contextOf.apply(read(key));
    Supplier<MeasureContext> teams =
        key.allLocalities() ? () -> ctx : Suppliers.memoize(() -> contextOf.apply(teamsOf(key)));
    return new Entry(new PreparedMonth(ctx, key.month(), settings, teams), now, null);
  }

  /** The month's rows of the patients of the teams based in the key's locality. */
  private SourceData teamsOf(Key key) {
    LocalDate asAt = extractDate.get();
    BatchScope month = BatchScope.month(key.month(), repeated);
    return reader.readScoped(
        month.teamsOf(key.locality()), asAt, reader.caseloadScope(month, asAt));
  }

  /** The month's rows of the key's locality (of every locality), as the batch reads them. */
  private SourceData read(Key key) {
    LocalDate asAt = extractDate.get();
    BatchScope month = BatchScope.month(key.month(), repeated);
    return key.allLocalities()
        ? reader.readScoped(month, asAt, null)
        : reader.readScoped(
            month.inLocality(key.locality()), asAt, reader.caseloadScope(month, asAt));
  }

  /** The source's repeated ids ({@link SourceReader#repeatedIds}), re-read with the snapshots. */
  private BatchScope.RepeatedIds repeatedIds(Instant now) {
    if (!scopedReads) {
      return BatchScope.RepeatedIds.NONE;
    }
    if (repeated == null || repeatedAt.plus(maxAge).isBefore(now)) {
      repeated = reader.repeatedIds();
      repeatedAt = now;
    }
    return Objects.requireNonNull(repeated);
  }
}
