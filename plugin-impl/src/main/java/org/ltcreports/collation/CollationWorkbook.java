package org.ltcreports.collation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureDefinition;
import org.ltcreports.api.report.Report;
import org.ltcreports.casemanagement.report.ReturnData;
import org.ltcreports.casemanagement.report.ReturnReportBuilder;
import org.ltcreports.render.DocumentTitle;
import org.ltcreports.render.Wording;
import org.ltcreports.render.xlsx.SheetWriter;
import org.ltcreports.render.xlsx.SheetWriter.Formula;
import org.ltcreports.render.xlsx.SheetWriter.Model;
import org.ltcreports.render.xlsx.SheetWriter.Style;
import org.ltcreports.submission.ReturnStatus;
import org.ltcreports.words.PeopleTime;

/**
 * The locality collation workbook (outputs.md §4) for one month:
 *
 * <ul>
 *   <li>{@code Summary}: one row per practice whose return was merged, with live formulas for the
 *       locality totals ({@code =SUM(C2:C6)}) and for every rate, in the practice rows and the
 *       total row alike ({@code =IF(D7=0,"",C7/D7*100)}), so totals and rates are recomputed from
 *       the counts, never averaged; below the total, a warning naming the expected practices it
 *       leaves out and those whose figures are unsubmitted drafts;
 *   <li>{@code Expected vs received}: the practices expected (the locality's practices), each
 *       return's one status ({@link ReturnStatus}: the same words as every page), who submitted it
 *       and when (local time), whether its figures are in the locality total (a hub collation's
 *       unsubmitted returns are marked as drafts) and the problems of each practice's files;
 *   <li>{@code Problems}: every file or return that was not merged, with the reason;
 *   <li>one sheet per merged return (sheet name = practice code): its Data rows with labels.
 * </ul>
 *
 * Built from the database ({@link #fromDatabase}, hub mode: every practice of the locality) or from
 * a folder of return workbooks ({@link #fromDirectory}, collation mode: each file validated by
 * {@link ReturnFileReader}; a bad file is listed, never merged). Written by {@link SheetWriter};
 * formulas are recalculated by the spreadsheet program on opening.
 */
public final class CollationWorkbook {
  /** The source of figures built from the database (not from a file or a stored submission). */
  private static final String DATABASE = "database";

  /** A practice the locality expects a return from. */
  public record Expected(String localityCode, Map<String, String> practices, LocalDate dueDate) {
    public Expected {
      practices = new TreeMap<>(practices);
    }
  }

  /**
   * What the submission store says of a practice's return: its one status ({@link ReturnStatus#of})
   * and, once submitted, version 1's author and time and the latest version. Unsubmitted returns
   * have a status (Draft, Due, Overdue, Not due yet) and nulls.
   */
  public record Submission(
      ReturnStatus status, String submittedBy, Instant submittedAt, int latestVersion) {
    public Submission {
      java.util.Objects.requireNonNull(status, "status");
    }

    /** A return nothing was stored for. */
    public static Submission unsubmitted(ReturnStatus status) {
      return new Submission(status, null, null, 0);
    }

    /** From the store's versions of the return (oldest first) and its status. */
    public static Submission of(
        ReturnStatus status, List<org.ltcreports.submission.Submission> versions) {
      if (versions.isEmpty()) {
        return unsubmitted(status);
      }
      var first = versions.get(0);
      return new Submission(
          status,
          first.submittedBy(),
          first.submittedAt(),
          versions.get(versions.size() - 1).version());
    }

    /** Every listed practice's return of the month, as the store says today. */
    public static Map<String, Submission> forPractices(
        org.ltcreports.submission.Submissions store,
        YearMonth month,
        java.util.Collection<String> practices) {
      Map<String, List<org.ltcreports.submission.Submission>> versions =
          store.versionsForMonth(month);
      Map<String, Submission> out = new TreeMap<>();
      for (String code : practices) {
        List<org.ltcreports.submission.Submission> v = versions.getOrDefault(code, List.of());
        out.put(code, of(store.status(month, v), v));
      }
      return out;
    }
  }

