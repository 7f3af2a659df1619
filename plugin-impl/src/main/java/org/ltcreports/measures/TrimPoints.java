package org.ltcreports.measures;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * HRG trim points by financial year (source-schema.md "Reference data": the {@code trim_point} CSV
 * the locality supplies): {@code hrg_code,financial_year,non_elective_trim_days,elective_trim_days}
 * with that header, one row per HRG and year. Length of stay beyond the non-elective trim point of
 * the discharge's financial year is excess bed days.
 *
 * <p>Loading is strict: any bad row (unknown or missing column, blank HRG, a year not written like
 * {@code 2026/27}, days that are not a whole number ≥ 0, the same HRG and year twice) fails the
 * load with every problem listed, each naming the file and line. A wrong trim point would silently
 * change a figure sent to commissioners, so nothing is guessed. {@code elective_trim_days} may be
 * blank (it is not used by any measure).
 */
public final class TrimPoints {
  static final List<String> HEADER =
      List.of("hrg_code", "financial_year", "non_elective_trim_days", "elective_trim_days");
  private static final Pattern HRG = Pattern.compile("[A-Z0-9]{1,5}");
  private static final TrimPoints NONE = new TrimPoints(Map.of());

  private final Map<Key, Integer> nonElective;
  private final Set<FinancialYear> years = new TreeSet<>();

  private record Key(String hrg, FinancialYear year) {}

  private TrimPoints(Map<Key, Integer> nonElective) {
    this.nonElective = Map.copyOf(nonElective);
    for (Key k : nonElective.keySet()) {
      years.add(k.year());
    }
  }

  /** No trim points: excess bed days cannot be computed (the measures say so). */
  public static TrimPoints none() {
    return NONE;
  }

  /** Reads the CSV file; throws {@link TrimPointsException} listing every bad line. */
  public static TrimPoints load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new TrimPointsException(
          List.of("trim point file " + file + " does not exist or is not a file"));
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, file.toString());
    } catch (IOException e) {
      throw new TrimPointsException(
          List.of("cannot read trim point file " + file + ": " + e.getMessage()));
    }
  }

  /** Reads CSV text; {@code source} names it in error messages. */
  public static TrimPoints parse(String csv, String source) {
    try {
      return parse(new StringReader(csv), source);
    } catch (IOException e) {
      throw new TrimPointsException(List.of(source + ": " + e.getMessage()));
    }
  }

  private static TrimPoints parse(Reader reader, String source) throws IOException {
    List<String> problems = new ArrayList<>();
    Map<Key, Integer> values = new HashMap<>();
    Map<Key, Long> lineOf = new HashMap<>();
    // Empty lines are kept as records (and skipped below) so that line numbers stay true.
    CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();
    try (CSVParser parser = CSVParser.parse(reader, format)) {
      List<String> header = null;
      long next = 1;
      for (CSVRecord rec : parser) {
        long at = next;
        next = parser.getCurrentLineNumber() + 1;
        List<String> cells = rec.toList();
        if (cells.stream().allMatch(c -> stripBom(c).isEmpty())) {
          continue;
        }
        String where = source + " line " + at + ": ";
        if (header == null) {
          header = cells.stream().map(c -> stripBom(c).toLowerCase(Locale.ROOT)).toList();
          if (!header.equals(HEADER)) {
            problems.add(
                where
                    + "the header must be "
                    + String.join(",", HEADER)
                    + ", got "
                    + String.join(",", cells));
            break;
          }
          continue;
        }
        if (cells.size() != HEADER.size()) {
          problems.add(where + "expected " + HEADER.size() + " values, got " + cells.size());
          continue;
        }
        int before = problems.size();
        String hrg = Codes.normalise(cells.get(0));
        if (hrg == null) {
          problems.add(where + "hrg_code is blank");
        } else if (!HRG.matcher(hrg).matches()) {
          problems.add(where + "hrg_code '" + cells.get(0) + "' is not an HRG code");
        }
        FinancialYear year = null;
        try {
          year = FinancialYear.parse(cells.get(1));
        } catch (IllegalArgumentException e) {
          problems.add(where + e.getMessage());
        }
        Integer days = days(cells.get(2), "non_elective_trim_days", false, where, problems);
        days(cells.get(3), "elective_trim_days", true, where, problems);
        if (problems.size() > before) {
          continue;
        }
        Key key = new Key(hrg, year);
        if (values.containsKey(key)) {
          problems.add(
              where
                  + "HRG "
                  + hrg
                  + " year "
                  + year
                  + " is already given on line "
                  + lineOf.get(key));
          continue;
        }
        values.put(key, days);
        lineOf.put(key, at);
      }
      if (header == null) {
        problems.add(
            source + ": the file is empty (expected the header " + String.join(",", HEADER) + ")");
      }
    } catch (java.io.UncheckedIOException | IllegalStateException e) {
      // commons-csv reports malformed quoting this way
      problems.add(source + ": not readable as CSV: " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new TrimPointsException(problems);
    }
    return new TrimPoints(values);
  }

  /** Builds trim points in code (tests, fixtures): {@code hrg, "2026/27", days, …}. */
  public static TrimPoints of(Object... hrgYearDays) {
    if (hrgYearDays.length % 3 != 0) {
      throw new IllegalArgumentException("expected triples of hrg, financial year, days");
    }
    Map<Key, Integer> values = new HashMap<>();
    for (int i = 0; i < hrgYearDays.length; i += 3) {
      values.put(
          new Key(
              Codes.normalise((String) hrgYearDays[i]),
              FinancialYear.parse((String) hrgYearDays[i + 1])),
          (Integer) hrgYearDays[i + 2]);
    }
    return new TrimPoints(values);
  }

  public boolean isEmpty() {
    return nonElective.isEmpty();
  }

  public int size() {
    return nonElective.size();
  }

  /** The financial years the table has any row for. */
  public Set<FinancialYear> years() {
    return Collections.unmodifiableSet(years);
  }

  /** The non-elective trim point of an HRG in a financial year; empty when there is none. */
  public OptionalInt nonElectiveTrimDays(String hrgCode, FinancialYear year) {
    String hrg = Codes.normalise(hrgCode);
    if (hrg == null || year == null) {
      return OptionalInt.empty();
    }
    Integer days = nonElective.get(new Key(hrg, year));
    return days == null ? OptionalInt.empty() : OptionalInt.of(days);
  }

  /** The trim point that applies to a spell: its HRG, in the financial year of its discharge. */
  public OptionalInt forDischarge(String hrgCode, LocalDate discharged) {
    return discharged == null
        ? OptionalInt.empty()
        : nonElectiveTrimDays(hrgCode, FinancialYear.of(discharged));
  }

  private static Integer days(
      String text, String column, boolean optional, String where, List<String> problems) {
    if (text == null || text.isBlank()) {
      if (!optional) {
        problems.add(where + column + " is blank");
      }
      return null;
    }
    try {
      int d = Integer.parseInt(text.trim());
      if (d < 0) {
        problems.add(where + column + " must not be negative, got " + text);
        return null;
      }
      return d;
    } catch (NumberFormatException e) {
      problems.add(where + column + " must be a whole number of days, got '" + text + "'");
      return null;
    }
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1).trim() : s.trim();
  }
}
