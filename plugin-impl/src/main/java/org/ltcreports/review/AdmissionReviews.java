package org.ltcreports.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.ltcreports.access.Action;
import org.ltcreports.access.Permissions;
import org.ltcreports.access.PracticeLocalities;
import org.ltcreports.access.Scope;
import org.ltcreports.api.spi.HostUser;

/**
 * Admission reviews ({@code ltc_admission_review}, its factors, and {@code
 * ltc_admission_review_history} holding every version ever saved). Saving checks that the user may
 * review admissions of the practice; edits are optimistic (an edit of version n fails with {@link
 * ReviewConflict} if someone else saved n+1 first), so no one overwrites a colleague's review
 * unseen. The caller records the REVIEW_CREATE / REVIEW_UPDATE audit event (version 1 / later),
 * without the free text. Reads do not check permissions: callers ask {@link Permissions#decide}
 * with {@link Action#VIEW_REVIEWS} first.
 */
public final class AdmissionReviews {
  /** The learning and follow-up action columns (VARCHAR(4000)). */
  public static final int MAX_TEXT = 4000;

  /** The reviewer column (VARCHAR(200)). */
  public static final int MAX_REVIEWER = 200;

  /** Versions of one review saved in one day when the configuration does not say. */
  public static final int DEFAULT_VERSIONS_PER_DAY = 20;

  private static final String COLUMNS =
      "practice_code, spell_id, report_month, version, reviewer, review_date, outcome, learning,"
          + " follow_up_action, saved_by, saved_at";

  private final Jdbi jdbi;
  private final Clock clock;
  private final int versionsPerDay;

  public AdmissionReviews(Jdbi jdbi, Clock clock) {
    this(jdbi, clock, DEFAULT_VERSIONS_PER_DAY);
  }

