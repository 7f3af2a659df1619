package org.ltcreports.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Filters for the auditor page and the CSV export; every filter optional (null = any).
 *
 * @param from inclusive
 * @param to exclusive
 * @param limit at most this many events (0 = all)
 * @param newestFirst order by sequence number descending
 */
public record AuditQuery(
    String userName,
    AuditAction action,
    String practiceCode,
    Instant from,
    Instant to,
    int limit,
    boolean newestFirst) {

  public static AuditQuery all() {
    return new AuditQuery(null, null, null, null, null, 0, false);
  }

  public AuditQuery user(String name) {
    return new AuditQuery(name, action, practiceCode, from, to, limit, newestFirst);
  }

  public AuditQuery action(AuditAction a) {
    return new AuditQuery(userName, a, practiceCode, from, to, limit, newestFirst);
  }

  public AuditQuery practice(String code) {
    return new AuditQuery(userName, action, code, from, to, limit, newestFirst);
  }

  public AuditQuery between(Instant fromInclusive, Instant toExclusive) {
    return new AuditQuery(
        userName, action, practiceCode, fromInclusive, toExclusive, limit, newestFirst);
  }

  /**
   * The calendar days {@code first} to {@code last}, both included, as days run in {@code zone}:
   * the zone people read the events' times in, so an event shown on a day is found by that day.
   */
  public AuditQuery onDays(LocalDate first, LocalDate last, ZoneId zone) {
    return between(
        first == null ? null : first.atStartOfDay(zone).toInstant(),
        last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant());
  }

  public AuditQuery limit(int max) {
    return new AuditQuery(userName, action, practiceCode, from, to, max, newestFirst);
  }

  public AuditQuery descending() {
    return new AuditQuery(userName, action, practiceCode, from, to, limit, true);
  }
}
