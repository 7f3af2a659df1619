package org.ltcreports.source;

import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * The date the source data is "as at" when the host does not say: the latest admission, discharge,
 * A&E arrival or contact date that is not after today. Derived from the data (not the clock) so
 * regenerating a report from the same data gives the same bytes.
 */
public final class ExtractDate {
  private ExtractDate() {}

  public static LocalDate of(SourceData d, LocalDate today) {
    LocalDate latest = edge(d, today, true);
    return latest == null ? today : latest;
  }

  /**
   * The earliest admission, discharge, A&E arrival or attended contact date not after today; null
   * when there is none (where the data's months begin, {@link org.ltcreports.source.DataMonths}).
   */
  public static LocalDate firstActivity(SourceData d, LocalDate today) {
    return edge(d, today, false);
  }

  private static LocalDate edge(SourceData d, LocalDate today, boolean latestFirst) {
    LocalDate[] latest = {null};
    Consumer<LocalDate> see =
        date -> {
          if (date != null
              && !date.isAfter(today)
              && (latest[0] == null
                  || (latestFirst ? date.isAfter(latest[0]) : date.isBefore(latest[0])))) {
            latest[0] = date;
          }
        };
    d.spells()
        .forEach(
            s -> {
              see.accept(s.admissionDate());
              see.accept(s.dischargeDate());
            });
    if (d.attendances() != null) {
      d.attendances().forEach(a -> see.accept(a.arrivalDate()));
    }
    // Booked future contacts (attendance 0) say nothing about how current the data is.
    d.contacts().stream()
        .filter(c -> !"0".equals(c.attendance()))
        .forEach(c -> see.accept(c.contactDate()));
    return latest[0];
  }
}
