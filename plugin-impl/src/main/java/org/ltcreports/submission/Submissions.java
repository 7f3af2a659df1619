package org.ltcreports.submission;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.ltcreports.access.Action;
import org.ltcreports.access.Permissions;
import org.ltcreports.access.PracticeLocalities;
import org.ltcreports.access.Scope;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.submission.ArtifactVerification.RunMatch;
import org.ltcreports.submission.ArtifactVerification.SubmissionMatch;
import org.ltcreports.submission.ReturnCommand.Acknowledge;
import org.ltcreports.submission.ReturnCommand.Resubmit;
import org.ltcreports.submission.ReturnCommand.ReturnToPractice;
import org.ltcreports.submission.ReturnCommand.Submit;

/**
 * Stored returns ({@code ltc_submission}, {@code ltc_submission_artifact}, {@code
 * ltc_submission_figure}). State changes check the user's permission for the practice ({@link
 * Permissions}), then the lifecycle ({@link ReturnLifecycle}), then write inside one transaction. A
 * submission's files and figures are written once and never changed; only the decision
 * (acknowledged or returned, by whom, when, why) is written later, guarded by the state it expects.
 * The caller records the matching audit event (SUBMIT, RESUBMIT, ACKNOWLEDGE, RETURN) with the
 * artifacts' SHA-256. Reads do not check permissions: callers ask {@link Permissions#decide} with
 * {@link Action#VIEW_RETURN} first.
 */
public final class Submissions {
  private static final String COLUMNS =
      "practice_code, report_month, version, state, submitted_by, submitted_at, due_date, on_time,"
          + " warnings_acknowledged, run_id, rules_version, policy_version, decided_by,"
          + " decided_at, reason, reply";

  private final Jdbi jdbi;
  private final Clock clock;
  private final ReturnPolicy policy;
  private final PracticeLocalities localities;
  private final WorkingDays calendar;

  public Submissions(
      Jdbi jdbi,
      Clock clock,
      ReturnPolicy policy,
      PracticeLocalities localities,
      WorkingDays calendar) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.localities = Objects.requireNonNull(localities, "localities");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  /** With the England and Wales bank holidays. */
  public Submissions(Jdbi jdbi, Clock clock, ReturnPolicy policy, PracticeLocalities localities) {
    this(jdbi, clock, policy, localities, WorkingDays.englandAndWales());
  }

  // ---- status: the one place that decides it (ReturnStatus.of) ----

  /** Today in the policy's time zone. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), policy.zone());
  }

  public ReturnPolicy policy() {
    return policy;
  }

  /** The status of a practice's return today. */
  public ReturnStatus status(String practice, YearMonth month) {
    return status(month, versions(practice, month));
  }

  /**
   * The status of a return from its stored versions (oldest first; empty when nothing was
   * submitted): the latest version's state, version 1's lateness.
   */
  public ReturnStatus status(YearMonth month, List<Submission> versions) {
    if (versions.isEmpty()) {
      return ReturnStatus.of(month, ReturnState.DRAFT, true, today(), policy, calendar);
    }
    Submission first = versions.get(0);
    Submission latest = versions.get(versions.size() - 1);
    return ReturnStatus.of(month, latest.state(), first.onTime(), today(), policy, calendar);
  }

  /** Every practice's versions of a month's return, oldest first, by practice code. */
  public Map<String, List<Submission>> versionsForMonth(YearMonth month) {
    Map<String, List<Submission>> out = new java.util.TreeMap<>();
    for (Submission s : forMonth(month)) {
      out.computeIfAbsent(s.practiceCode(), k -> new ArrayList<>()).add(s);
    }
    return out;
  }

  // ---- state changes ----

