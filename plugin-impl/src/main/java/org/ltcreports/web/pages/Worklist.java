package org.ltcreports.web.pages;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ltcreports.measures.Admission;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.RegisterEpisodes;

/**
 * The admission review worklist: the emergency admissions in a month of the practice's patients who
 * were on the case management register on the admission date (the admissions counted as {@code
 * reviews_due}).
 */
public final class Worklist {
  private MeasureContext ctx;
  private RegisterEpisodes register;

  /** The month's admissions to review, by admission date then spell id. */
  public synchronized List<Admission> due(
      MeasureContext context, String practice, YearMonth month) {
    if (context != ctx) {
      register = new RegisterEpisodes(context.data().episodes());
      ctx = context;
    }
    List<Admission> out = new ArrayList<>();
    for (Admission a : context.admissions()) {
      if (practice.equals(a.practiceCode())
          && a.month().equals(month)
          && register.onRegister(a.spell().patientId(), a.admitted())) {
        out.add(a);
      }
    }
    out.sort(Comparator.comparing(Admission::admitted).thenComparing(a -> a.spell().spellId()));
    return out;
  }
}