  /**
   * @param versionsPerDay how many versions of one review may be saved in one day (the clock's
   *     zone): a bound on what one user, or a script, can pile into the history
   */
  public AdmissionReviews(Jdbi jdbi, Clock clock, int versionsPerDay) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.versionsPerDay = versionsPerDay;
  }

  /**
   * Stores a new review (version 0 → 1) or an edit (version n → n+1) and returns it as stored.
   *
   * @throws org.ltcreports.access.AccessDenied when the user may not review the practice's
   *     admissions
   * @throws IllegalArgumentException when the review is incomplete or inconsistent (all problems
   *     listed)
   * @throws ReviewConflict when someone else saved this review in the meantime
   */
  public AdmissionReview save(HostUser user, AdmissionReview review) {
    Permissions.require(
        user,
        Action.REVIEW_ADMISSION,
        Scope.practice(review.practiceCode(), null, PracticeLocalities.none()));
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    validate(review, LocalDate.ofInstant(now, clock.getZone()));
    int version = review.version() + 1;
    try {
      return jdbi.inTransaction(
          h -> {
            requireDailyVersionsLeft(h, review, now);
            if (review.version() == 0) {
              insert(h, review, user.name(), now);
            } else {
              update(h, review, user.name(), now);
            }
            h.createUpdate(
                    "DELETE FROM ltc_admission_review_factor WHERE practice_code = :p"
                        + " AND spell_id = :s")
                .bind("p", review.practiceCode())
                .bind("s", review.spellId())
                .execute();
            for (ContributingFactor f : review.factors()) {
              h.createUpdate(
                      "INSERT INTO ltc_admission_review_factor (practice_code, spell_id, factor)"
                          + " VALUES (:p, :s, :f)")
                  .bind("p", review.practiceCode())
                  .bind("s", review.spellId())
                  .bind("f", f.name())
                  .execute();
            }
            h.createUpdate(
                    "INSERT INTO ltc_admission_review_history (practice_code, spell_id, version,"
                        + " report_month, reviewer, review_date, outcome, factors, learning,"
                        + " follow_up_action, saved_by, saved_at) VALUES (:p, :s, :v, :m, :reviewer,"
                        + " :date, :outcome, :factors, :learning, :action, :by, :at)")
                .bind("p", review.practiceCode())
                .bind("s", review.spellId())
                .bind("v", version)
                .bind("m", review.month().toString())
                .bind("reviewer", review.reviewer().trim())
                .bind("date", review.reviewDate())
                .bind("outcome", review.outcome().name())
                .bind(
                    "factors",
                    review.factors().stream().map(Enum::name).collect(Collectors.joining(",")))
                .bind("learning", blankToNull(review.learning()))
                .bind("action", blankToNull(review.followUpAction()))
                .bind("by", user.name())
                .bind("at", utc(now))
                .execute();
            return find(h, review.practiceCode(), review.spellId()).orElseThrow();
          });
    } catch (JdbiException e) {
      Optional<AdmissionReview> current = find(review.practiceCode(), review.spellId());
      if (review.version() == 0 && current.isPresent()) {
        throw conflict(review, current.get());
      }
      throw e;
    }
  }

  private void requireDailyVersionsLeft(Handle h, AdmissionReview review, Instant now) {
    LocalDateTime dayStart =
        utc(LocalDate.ofInstant(now, clock.getZone()).atStartOfDay(clock.getZone()).toInstant());
    int today =
        h.createQuery(
                "SELECT COUNT(*) FROM ltc_admission_review_history WHERE practice_code = :p"
                    + " AND spell_id = :s AND saved_at >= :d")
            .bind("p", review.practiceCode())
            .bind("s", review.spellId())
            .bind("d", dayStart)
            .mapTo(Integer.class)
            .one();
    if (today >= versionsPerDay) {
      throw new IllegalArgumentException(
          "this review has been saved "
              + today
              + " times today, the most a day allows; it can be saved again tomorrow");
    }
  }

  public Optional<AdmissionReview> find(String practice, String spellId) {
    return jdbi.withHandle(h -> find(h, practice, spellId));
  }

  /** The practice's reviews of admissions in the month, by spell id. */
  public List<AdmissionReview> byPracticeMonth(String practice, YearMonth month) {
    return jdbi.withHandle(
        h -> {
          List<AdmissionReview> rows =
              h.createQuery(
                      "SELECT "
                          + COLUMNS
                          + " FROM ltc_admission_review WHERE practice_code = :p"
                          + " AND report_month = :m ORDER BY spell_id")
                  .bind("p", practice)
                  .bind("m", month.toString())
                  .map(CURRENT)
                  .list();
          Map<String, Set<ContributingFactor>> factors = new java.util.HashMap<>();
          h.createQuery(
                  "SELECT f.spell_id, f.factor FROM ltc_admission_review_factor f"
                      + " JOIN ltc_admission_review r ON r.practice_code = f.practice_code"
                      + " AND r.spell_id = f.spell_id"
                      + " WHERE r.practice_code = :p AND r.report_month = :m")
              .bind("p", practice)
              .bind("m", month.toString())
              .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
              .forEach(
                  r ->
                      factors
                          .computeIfAbsent(r[0], k -> EnumSet.noneOf(ContributingFactor.class))
                          .add(ContributingFactor.valueOf(r[1])));
          return rows.stream().map(r -> withFactors(r, factors.get(r.spellId()))).toList();
        });
  }

  /** Every version of a review, oldest first (the last is the current one). */
  public List<AdmissionReview> history(String practice, String spellId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + ", factors FROM ltc_admission_review_history WHERE practice_code = :p"
                        + " AND spell_id = :s ORDER BY version")
                .bind("p", practice)
                .bind("s", spellId)
                .map(
                    (rs, ctx) -> {
                      String f = rs.getString("factors");
                      Set<ContributingFactor> factors = EnumSet.noneOf(ContributingFactor.class);
                      if (!f.isEmpty()) {
                        Arrays.stream(f.split(","))
                            .map(ContributingFactor::valueOf)
                            .forEach(factors::add);
                      }
                      return withFactors(CURRENT.map(rs, ctx), factors);
                    })
                .list());
  }

  // ---- writing ----

  private static void validate(AdmissionReview r, LocalDate today) {
    List<String> problems = new ArrayList<>();
    if (r.spellId().isBlank()) {
      problems.add("spell id is missing");
    }
    if (r.month() == null) {
      problems.add("the admission month is missing");
    }
    if (r.reviewer() == null || r.reviewer().isBlank()) {
      problems.add("the reviewer is missing");
    }
    if (r.outcome() == null) {
      problems.add("the outcome is missing");
    }
    if (r.reviewDate() == null) {
      problems.add("the review date is missing");
    } else {
      if (r.reviewDate().isAfter(today)) {
        problems.add("the review date " + r.reviewDate() + " is in the future");
      }
      if (r.month() != null && r.reviewDate().isBefore(r.month().atDay(1))) {
        problems.add(
            "the review date " + r.reviewDate() + " is before the admission month " + r.month());
      }
    }
    if (r.reviewer() != null && r.reviewer().trim().length() > MAX_REVIEWER) {
      problems.add("the reviewer is longer than " + MAX_REVIEWER + " characters");
    }
    if (r.learning() != null && r.learning().length() > MAX_TEXT) {
      problems.add("the learning text is longer than " + MAX_TEXT + " characters");
    }
    if (r.followUpAction() != null && r.followUpAction().length() > MAX_TEXT) {
      problems.add("the follow-up action is longer than " + MAX_TEXT + " characters");
    }
    if (r.version() < 0) {
      problems.add("version must be 0 (new) or the version edited");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  private static void insert(Handle h, AdmissionReview r, String by, Instant now) {
    h.createUpdate(
            "INSERT INTO ltc_admission_review ("
                + COLUMNS
                + ") VALUES (:p, :s, :m, 1, :reviewer, :date, :outcome, :learning, :action, :by,"
                + " :at)")
        .bindMap(values(r, by, now))
        .execute();
  }

  private static void update(Handle h, AdmissionReview r, String by, Instant now) {
    Map<String, Object> values = values(r, by, now);
    values.put("expected", r.version());
    values.put("next", r.version() + 1);
    int updated =
        h.createUpdate(
                "UPDATE ltc_admission_review SET version = :next, reviewer = :reviewer,"
                    + " review_date = :date, outcome = :outcome, learning = :learning,"
                    + " follow_up_action = :action, saved_by = :by, saved_at = :at"
                    + " WHERE practice_code = :p AND spell_id = :s AND version = :expected"
                    + " AND report_month = :m")
            .bindMap(values)
            .execute();
    if (updated != 1) {
      Optional<AdmissionReview> current = find(h, r.practiceCode(), r.spellId());
      if (current.isEmpty()) {
        throw new IllegalArgumentException(
            "there is no review of spell " + r.spellId() + " to edit: save it as a new review");
      }
      if (!current.get().month().equals(r.month())) {
        throw new IllegalArgumentException(
            "the review of spell "
                + r.spellId()
                + " is for admissions in "
                + current.get().month()
                + ", not "
                + r.month());
      }
      throw conflict(r, current.get());
    }
  }

  private static ReviewConflict conflict(AdmissionReview attempted, AdmissionReview current) {
    return new ReviewConflict(
        "the review of spell "
            + attempted.spellId()
            + " was saved by "
            + current.savedBy()
            + " at "
            + current.savedAt()
            + " (version "
            + current.version()
            + ") after "
            + (attempted.version() == 0
                ? "this new review was started"
                : "version " + attempted.version() + " was opened")
            + ": reload it and make the change again");
  }

  private static Map<String, Object> values(AdmissionReview r, String by, Instant now) {
    Map<String, Object> v = new java.util.HashMap<>();
    v.put("p", r.practiceCode());
    v.put("s", r.spellId());
    v.put("m", r.month().toString());
    v.put("reviewer", r.reviewer().trim());
    v.put("date", r.reviewDate());
    v.put("outcome", r.outcome().name());
    v.put("learning", blankToNull(r.learning()));
    v.put("action", blankToNull(r.followUpAction()));
    v.put("by", by);
    v.put("at", utc(now));
    return v;
  }

  // ---- reading ----

  private static Optional<AdmissionReview> find(Handle h, String practice, String spellId) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM ltc_admission_review WHERE practice_code = :p AND spell_id = :s")
        .bind("p", practice)
        .bind("s", spellId)
        .map(CURRENT)
        .findOne()
        .map(
            r -> {
              Set<ContributingFactor> factors = EnumSet.noneOf(ContributingFactor.class);
              h.createQuery(
                      "SELECT factor FROM ltc_admission_review_factor WHERE practice_code = :p"
                          + " AND spell_id = :s")
                  .bind("p", practice)
                  .bind("s", spellId)
                  .mapTo(String.class)
                  .forEach(f -> factors.add(ContributingFactor.valueOf(f)));
              return withFactors(r, factors);
            });
  }

  private static AdmissionReview withFactors(AdmissionReview r, Set<ContributingFactor> factors) {
    return new AdmissionReview(
        r.practiceCode(),
        r.spellId(),
        r.month(),
        r.reviewer(),
        r.reviewDate(),
        r.outcome(),
        factors,
        r.learning(),
        r.followUpAction(),
        r.version(),
        r.savedBy(),
        r.savedAt());
  }

  private static final RowMapper<AdmissionReview> CURRENT =
      (rs, ctx) ->
          new AdmissionReview(
              rs.getString("practice_code"),
              rs.getString("spell_id"),
              YearMonth.parse(rs.getString("report_month")),
              rs.getString("reviewer"),
              rs.getObject("review_date", LocalDate.class),
              ReviewOutcome.valueOf(rs.getString("outcome")),
              Set.of(),
              rs.getString("learning"),
              rs.getString("follow_up_action"),
              rs.getInt("version"),
              rs.getString("saved_by"),
              instant(rs, "saved_at"));

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static LocalDateTime utc(Instant t) {
    return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime t = rs.getObject(column, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }
}
