package org.ltcreports.measures;

import java.time.LocalDate;
import java.util.Comparator;
import org.ltcreports.stats.AgeSexCell;

/**
 * A counted emergency admission in an age–sex cell ({@link AgeSexEvents#cellOf}): what the
 * data-quality rows of admissions in empty standardisation cells show.
 */
public record CellAdmission(String spellId, LocalDate admitted, AgeSexCell cell) {
  /** By admission date, then spell id: the order of {@link MeasureContext#admissions()}. */
  public static final Comparator<CellAdmission> ORDER =
      Comparator.comparing(CellAdmission::admitted).thenComparing(CellAdmission::spellId);
}