  /** A file or return that was not merged. */
  public record Problem(String source, String practiceCode, String reason) {}

  /** A column of the Summary sheet: a measure, or a rate of two earlier columns. */
  private record Column(
      String header, String measure, String numerator, String denominator, double factor) {
    boolean isRate() {
      return measure == null;
    }
  }

  private static final List<Column> COLUMNS =
      List.of(
          count("Register at month end", "register_size"),
          count("Adults on the list at month end", "list_size_18plus_month_end"),
          rate("Register as % of adults", "register_size", "list_size_18plus_month_end", 100),
          count("Referrals received", "referrals_received"),
          count("Taken onto the caseload", "episodes_started"),
          count("Discharged from case management", "discharges"),
          count("Contacts that took place", "contacts_attended"),
          count("Contacts that did not take place", "contacts_not_attended"),
          count("Minutes of contact", "contact_minutes"),
          rate("Contacts per register patient", "contacts_attended", "register_size", 1),
          count("Agreed care plans", "care_plan_agreed"),
          rate("Agreed care plans (% of register)", "care_plan_agreed", "register_size", 100),
          count("Hospital discharges of register patients", "hospital_discharges_register"),
          count("Followed up within 3 working days", "followed_up_3wd"),
          rate(
              "Followed up within 3 working days (%)",
              "followed_up_3wd", "hospital_discharges_register", 100),
          count(MeasureCatalogue.get("register_ea_count").label(), "register_ea_count"),
          count(MeasureCatalogue.get("register_bed_days").label(), "register_bed_days"));

  private static Column count(String header, String measure) {
    return new Column(header, measure, null, null, 0);
  }

  private static Column rate(String header, String num, String den, double factor) {
    return new Column(header, null, num, den, factor);
  }

  private final YearMonth month;
  private final Expected expected;
  private final List<ReturnFile> merged;
  private final List<Problem> problems;
  private final Map<String, Submission> submissions;

  private CollationWorkbook(
      YearMonth month,
      Expected expected,
      List<ReturnFile> merged,
      List<Problem> problems,
      Map<String, Submission> submissions) {
    this.month = month;
    this.expected = expected;
    List<ReturnFile> sorted = new ArrayList<>(merged);
    sorted.sort(Comparator.comparing(ReturnFile::practiceCode));
    this.merged = List.copyOf(sorted);
    List<Problem> byFile = new ArrayList<>(problems);
    byFile.sort(Comparator.comparing(Problem::source)); // stable: a file's reasons keep their order
    this.problems = List.copyOf(byFile);
    this.submissions = submissions == null ? Map.of() : Map.copyOf(submissions);
  }

  /**
   * Hub mode: the returns of every practice of the locality, built from the database, but for those
   * submitted, whose stored figures are totalled ({@link SubmittedFiles}).
   *
   * @param submissions who submitted which practice's return and when (may be empty)
   */
  public static CollationWorkbook fromDatabase(
      ReturnReportBuilder builder,
      String localityCode,
      LocalDate dueDate,
      Map<String, Submission> submissions,
      SubmittedFiles stored) {
    return fromReturns(
        builder.measures().month(),
        localityCode,
        builder.buildLocality(localityCode),
        dueDate,
        submissions,
        stored);
  }

