package org.ltcreports.measures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ltcreports.source.SourceRows.Episode;

/**
 * A month's referrals, starts and discharges of case management episodes by whom they count for
 * (measures.md "Case management activity return"), each with its code as {@link Codes#normalise}
 * reads it ({@code ""} when missing: the family turns codes into breakdown keys), and how many of
 * them were attributed by the nearest registration (a note). The rule of which event counts in the
 * month is {@link #count}; the SQL engine counts the same by practice.
 */
public final class EpisodeActivity {
  /** An episode event, dated by its episode's referral, start or end date. */
  public enum Event {
    /** {@code referral_date} in the month, coded by {@code referral_source}. */
    REFERRED,
    /** {@code start_date} in the month. */
    STARTED,
    /**
     * {@code end_date} in the month of an episode with a start date, coded by {@code end_reason}.
     */
    DISCHARGED
  }

  private final Map<String, Map<Event, Map<String, Long>>> counts;
  private final Map<String, Long> byNearest;

  private EpisodeActivity(
      Map<String, Map<Event, Map<String, Long>>> counts, Map<String, Long> byNearest) {
    this.counts = counts;
    this.byNearest = byNearest;
  }

  /**
   * The events of {@code month} of {@code episodes} (the counted ones, {@link CountedEpisodes}),
   * each counted for {@code by}'s key on the event's date; an event with no key is left out.
   */
  public static EpisodeActivity count(
      Iterable<Episode> episodes, YearMonth month, EpisodeAttribution by) {
    MonthWindow m = MonthWindow.of(month);
    Builder b = new Builder();
    for (Episode e : episodes) {
      if (e.referralDate() != null && m.contains(e.referralDate())) {
        add(b, by, e, e.referralDate(), Event.REFERRED, e.referralSource());
      }
      if (e.startDate() != null && m.contains(e.startDate())) {
        add(b, by, e, e.startDate(), Event.STARTED, null);
      }
      if (e.startDate() != null && e.endDate() != null && m.contains(e.endDate())) {
        add(b, by, e, e.endDate(), Event.DISCHARGED, e.endReason());
      }
    }
    return b.build();
  }

  private static void add(
      Builder b, EpisodeAttribution by, Episode e, LocalDate d, Event event, String code) {
    b.add(by.ofEpisode(e, d), event, code, by.byNearest(e.patientId(), d), 1);
  }

  /** The keys with any event, sorted. */
  public Set<String> keys() {
    return counts.keySet();
  }

  /** The key's events of a kind by normalised code ({@code ""}: none), sorted; empty when none. */
  public Map<String, Long> codes(String key, Event event) {
    Map<Event, Map<String, Long>> byEvent = counts.get(key);
    Map<String, Long> codes = byEvent == null ? null : byEvent.get(event);
    return codes == null ? Map.of() : codes;
  }

  /** The key's events of a kind. */
  public long total(String key, Event event) {
    return codes(key, event).values().stream().mapToLong(Long::longValue).sum();
  }

  /** The key's events attributed by the nearest registration, of every kind. */
  public long byNearest(String key) {
    return byNearest.getOrDefault(key, 0L);
  }

  /** Counts added event by event or group by group; the result is read-only. */
  public static final class Builder {
    private final Map<String, Map<Event, Map<String, Long>>> counts = new TreeMap<>();
    private final Map<String, Long> byNearest = new TreeMap<>();

    /**
     * Adds {@code n} events of {@code key} with the code as stored; a null key (no practice) is
     * left out.
     */
    public Builder add(String key, Event event, String storedCode, boolean nearest, long n) {
      if (key == null) {
        return this;
      }
      String code = Codes.normalise(storedCode);
      counts
          .computeIfAbsent(key, k -> new EnumMap<>(Event.class))
          .computeIfAbsent(event, k -> new TreeMap<>())
          .merge(code == null ? "" : code, n, Long::sum);
      if (nearest) {
        byNearest.merge(key, n, Long::sum);
      }
      return this;
    }

    public EpisodeActivity build() {
      Map<String, Map<Event, Map<String, Long>>> frozen = new TreeMap<>();
      counts.forEach(
          (key, byEvent) -> {
            Map<Event, Map<String, Long>> events = new EnumMap<>(Event.class);
            byEvent.forEach((e, codes) -> events.put(e, Collections.unmodifiableMap(codes)));
            frozen.put(key, Collections.unmodifiableMap(events));
          });
      return new EpisodeActivity(
          Collections.unmodifiableMap(frozen), Collections.unmodifiableMap(byNearest));
    }
  }

  /** Every key's events and nearest count, in order: equal activity reads the same. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    counts.forEach(
        (key, byEvent) ->
            s.append(key)
                .append(' ')
                .append(byEvent)
                .append(" nearest=")
                .append(byNearest(key))
                .append("; "));
    return s.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EpisodeActivity a
        && counts.equals(a.counts)
        && byNearest.equals(a.byNearest);
  }

  @Override
  public int hashCode() {
    return counts.hashCode() * 31 + byNearest.hashCode();
  }
}
