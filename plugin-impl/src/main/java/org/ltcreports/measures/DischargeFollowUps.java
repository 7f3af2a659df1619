package org.ltcreports.measures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ltcreports.source.SourceRows.Contact;
import org.ltcreports.source.SourceRows.Episode;
import org.ltcreports.source.SourceRows.Spell;

/**
 * Hospital discharges of case management register patients and their follow-up (measures.md "Case
 * management activity return": {@code hospital_discharges_register}, {@code followed_up_3wd}), the
 * reduced result of {@link MeasureEngine#dischargeFollowUps}: practice → discharge day → {@code
 * [discharges, followed up]}.
 *
 * <ul>
 *   <li>A discharge: a spell of any method (one per spell id, {@link SpellIndex}) discharged in the
 *       month, not before its admission, with a discharge method other than {@value
 *       #DISCHARGE_DIED} (died; a missing one is not died), of a patient with a counted episode
 *       ({@link CountedEpisodes}) on the register on the discharge date; counted for the practice
 *       the patient was registered with on the admission date, as every spell is (none: left out).
 *   <li>Followed up: an attended contact ({@link MonthContacts#attended}) of the patient, on any of
 *       their episodes ({@link MonthContacts#episodeOf}), dated from the discharge day to the last
 *       day of its follow-up window, which the caller gives for each day of the month (the working
 *       days' calendar is the caller's: casemanagement.WorkingDays).
 * </ul>
 */
public final class DischargeFollowUps {
  /** Hospital discharge method "died". */
  public static final String DISCHARGE_DIED = "4";

  private DischargeFollowUps() {}

  /** Whether a spell is a discharge of the month (before asking about the register). */
  public static boolean dischargedIn(Spell s, YearMonth month) {
    LocalDate d = s.dischargeDate();
    return d != null
        && YearMonth.from(d).equals(month)
        && !d.isBefore(s.admissionDate())
        && !DISCHARGE_DIED.equals(Codes.normalise(s.dischargeMethod()));
  }

  /** The days of a month, in order (each a possible discharge day). */
  public static List<LocalDate> days(YearMonth month) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
      days.add(d);
    }
    return days;
  }

  /** A discharge counted: {@code practice → day → [discharges, followed up]}. */
  public static void add(
      Map<String, Map<LocalDate, long[]>> tally, String practice, LocalDate day, boolean followed) {
    long[] c =
        tally
            .computeIfAbsent(practice, k -> new TreeMap<>())
            .computeIfAbsent(day, k -> new long[2]);
    c[0]++;
    if (followed) {
      c[1]++;
    }
  }

  /**
   * The reference engine's count.
   *
   * @param windowEnds each day of the month → the last day of its follow-up window
   */
  static Map<String, Map<LocalDate, long[]>> count(
      MeasureContext ctx, YearMonth month, Map<LocalDate, LocalDate> windowEnds) {
    CountedEpisodes counted = CountedEpisodes.of(ctx);
    RegisterEpisodes register = ctx.registerEpisodes();
    Map<String, List<LocalDate>> attended = new HashMap<>();
    List<Contact> contacts = ctx.data().contacts();
    for (Contact c : contacts == null ? List.<Contact>of() : contacts) {
      Episode e = MonthContacts.episodeOf(c, counted);
      if (e != null && MonthContacts.attended(c.attendance())) {
        attended.computeIfAbsent(e.patientId(), k -> new ArrayList<>()).add(c.contactDate());
      }
    }
    Registrations regs = ctx.registrations();
    Map<String, Map<LocalDate, long[]>> tally = new HashMap<>();
    for (Spell s : ctx.spells().spells()) {
      if (!dischargedIn(s, month)) {
        continue;
      }
      LocalDate d = s.dischargeDate();
      if (!register.onRegister(s.patientId(), d)) {
        continue;
      }
      String practice = regs.practiceOn(s.patientId(), s.admissionDate());
      if (practice == null) {
        continue;
      }
      LocalDate until = windowEnds.get(d);
      boolean followed = false;
      for (LocalDate c : attended.getOrDefault(s.patientId(), List.of())) {
        if (!c.isBefore(d) && !c.isAfter(until)) {
          followed = true;
          break;
        }
      }
      add(tally, practice, d, followed);
    }
    return tally;
  }
}