  /**
   * Hub mode from returns already built ({@link ReturnReportBuilder#build}, the practice
   * audience's), one for every practice of the locality: a batch that wrote the return files
   * collates the same reports instead of building each again.
   */
  public static CollationWorkbook fromReturns(
      YearMonth month,
      String localityCode,
      List<Report> returns,
      LocalDate dueDate,
      Map<String, Submission> submissions,
      SubmittedFiles stored) {
    Map<String, String> practices = new TreeMap<>();
    List<ReturnFile> files = new ArrayList<>();
    for (Report r : returns) {
      practices.put(r.practiceCode(), r.practiceName());
      Submission s = submissions == null ? null : submissions.get(r.practiceCode());
      java.util.Optional<ReturnFile> submitted =
          s == null || s.status().unsubmitted()
              ? java.util.Optional.empty()
              : stored.latest(r.practiceCode(), month);
      if (submitted.isPresent()) {
        files.add(submitted.get());
        continue;
      }
      List<ReturnData.Row> rows = ReturnData.rows(r);
      files.add(
          new ReturnFile(
              DATABASE,
              r.practiceCode(),
              r.practiceName(),
              r.localityCode(),
              r.month(),
              rows,
              ReturnData.sha256(rows)));
    }
    Expected expected = new Expected(localityCode, practices, dueDate);
    return new CollationWorkbook(month, expected, files, List.of(), submissions);
  }

  /**
   * Collation mode: every file of a folder, validated; bad files listed, never merged.
   *
   * @param expected the locality's practices, or null when not known (then no practice is flagged
   *     as unexpected or missing)
   */
  public static CollationWorkbook fromDirectory(
      Path dir,
      YearMonth month,
      Expected expected,
      ReturnFileReader reader,
      Map<String, Submission> submissions) {
    return fromDirectory(dir, month, expected, reader, submissions, SubmittedFigures.NONE);
  }

