package org.ltcreports.measures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The reference engine: every count in Java over the snapshot the context holds. */
public final class ReferenceEngine implements MeasureEngine {
  public static final ReferenceEngine INSTANCE = new ReferenceEngine();

  private ReferenceEngine() {}

  @Override
  public String name() {
    return "reference";
  }

  @Override
  public Population population(MeasureContext ctx, LocalDate d) {
    return Population.count(ctx, d);
  }

  @Override
  public Map<String, long[]> emergencyAdmissionsByMonth(
      MeasureContext ctx, YearMonth first, YearMonth last) {
    int months = (int) first.until(last, ChronoUnit.MONTHS) + 1;
    Map<String, long[]> byPractice = new HashMap<>();
    for (Admission a : ctx.admissions()) {
      if (a.practiceCode() == null) {
        continue;
      }
      YearMonth m = a.month();
      if (m.isBefore(first) || m.isAfter(last)) {
        continue;
      }
      int i = (int) first.until(m, ChronoUnit.MONTHS);
      byPractice.computeIfAbsent(a.practiceCode(), k -> new long[months])[i]++;
    }
    return byPractice;
  }

  @Override
  public Map<String, long[][]> acscAdmissionsByMonth(
      MeasureContext ctx, YearMonth first, YearMonth last) {
    int months = (int) first.until(last, ChronoUnit.MONTHS) + 1;
    AcscRule rule = new AcscRule(ctx.data());
    Map<String, long[][]> byPractice = new HashMap<>();
    for (Admission a : ctx.admissions()) {
      YearMonth m = a.month();
      if (a.practiceCode() == null || m.isBefore(first) || m.isAfter(last)) {
        continue;
      }
      Optional<AcscRule.Condition> condition = rule.conditionOf(a.spell());
      if (condition.isEmpty()) {
        continue;
      }
      int i = (int) first.until(m, ChronoUnit.MONTHS);
      byPractice
          .computeIfAbsent(
              a.practiceCode(), k -> new long[months][AcscRule.Condition.values().length])[i][
          condition.get().ordinal()]++;
    }
    return byPractice;
  }
}