  /**
   * Submits a draft as version 1, or a returned return as the next version (RESUBMITTED). Of two
   * simultaneous submissions of the same version exactly one is stored; the other gets an {@link
   * IllegalTransition}.
   */
  public Submission submit(HostUser user, SubmitRequest request) {
    String practice = request.practiceCode();
    YearMonth month = request.month();
    Permissions.require(
        user, Action.SUBMIT_RETURN, Scope.practice(practice, Audience.COMMISSIONER, localities));
    validate(request);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    int[] attempted = {0};
    try {
      return jdbi.inTransaction(
          h -> {
            Optional<Submission> latest = latest(h, practice, month);
            ReturnState current = latest.map(Submission::state).orElse(ReturnState.DRAFT);
            ReturnCommand command =
                current == ReturnState.RETURNED
                    ? new Resubmit(
                        request.warnings(), request.acknowledgedWarnings(), request.reply())
                    : new Submit(request.warnings(), request.acknowledgedWarnings());
            ReturnState next = ReturnLifecycle.transition(current, command, user);
            int version = latest.map(s -> s.version() + 1).orElse(1);
            attempted[0] = version;
            String reply = command instanceof Resubmit r ? r.reply() : null;
            insert(h, request, version, next, reply, user.name(), now);
            return load(h, practice, month, version).orElseThrow();
          });
    } catch (JdbiException e) {
      Optional<Submission> winner =
          attempted[0] == 0 ? Optional.empty() : find(practice, month, attempted[0]);
      if (winner.isPresent()) {
        Submission w = winner.get();
        throw new IllegalTransition(
            w.state(),
            "submit",
            "cannot submit this return: version "
                + w.version()
                + " for "
                + practice
                + " "
                + month
                + " was submitted by "
                + w.submittedBy()
                + " at the same time");
      }
      throw e;
    }
  }

  /** Accepts the latest version. */
  public Submission acknowledge(HostUser user, String practice, YearMonth month) {
    return decide(user, practice, month, Action.ACKNOWLEDGE_RETURN, new Acknowledge());
  }

  /** Sends the latest version back to the practice with a reason. */
  public Submission sendBack(HostUser user, String practice, YearMonth month, String reason) {
    return decide(user, practice, month, Action.RETURN_RETURN, new ReturnToPractice(reason));
  }

  private Submission decide(
      HostUser user, String practice, YearMonth month, Action action, ReturnCommand command) {
    Permissions.require(
        user, action, Scope.practice(practice, null, localities).withReturnSubmitted(true));
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return jdbi.inTransaction(
        h -> {
          Optional<Submission> latest = latest(h, practice, month);
          ReturnState current = latest.map(Submission::state).orElse(ReturnState.DRAFT);
          ReturnState next = ReturnLifecycle.transition(current, command, user);
          Submission s = latest.orElseThrow();
          if (s.submittedBy().equals(user.name())) {
            throw new IllegalTransition(
                current,
                command.verb(),
                "cannot "
                    + command.verb()
                    + " this return: "
                    + user.name()
                    + " submitted it, and a return is decided on by someone else");
          }
          String reason = command instanceof ReturnToPractice r ? r.reason().trim() : null;
          int updated =
              h.createUpdate(
                      "UPDATE ltc_submission SET state = :next, decided_by = :by,"
                          + " decided_at = :at, reason = :reason WHERE practice_code = :p AND"
                          + " report_month = :m AND version = :v AND state = :current")
                  .bind("next", next.name())
                  .bind("by", user.name())
                  .bind("at", utc(now))
                  .bind("reason", reason)
                  .bind("p", practice)
                  .bind("m", month.toString())
                  .bind("v", s.version())
                  .bind("current", current.name())
                  .execute();
          if (updated != 1) {
            throw new IllegalTransition(
                current,
                command.verb(),
                "cannot " + command.verb() + " this return: it was changed by someone else");
          }
          return load(h, practice, month, s.version()).orElseThrow();
        });
  }

  // ---- reads ----

  /** The return's state: that of its latest version, or DRAFT when nothing was submitted. */
  public ReturnState state(String practice, YearMonth month) {
    return latest(practice, month).map(Submission::state).orElse(ReturnState.DRAFT);
  }

  public Optional<Submission> latest(String practice, YearMonth month) {
    return jdbi.withHandle(h -> latest(h, practice, month));
  }

  public Optional<Submission> find(String practice, YearMonth month, int version) {
    return jdbi.withHandle(h -> load(h, practice, month, version));
  }

  /** Every version, oldest first. */
  public List<Submission> versions(String practice, YearMonth month) {
    return jdbi.withHandle(
        h -> {
          List<Integer> versions =
              h.createQuery(
                      "SELECT version FROM ltc_submission WHERE practice_code = :p AND"
                          + " report_month = :m ORDER BY version")
                  .bind("p", practice)
                  .bind("m", month.toString())
                  .mapTo(Integer.class)
                  .list();
          List<Submission> out = new ArrayList<>();
          for (int v : versions) {
            out.add(load(h, practice, month, v).orElseThrow());
          }
          return out;
        });
  }