  /**
   * As above; a file whose figures are not those of the practice's latest stored submission of the
   * month is listed, not merged (the database holds the submitted figures).
   */
  public static CollationWorkbook fromDirectory(
      Path dir,
      YearMonth month,
      Expected expected,
      ReturnFileReader reader,
      Map<String, Submission> submissions,
      SubmittedFigures submitted) {
    List<Path> paths;
    try (Stream<Path> s = Files.list(dir)) {
      paths = s.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    List<Problem> problems = new ArrayList<>();
    Map<String, List<ReturnFile>> byPractice = new TreeMap<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        continue;
      }
      String name = p.getFileName().toString();
      ReturnFileReader.Outcome o = reader.read(p, month);
      String practice = o.file() == null ? null : o.file().practiceCode();
      if (!o.ok()) {
        o.problems().forEach(reason -> problems.add(new Problem(name, practice, reason)));
        continue;
      }
      ReturnFile f = o.file();
      if (expected != null && !expected.practices().containsKey(f.practiceCode())) {
        problems.add(
            new Problem(
                name,
                practice,
                "practice "
                    + f.practiceCode()
                    + " is not one of locality "
                    + expected.localityCode()
                    + "'s practices"));
        continue;
      }
      if (expected != null
          && f.localityCode() != null
          && !expected.localityCode().equals(f.localityCode())) {
        problems.add(
            new Problem(
                name,
                practice,
                "the return names locality "
                    + f.localityCode()
                    + ", not "
                    + expected.localityCode()));
        continue;
      }
      String differs = differsFromSubmission(f, submitted.dataChecksums(f.practiceCode(), month));
      if (differs != null) {
        problems.add(new Problem(name, practice, differs));
        continue;
      }
      byPractice.computeIfAbsent(f.practiceCode(), k -> new ArrayList<>()).add(f);
    }
    List<ReturnFile> merged = new ArrayList<>();
    for (Map.Entry<String, List<ReturnFile>> e : byPractice.entrySet()) {
      List<ReturnFile> files = e.getValue();
      ReturnFile first = files.get(0);
      if (files.size() == 1) {
        merged.add(first);
        continue;
      }
      boolean identical = files.stream().allMatch(f -> f.checksum().equals(first.checksum()));
      if (identical) {
        merged.add(first);
        for (ReturnFile f : files.subList(1, files.size())) {
          problems.add(
              new Problem(
                  f.source(),
                  f.practiceCode(),
                  "duplicate of " + first.source() + " (same figures): not merged again"));
        }
      } else {
        String names = String.join(", ", files.stream().map(ReturnFile::source).toList());
        for (ReturnFile f : files) {
          problems.add(
              new Problem(
                  f.source(),
                  f.practiceCode(),
                  "conflicting returns for "
                      + f.practiceCode()
                      + " ("
                      + names
                      + ") with different figures: none merged"));
        }
      }
    }
    return new CollationWorkbook(month, expected, merged, problems, submissions);
  }

  /** Why a file may not stand for the practice's stored submission, or null when it may. */
  private static String differsFromSubmission(ReturnFile f, List<String> versions) {
    if (versions.isEmpty()) {
      return null;
    }
    int latest = versions.size();
    if (f.checksum().equals(versions.get(latest - 1))) {
      return null;
    }
    int same = versions.indexOf(f.checksum()) + 1;
    String fallback = ": not merged; collate from the database for the submitted figures";
    return same > 0
        ? "has the figures of version "
            + same
            + " of "
            + f.practiceCode()
            + "'s submitted return, but version "
            + latest
            + " was submitted since"
            + fallback
        : "its figures differ from "
            + f.practiceCode()
            + "'s submitted return (version "
            + latest
            + ")"
            + fallback;
  }

  public List<ReturnFile> merged() {
    return merged;
  }

  public List<Problem> problems() {
    return problems;
  }

  public YearMonth month() {
    return month;
  }

  /** The Summary row (1-based, as in formulas) of the locality totals. */
  public int totalRow() {
    return merged.size() + 2;
  }

  /** The Summary column letter of a measure's column (A = practice code). */
  public static String columnOf(String measureOrHeader) {
    for (int i = 0; i < COLUMNS.size(); i++) {
      Column c = COLUMNS.get(i);
      if (measureOrHeader.equals(c.measure()) || measureOrHeader.equals(c.header())) {
        return CellReference.convertNumToColString(i + 2);
      }
    }
    throw new IllegalArgumentException("no Summary column for " + measureOrHeader);
  }

  /** Times written in Europe/London. */
  public void write(OutputStream out, LocalDate asOf) throws IOException {
    write(out, asOf, PeopleTime.DEFAULT_ZONE);
  }

  /**
   * @param zone the zone submission times are written in (people read local time)
   */
  public void write(OutputStream out, LocalDate asOf, java.time.ZoneId zone) throws IOException {
    SheetWriter w = new SheetWriter();
    w.write("Summary", summary(w));
    w.write("Expected vs received", expectedVsReceived(w, zone));
    w.write("Problems", problemsSheet(w));
    for (ReturnFile f : merged) {
      w.write(WorkbookUtil.createSafeSheetName(f.practiceCode()), practiceSheet(w, f));
    }
    // exact figures and case managers' names, for the locality and its commissioner, never
    // published (governance.md): printed on every sheet, whoever asked for it
    w.markEverySheet(Wording.NOT_FOR_PUBLICATION);
    w.forceRecalculation();
    String locality = expected == null ? null : expected.localityCode();
    w.finish(
        asOf,
        DocumentTitle.of(DocumentTitle.whose("Locality collation", null, locality), month),
        "locality-collation/" + (locality == null ? "" : locality) + "/" + month,
        null,
        out);
  }

  private Model summary(SheetWriter w) {
    Model m = w.model();
    m.put(0, 0, "Practice", Style.HEADING).put(0, 1, "Practice name", Style.HEADING);
    for (int i = 0; i < COLUMNS.size(); i++) {
      m.put(0, i + 2, COLUMNS.get(i).header(), Style.HEADING);
      m.width(i + 2, 14);
    }
    m.width(0, 12).width(1, 34);
    int row = 1;
    Map<String, Double> totals = new java.util.HashMap<>();
    for (ReturnFile f : merged) {
      Map<String, Object> values = ReturnData.byMeasureAndKey(f.rows());
      m.put(row, 0, f.practiceCode()).put(row, 1, f.practiceName());
      Map<String, Double> counts = new java.util.HashMap<>();
      for (Column c : COLUMNS) {
        if (!c.isRate() && values.get(ReturnData.lookupKey(c.measure(), "")) instanceof Number n) {
          counts.put(c.measure(), n.doubleValue());
          totals.merge(c.measure(), n.doubleValue(), Double::sum);
        }
      }
      for (int i = 0; i < COLUMNS.size(); i++) {
        Column c = COLUMNS.get(i);
        if (c.isRate()) {
          m.put(row, i + 2, rateFormula(c, row + 1, counts), rateStyle(c));
        } else {
          m.put(row, i + 2, counts.get(c.measure()), Style.COUNT);
        }
      }
      row++;
    }
    int total = row + 1; // 1-based
    m.put(row, 0, "Locality total", Style.BOLD);
    m.put(row, 1, expected == null ? "" : expected.localityCode(), Style.BOLD);
    for (int i = 0; i < COLUMNS.size(); i++) {
      Column c = COLUMNS.get(i);
      String col = CellReference.convertNumToColString(i + 2);
      if (c.isRate()) {
        m.put(row, i + 2, rateFormula(c, total, totals), rateStyle(c));
      } else {
        m.put(
            row,
            i + 2,
            new Formula(
                merged.isEmpty() ? "0" : "SUM(" + col + "2:" + col + (total - 1) + ")",
                totals.getOrDefault(c.measure(), 0.0)),
            Style.FORMULA_COUNT);
      }
    }
    int next = row + 1;
    for (String warning : coverageWarnings()) {
      m.put(next++, 0, warning, Style.WARNING);
    }
    m.put(next + 1, 0, "Month", Style.BOLD).put(next + 1, 1, PeopleTime.month(month));
    m.put(
        next + 2,
        0,
        "Totals and rates are live formulas over the practices' counts; rates are recomputed from the summed counts, not averaged.",
        Style.MUTED);
    return m.freeze(2, 1);
  }

  private static Style rateStyle(Column c) {
    return c.factor() == 100 ? Style.FORMULA_ONE_DP : Style.TWO_DP;
  }

  /**
   * {@code =IF(den=0,"",num/den*factor)} on one row (1-based), with the value it computes from the
   * row's counts stored as the cached result.
   */
  private static Formula rateFormula(Column c, int row, Map<String, Double> counts) {
    String num = columnOf(c.numerator()) + row;
    String den = columnOf(c.denominator()) + row;
    String factor = c.factor() == 1 ? "" : "*" + (long) c.factor();
    double d = counts.getOrDefault(c.denominator(), 0.0);
    Object cached = d == 0 ? "" : counts.getOrDefault(c.numerator(), 0.0) / d * c.factor();
    return new Formula("IF(" + den + "=0,\"\"," + num + "/" + den + factor + ")", cached);
  }

  /**
   * What the locality total does not say by itself: the expected practices it leaves out (and why),
   * and the practices whose figures are drafts nobody submitted. Empty when the total covers every
   * expected practice with submitted figures (or nothing is expected).
   */
  public List<String> coverageWarnings() {
    List<String> out = new ArrayList<>();
    if (expected == null) {
      return out;
    }
    Map<String, String> missing = missing();
    if (!missing.isEmpty()) {
      List<String> named = new ArrayList<>();
      missing.forEach((code, why) -> named.add(code + " (" + why + ")"));
      out.add(
          "Partial total: the locality total covers "
              + merged.size()
              + " of "
              + expected.practices().size()
              + " practices. Missing: "
              + String.join(", ", named)
              + ".");
    }
    List<String> drafts = draftPractices();
    if (!drafts.isEmpty()) {
      out.add(
          "Draft figures: "
              + String.join(", ", drafts)
              + (drafts.size() == 1 ? " has" : " have")
              + " not submitted a return; their figures here are drafts built from the"
              + " database and may change.");
    }
    return out;
  }

  /** Expected practices not merged, with why: "file rejected" or "no file". */
  public Map<String, String> missing() {
    Map<String, String> out = new TreeMap<>();
    if (expected == null) {
      return out;
    }
    TreeSet<String> mergedCodes = new TreeSet<>();
    merged.forEach(f -> mergedCodes.add(f.practiceCode()));
    TreeSet<String> rejected = new TreeSet<>();
    problems.forEach(p -> rejected.add(p.practiceCode() == null ? "" : p.practiceCode()));
    for (String code : expected.practices().keySet()) {
      if (!mergedCodes.contains(code)) {
        out.put(code, rejected.contains(code) ? "file rejected" : "no file");
      }
    }
    return out;
  }

  /** Merged practices whose return was never submitted (hub mode builds their draft). */
  public List<String> draftPractices() {
    List<String> out = new ArrayList<>();
    for (ReturnFile f : merged) {
      Submission s = submissions.get(f.practiceCode());
      if (s != null && s.status().unsubmitted()) {
        out.add(f.practiceCode());
      }
    }
    return out;
  }

  /**
   * One line for the person who asked for the workbook, honest about what it holds: "6 practices in
   * the locality total: 1 submitted, 5 drafts (not submitted)" or "4 of 6 practices merged; 2 files
   * not merged".
   */
  public String outcome() {
    int drafts = draftPractices().size();
    // a return the locality sent back is with the practice again: not counted as submitted, as
    // the locality overview's headline does not (ReturnStatus.received)
    int sentBack = 0;
    for (ReturnFile f : merged) {
      Submission s = submissions.get(f.practiceCode());
      if (s != null && s.status() == ReturnStatus.RETURNED) {
        sentBack++;
      }
    }
    String of =
        expected == null
            ? merged.size() + (merged.size() == 1 ? " return" : " returns") + " merged"
            : merged.size() + " of " + expected.practices().size() + " practices in the total";
    String split =
        submissions.isEmpty()
            ? ""
            : ": "
                + (merged.size() - drafts - sentBack)
                + " submitted, "
                + (sentBack == 0 ? "" : sentBack + " sent back, ")
                + drafts
                + (drafts == 1 ? " draft" : " drafts")
                + " (not submitted)";
    long files = problems.stream().map(Problem::source).distinct().count();
    String rejected =
        files == 0 ? "" : "; " + files + (files == 1 ? " file" : " files") + " not merged";
    return of + split + rejected;
  }

  private Model expectedVsReceived(SheetWriter w, java.time.ZoneId zone) {
    Model m = w.model();
    String[] headers = {
      "Practice",
      "Practice name",
      "Expected",
      "Return status",
      "Latest version",
      "Submitted by",
      "Submitted at (" + zone.getId() + ")",
      "In the locality total",
      "Problems"
    };
    for (int i = 0; i < headers.length; i++) {
      m.put(0, i, headers[i], Style.HEADING);
    }
    SheetWriter.widths(m, List.of(12, 34, 10, 20, 10, 20, 24, 44, 90));
    TreeSet<String> codes = new TreeSet<>();
    if (expected != null) {
      codes.addAll(expected.practices().keySet());
    }
    Map<String, ReturnFile> byCode = new LinkedHashMap<>();
    merged.forEach(f -> byCode.put(f.practiceCode(), f));
    codes.addAll(byCode.keySet());
    Map<String, List<String>> problemsOf = new TreeMap<>();
    for (Problem p : problems) {
      if (p.practiceCode() != null) {
        codes.add(p.practiceCode());
        problemsOf
            .computeIfAbsent(p.practiceCode(), k -> new ArrayList<>())
            .add(p.source() + ": " + p.reason());
      }
    }
    int row = 1;
    for (String code : codes) {
      ReturnFile f = byCode.get(code);
      String name =
          expected != null && expected.practices().containsKey(code)
              ? expected.practices().get(code)
              : f == null ? null : f.practiceName();
      Submission s = submissions.get(code);
      m.put(row, 0, code).put(row, 1, name);
      m.put(
          row,
          2,
          expected == null ? "Not known" : expected.practices().containsKey(code) ? "Yes" : "No");
      if (s == null) {
        m.put(row, 3, "Not known (no submission records)", Style.MUTED);
      } else {
        m.put(
            row,
            3,
            s.status().words(),
            s.status().tone().equals("alarm") ? Style.WARNING : Style.TEXT);
        if (s.latestVersion() > 0) {
          m.put(row, 4, s.latestVersion(), Style.COUNT);
        }
        m.put(row, 5, s.submittedBy());
        m.put(row, 6, s.submittedAt() == null ? null : PeopleTime.format(s.submittedAt(), zone));
      }
      m.put(row, 7, inTotal(f, s, problemsOf.containsKey(code)));
      m.put(row, 8, problemsOf.containsKey(code) ? String.join("; ", problemsOf.get(code)) : null);
      row++;
    }
    return m.freeze(0, 1).autoFilter("A1:I" + Math.max(1, row));
  }

  /** Whether and how a practice's figures are in the locality total. */
  private static String inTotal(ReturnFile f, Submission s, boolean hadProblems) {
    if (f == null) {
      return hadProblems ? "No: file rejected (see Problems)" : "No: no file";
    }
    boolean database = DATABASE.equals(f.source());
    if (s != null && s.status().unsubmitted()) {
      return database ? "Yes: draft figures (not submitted)" : "Yes: from " + f.source();
    }
    if (database && s != null) {
      // submitted, but its stored figures could not be read: say what is totalled instead
      return "Yes: figures rebuilt from today's data (the stored submission could not be read)";
    }
    return database ? "Yes: figures from the database" : "Yes: from " + f.source();
  }

  private Model problemsSheet(SheetWriter w) {
    Model m = w.model();
    m.put(0, 0, "File", Style.HEADING)
        .put(0, 1, "Practice", Style.HEADING)
        .put(0, 2, "Reason", Style.HEADING);
    SheetWriter.widths(m, List.of(34, 12, 110));
    int row = 1;
    for (Problem p : problems) {
      m.put(row, 0, p.source()).put(row, 1, p.practiceCode()).put(row, 2, p.reason());
      row++;
    }
    if (problems.isEmpty()) {
      m.put(1, 0, "No problems: every return received was merged.", Style.MUTED);
    }
    return m.freeze(0, 1);
  }

  private static Model practiceSheet(SheetWriter w, ReturnFile f) {
    Model m = w.model();
    m.put(0, 0, "Case management return", Style.TITLE);
    m.put(1, 0, "Practice", Style.BOLD).put(1, 1, f.practiceCode()).put(1, 2, f.practiceName());
    m.put(2, 0, "Month", Style.BOLD).put(2, 1, PeopleTime.month(f.month()));
    m.put(3, 0, "Source", Style.BOLD).put(3, 1, f.source());
    m.put(4, 0, "Data sheet SHA-256", Style.BOLD).put(4, 1, f.checksum());
    int h = 6;
    m.put(h, 0, "Measure", Style.HEADING).put(h, 1, "Id", Style.HEADING);
    m.put(h, 2, "Key", Style.HEADING).put(h, 3, "Value", Style.HEADING);
    int row = h + 1;
    for (ReturnData.Row d : f.rows()) {
      m.put(
          row,
          0,
          MeasureCatalogue.find(d.measure()).map(MeasureDefinition::label).orElse(d.measure()));
      m.put(row, 1, d.measure(), Style.MUTED);
      m.put(row, 2, d.key().isEmpty() ? null : d.key(), Style.MUTED);
      m.put(row, 3, d.value(), d.value() instanceof Number ? Style.TEXT : Style.TEXT);
      row++;
    }
    SheetWriter.widths(m, List.of(60, 30, 30, 16));
    return m.freeze(0, h + 1).autoFilter("A" + (h + 1) + ":D" + Math.max(h + 1, row));
  }
}
