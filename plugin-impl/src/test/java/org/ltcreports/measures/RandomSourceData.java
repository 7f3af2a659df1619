package org.ltcreports.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ltcreports.source.SourceData;

/**
 * Random but reproducible source data (a fixed seed gives the same rows) for property tests,
 * extract date 2026-10-31: 3–6 practices in localities L1/L2 (sometimes one practice without a
 * locality), a few hundred patients of every age with sex M/F and a little U, deaths, moves between
 * practices with gaps and overlaps, and spells of every admission method, source and classification
 * with ACSC and other diagnoses from 2024 to the extract date.
 */
final class RandomSourceData {
  private static final String[] METHODS = {
    "21", "21", "21", "22", "2A", "28", "24", "11", "12", "13", "2B", "81", "31"
  };
  private static final String[] DIAGNOSES = {
    "R074", "S720", "K359", "N390", "E119", "J45X", "I10X", "I500", "J440", "I489", "F03X", "D509"
  };

  private RandomSourceData() {}

  static SourceData generate(Random r) {
    SourceDataBuilder b = new SourceDataBuilder("2026-10-31");
    int practices = 3 + r.nextInt(4);
    List<String> codes = new ArrayList<>();
    for (int p = 0; p < practices; p++) {
      String code = "P" + (p + 1);
      codes.add(code);
      String locality = p == practices - 1 && r.nextInt(3) == 0 ? null : (p % 2 == 0 ? "L1" : "L2");
      b.practice(code, locality);
    }
    int patients = 200 + r.nextInt(300);
    int spell = 0;
    for (int i = 0; i < patients; i++) {
      String id = "pt" + i;
      LocalDate born = date(r, LocalDate.of(1920, 1, 1), LocalDate.of(2026, 6, 1));
      int s = r.nextInt(100);
      String sex = s < 49 ? "M" : s < 98 ? "F" : "U";
      LocalDate died =
          r.nextInt(20) == 0 ? date(r, LocalDate.of(2024, 1, 1), LocalDate.of(2026, 10, 31)) : null;
      b.patient(id, born.toString(), sex, died == null ? null : died.toString());
      String first = codes.get(r.nextInt(codes.size()));
      LocalDate from = date(r, LocalDate.of(1990, 1, 1), LocalDate.of(2026, 12, 31));
      int kind = r.nextInt(20);
      if (kind < 15) {
        b.registration(id, first, from.toString(), null);
      } else if (kind < 19) {
        // A move: the second registration starts after a gap, the next day, or overlapping.
        LocalDate to = date(r, from, LocalDate.of(2026, 12, 31));
        b.registration(id, first, from.toString(), to.toString());
        String second = codes.get(r.nextInt(codes.size()));
        b.registration(id, second, to.plusDays(r.nextInt(60) - 20).toString(), null);
      }
      int n = r.nextInt(10) < 6 ? 0 : 1 + r.nextInt(5);
      for (int k = 0; k < n; k++) {
        LocalDate admitted = date(r, LocalDate.of(2024, 1, 1), LocalDate.of(2026, 10, 31));
        LocalDate discharged = r.nextInt(15) == 0 ? null : admitted.plusDays(r.nextInt(20));
        String method = METHODS[r.nextInt(METHODS.length)];
        String source = r.nextInt(12) == 0 ? "51" : "19";
        String classification = r.nextInt(15) == 0 ? (r.nextBoolean() ? null : "2") : "1";
        b.spell(
            "s" + ++spell,
            id,
            admitted.toString(),
            discharged == null ? null : discharged.toString(),
            method,
            source,
            classification,
            "1",
            r.nextInt(30) == 0 ? "501" : "300",
            DIAGNOSES[r.nextInt(DIAGNOSES.length)],
            "EB03E");
      }
    }
    return b.build();
  }

  private static LocalDate date(Random r, LocalDate from, LocalDate to) {
    long days = to.toEpochDay() - from.toEpochDay();
    return from.plusDays(days <= 0 ? 0 : (long) (r.nextDouble() * (days + 1)));
  }
}