  /** Every version of every practice's return for a month (collation: expected vs received). */
  public List<Submission> forMonth(YearMonth month) {
    return jdbi.withHandle(
        h -> {
          List<Submission> rows =
              h.createQuery(
                      "SELECT "
                          + COLUMNS
                          + " FROM ltc_submission WHERE report_month = :m"
                          + " ORDER BY practice_code, version")
                  .bind("m", month.toString())
                  .map(SUBMISSION)
                  .list();
          List<Submission> out = new ArrayList<>();
          for (Submission s : rows) {
            out.add(withArtifacts(h, s));
          }
          return out;
        });
  }

  /**
   * The exact bytes stored for one format of one version, checked against their SHA-256.
   *
   * @throws IllegalStateException when the stored bytes no longer match their hash
   */
  public Optional<byte[]> artifact(String practice, YearMonth month, int version, Format format) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT content, sha256 FROM ltc_submission_artifact WHERE practice_code = :p"
                        + " AND report_month = :m AND version = :v AND format = :f")
                .bind("p", practice)
                .bind("m", month.toString())
                .bind("v", version)
                .bind("f", format.extension())
                .map(
                    (rs, ctx) -> {
                      byte[] bytes = rs.getBytes("content");
                      if (!sha256(bytes).equals(rs.getString("sha256"))) {
                        throw new IllegalStateException(
                            "stored "
                                + format.extension()
                                + " of "
                                + practice
                                + " "
                                + month
                                + " version "
                                + version
                                + " does not match its SHA-256: it was changed in the database");
                      }
                      return bytes;
                    })
                .findOne());
  }

  /**
   * What changed from the previous version to {@code version}; empty for version 1 (or an unknown
   * version).
   */
  public Optional<FigureDiff> changes(String practice, YearMonth month, int version) {
    if (version < 2) {
      return Optional.empty();
    }
    return jdbi.withHandle(
        h -> {
          if (load(h, practice, month, version).isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(
              FigureDiff.between(
                  figures(h, practice, month, version - 1), figures(h, practice, month, version)));
        });
  }

  /**
   * What differs between the latest stored version and a report regenerated now (empty when nothing
   * was submitted): if the data has changed since submission, this says how.
   */
  public Optional<FigureDiff> changesSinceSubmitted(Report regenerated) {
    YearMonth month = regenerated.month();
    String practice = regenerated.practiceCode();
    return jdbi.withHandle(
        h ->
            latest(h, practice, month)
                .map(
                    s ->
                        FigureDiff.between(
                            figures(h, practice, month, s.version()),
                            FigureDiff.figures(regenerated))));
  }

  /**
   * Which stored submission or report run a file is: looked up by SHA-256 in {@code
   * ltc_submission_artifact} (bytes compared as well) and {@code ltc_run_artifact}.
   */
  public ArtifactVerification verify(byte[] file) {
    String sha = sha256(file);
    return jdbi.withHandle(
        h -> {
          List<SubmissionMatch> submissions =
              h
                  .createQuery(
                      "SELECT a.practice_code, a.report_month, a.version, a.format, a.file_name,"
                          + " a.content, s.state, s.submitted_by, s.submitted_at"
                          + " FROM ltc_submission_artifact a JOIN ltc_submission s"
                          + " ON s.practice_code = a.practice_code"
                          + " AND s.report_month = a.report_month AND s.version = a.version"
                          + " WHERE a.sha256 = :sha ORDER BY a.practice_code, a.report_month,"
                          + " a.version, a.format")
                  .bind("sha", sha)
                  .map(
                      (rs, ctx) ->
                          Arrays.equals(rs.getBytes("content"), file)
                              ? new SubmissionMatch(
                                  rs.getString("practice_code"),
                                  rs.getString("report_month"),
                                  rs.getInt("version"),
                                  Format.byExtension(rs.getString("format")).orElseThrow(),
                                  rs.getString("file_name"),
                                  ReturnState.valueOf(rs.getString("state")),
                                  rs.getString("submitted_by"),
                                  instant(rs, "submitted_at"))
                              : null)
                  .list()
                  .stream()
                  .filter(Objects::nonNull)
                  .toList();
          List<RunMatch> runs =
              h.createQuery(
                      "SELECT a.run_id, a.format, a.file_name, r.report_type, r.scope_code,"
                          + " r.report_month, r.audience, r.requested_by"
                          + " FROM ltc_run_artifact a JOIN ltc_report_run r ON r.run_id = a.run_id"
                          + " WHERE a.sha256 = :sha ORDER BY a.run_id, a.format")
                  .bind("sha", sha)
                  .map(
                      (rs, ctx) ->
                          new RunMatch(
                              rs.getString("run_id"),
                              rs.getString("format"),
                              rs.getString("file_name"),
                              rs.getString("report_type"),
                              rs.getString("scope_code"),
                              rs.getString("report_month"),
                              rs.getString("audience"),
                              rs.getString("requested_by")))
                  .list();
          return new ArtifactVerification(sha, submissions, runs);
        });
  }

  public LocalDate dueDate(YearMonth month) {
    return policy.dueDate(month);
  }

  // ---- writing ----

  private static void validate(SubmitRequest r) {
    Report report = r.report();
    List<String> problems = new ArrayList<>();
    if (report.type() != ReportType.CASE_MANAGEMENT_RETURN) {
      problems.add("the report must be a case management return, not " + report.type());
    }
    if (report.audience() != Audience.COMMISSIONER) {
      problems.add(
          "a return is sent as its COMMISSIONER copy (no patient-level data), not "
              + report.audience());
    }
    if (!r.practiceCode().equals(report.practiceCode()) || !r.month().equals(report.month())) {
      problems.add(
          "the report is for "
              + report.practiceCode()
              + " "
              + report.month()
              + ", not "
              + r.practiceCode()
              + " "
              + r.month());
    }
    if (r.files().isEmpty()) {
      problems.add("no files to store");
    }
    Set<Format> formats = EnumSet.noneOf(Format.class);
    for (ArtifactFile f : r.files()) {
      if (!formats.add(f.format())) {
        problems.add("two files of format " + f.format().extension());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  private void insert(
      Handle h,
      SubmitRequest r,
      int version,
      ReturnState state,
      String reply,
      String by,
      Instant now) {
    String month = r.month().toString();
    h.createUpdate(
            "INSERT INTO ltc_submission ("
                + COLUMNS
                + ") VALUES (:p, :m, :v, :state, :by, :at, :due, :onTime, :warnings, :run,"
                + " :rules, :policy, NULL, NULL, NULL, :reply)")
        .bind("p", r.practiceCode())
        .bind("m", month)
        .bind("v", version)
        .bind("state", state.name())
        .bind("by", by)
        .bind("at", utc(now))
        .bind("due", policy.dueDate(r.month()))
        .bind("onTime", policy.onTime(r.month(), now))
        .bind(
            "warnings",
            String.join("\n", oneLine(r.acknowledgedWarnings().stream().sorted().toList())))
        .bind("run", r.runId())
        .bind("rules", r.report().rulesVersion())
        .bind("policy", r.report().disclosurePolicyVersion())
        .bind("reply", reply)
        .execute();
    for (ArtifactFile f : r.files()) {
      byte[] bytes = f.bytes();
      h.createUpdate(
              "INSERT INTO ltc_submission_artifact (practice_code, report_month, version, format,"
                  + " file_name, byte_size, sha256, content)"
                  + " VALUES (:p, :m, :v, :f, :name, :size, :sha, :content)")
          .bind("p", r.practiceCode())
          .bind("m", month)
          .bind("v", version)
          .bind("f", f.format().extension())
          .bind("name", f.fileName())
          .bind("size", (long) bytes.length)
          .bind("sha", sha256(bytes))
          .bind("content", bytes)
          .execute();
    }
    var batch =
        h.prepareBatch(
            "INSERT INTO ltc_submission_figure (practice_code, report_month, version, figure_id,"
                + " value_type, value_text) VALUES (:p, :m, :v, :id, :type, :text)");
    for (Map.Entry<String, Object> e : FigureDiff.figures(r.report()).entrySet()) {
      String[] typed = typed(e.getValue());
      batch
          .bind("p", r.practiceCode())
          .bind("m", month)
          .bind("v", version)
          .bind("id", e.getKey())
          .bind("type", typed[0])
          .bind("text", typed[1])
          .add();
    }
    if (batch.size() > 0) {
      batch.execute();
    }
  }

  private static List<String> oneLine(List<String> warnings) {
    return warnings.stream().map(w -> w.replace('\n', ' ').replace('\r', ' ')).toList();
  }

  /** A figure's value as (type, exact text). */
  private static String[] typed(Object v) {
    if (v == null) {
      return new String[] {"NULL", null};
    }
    if (v instanceof Long
        || v instanceof Integer
        || v instanceof Short
        || v instanceof Byte
        || v instanceof BigInteger) {
      return new String[] {"INTEGER", v.toString()};
    }
    if (v instanceof BigDecimal d) {
      return new String[] {"DECIMAL", d.toPlainString()};
    }
    if (v instanceof Number n) {
      return new String[] {"DECIMAL", Double.toString(n.doubleValue())};
    }
    return new String[] {"TEXT", v.toString()};
  }

  private static Object untyped(String type, String text) {
    return switch (type) {
      case "INTEGER" -> Long.parseLong(text);
      case "DECIMAL" -> parseDecimal(text);
      case "TEXT" -> text;
      default -> null;
    };
  }

  private static Object parseDecimal(String text) {
    double d = Double.parseDouble(text);
    return Double.isFinite(d) ? new BigDecimal(text) : d;
  }

  // ---- reading ----

  private static Map<String, Object> figures(Handle h, String practice, YearMonth month, int v) {
    Map<String, Object> out = new LinkedHashMap<>();
    h.createQuery(
            "SELECT figure_id, value_type, value_text FROM ltc_submission_figure"
                + " WHERE practice_code = :p AND report_month = :m AND version = :v"
                + " ORDER BY figure_id")
        .bind("p", practice)
        .bind("m", month.toString())
        .bind("v", v)
        .map((rs, ctx) -> new Object[] {rs.getString(1), untyped(rs.getString(2), rs.getString(3))})
        .forEach(row -> out.put((String) row[0], row[1]));
    return out;
  }

  private static Optional<Submission> latest(Handle h, String practice, YearMonth month) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM ltc_submission WHERE practice_code = :p AND report_month = :m"
                + " ORDER BY version DESC")
        .bind("p", practice)
        .bind("m", month.toString())
        .setMaxRows(1)
        .map(SUBMISSION)
        .findFirst()
        .map(s -> withArtifacts(h, s));
  }

  private static Optional<Submission> load(
      Handle h, String practice, YearMonth month, int version) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM ltc_submission WHERE practice_code = :p AND report_month = :m"
                + " AND version = :v")
        .bind("p", practice)
        .bind("m", month.toString())
        .bind("v", version)
        .map(SUBMISSION)
        .findOne()
        .map(s -> withArtifacts(h, s));
  }

  private static Submission withArtifacts(Handle h, Submission s) {
    List<StoredArtifact> artifacts =
        h.createQuery(
                "SELECT format, file_name, byte_size, sha256 FROM ltc_submission_artifact"
                    + " WHERE practice_code = :p AND report_month = :m AND version = :v"
                    + " ORDER BY format")
            .bind("p", s.practiceCode())
            .bind("m", s.month().toString())
            .bind("v", s.version())
            .map(
                (rs, ctx) ->
                    new StoredArtifact(
                        Format.byExtension(rs.getString("format")).orElseThrow(),
                        rs.getString("file_name"),
                        rs.getLong("byte_size"),
                        rs.getString("sha256")))
            .list();
    return new Submission(
        s.practiceCode(),
        s.month(),
        s.version(),
        s.state(),
        s.submittedBy(),
        s.submittedAt(),
        s.dueDate(),
        s.onTime(),
        s.warningsAcknowledged(),
        s.runId(),
        s.rulesVersion(),
        s.policyVersion(),
        s.decidedBy(),
        s.decidedAt(),
        s.reason(),
        s.reply(),
        artifacts);
  }

  private static final RowMapper<Submission> SUBMISSION =
      (rs, ctx) -> {
        String warnings = rs.getString("warnings_acknowledged");
        return new Submission(
            rs.getString("practice_code"),
            YearMonth.parse(rs.getString("report_month")),
            rs.getInt("version"),
            ReturnState.valueOf(rs.getString("state")),
            rs.getString("submitted_by"),
            instant(rs, "submitted_at"),
            rs.getObject("due_date", LocalDate.class),
            rs.getBoolean("on_time"),
            warnings.isEmpty() ? List.of() : List.of(warnings.split("\n")),
            rs.getString("run_id"),
            rs.getString("rules_version"),
            rs.getString("policy_version"),
            rs.getString("decided_by"),
            instant(rs, "decided_at"),
            rs.getString("reason"),
            rs.getString("reply"),
            List.of());
      };

  private static LocalDateTime utc(Instant t) {
    return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime t = rs.getObject(column, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
