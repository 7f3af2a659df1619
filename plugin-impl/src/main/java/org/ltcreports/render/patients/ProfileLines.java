package org.ltcreports.render.patients;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ltcreports.measures.Icd10Chapters;
import org.ltcreports.measures.PatientProfile;
import org.ltcreports.measures.PatientProfile.BeforeAndAfter;
import org.ltcreports.render.ActivityWords;
import org.ltcreports.words.PeopleTime;

/**
 * The patient profile's tables as rows of words, shared by the page and the PDF so both say the
 * same thing: each table a title, its column headings and its rows, oldest first.
 */
public final class ProfileLines {
  /** One table of the profile. */
  public record Table(String title, List<String> headings, List<List<String>> rows, String empty) {}

  private ProfileLines() {}

  /** "9434765919 · 82 · Female · practice K83001". */
  public static String who(PatientProfile p) {
    return "NHS number "
        + (p.nhsNumber() == null ? "not recorded" : p.nhsNumber())
        + " · age "
        + (p.age() == null ? "not known" : p.age())
        + " · "
        + ActivityWords.sex(p.sex())
        + " · "
        + (p.practiceCode() == null
            ? "not registered with a practice"
            : "practice " + p.practiceCode());
  }

  /** "J44.1 (Diseases of the respiratory system)"; the chapter is what the code can be read as. */
  public static String diagnosis(String code) {
    if (code == null || code.isBlank()) {
      return "Not recorded";
    }
    return Icd10Chapters.of(code)
        .map(c -> code + " (" + c.title() + ")")
        .orElse(code + " (not a code we can read)");
  }

  public static List<Table> tables(PatientProfile p, List<ProfileReview> reviews) {
    List<Table> out = new ArrayList<>();
    out.add(
        new Table(
            "Hospital stays",
            List.of(
                "Admitted",
                "Discharged",
                "Nights",
                "How admitted",
                "Hospital",
                "Primary diagnosis",
                "Excess bed days"),
            p.stays().stream()
                .map(
                    s ->
                        List.of(
                            PeopleTime.date(s.admitted()),
                            s.discharged() == null
                                ? "Still in hospital"
                                : PeopleTime.date(s.discharged()),
                            s.lengthOfStay() == null ? "–" : String.valueOf(s.lengthOfStay()),
                            ActivityWords.admissionMethod(s.admissionMethod()),
                            text(s.providerCode()),
                            diagnosis(s.primaryDiagnosis()),
                            s.excessBedDays() == null ? "–" : String.valueOf(s.excessBedDays())))
                .toList(),
            "No hospital stays recorded."));
    out.add(
        new Table(
            "A&E attendances",
            List.of("Arrived", "Hospital", "Admitted from A&E"),
            p.aeVisits().stream()
                .map(
                    a ->
                        List.of(
                            PeopleTime.date(a.arrived()),
                            text(a.providerCode()),
                            a.admitted() == null
                                ? "Not recorded"
                                : ActivityWords.yesNo(a.admitted())))
                .toList(),
            "No A&E attendances recorded."));
    out.add(
        new Table(
            "Case management",
            List.of(
                "Referred",
                "Referred by",
                "Taken on",
                "Discharged",
                "Why discharged",
                "Case manager"),
            p.episodes().stream()
                .map(
                    e ->
                        List.of(
                            PeopleTime.date(e.referred()),
                            ActivityWords.code(e.referralSource()),
                            e.started() == null ? "Not taken on" : PeopleTime.date(e.started()),
                            e.ended() == null ? "Still open" : PeopleTime.date(e.ended()),
                            e.ended() == null ? "–" : ActivityWords.code(e.endReason()),
                            text(e.caseManagerName())))
                .toList(),
            "Never referred to case management."));
    out.add(
        new Table(
            "Contacts",
            List.of("Date", "Type", "How", "Took place?", "Minutes", "By"),
            p.contacts().stream()
                .map(
                    c ->
                        List.of(
                            PeopleTime.date(c.date()),
                            ActivityWords.code(c.contactType()),
                            ActivityWords.mechanism(c.mechanism()),
                            ActivityWords.attendance(c.attendance()),
                            c.minutes() == null ? "–" : String.valueOf(c.minutes()),
                            text(c.caseManagerName())))
                .toList(),
            "No contacts recorded."));
    out.add(
        new Table(
            "Care plan and other events",
            List.of("Date", "Event"),
            p.events().stream()
                .map(
                    e ->
                        List.of(
                            PeopleTime.date(e.date()),
                            ActivityWords.code(e.eventType())
                                + (e.value() == null ? "" : ": " + ActivityWords.code(e.value()))))
                .toList(),
            "No care plan events recorded."));
    Map<String, PatientProfile.Stay> bySpell =
        p.stays().stream()
            .collect(
                Collectors.toMap(PatientProfile.Stay::spellId, Function.identity(), (a, b) -> a));
    out.add(
        new Table(
            "Admission reviews",
            List.of("Admission", "Reviewed", "Outcome"),
            reviews.stream()
                .map(
                    r ->
                        List.of(
                            bySpell.containsKey(r.spellId())
                                ? "Admitted " + PeopleTime.date(bySpell.get(r.spellId()).admitted())
                                : "An admission",
                            PeopleTime.date(r.reviewed()),
                            r.outcome()))
                .toList(),
            "No admission reviews recorded."));
    return out;
  }

  /** The before-and-after sentence, or why there is none. */
  public static String beforeAndAfter(PatientProfile p) {
    BeforeAndAfter b = p.beforeAndAfter();
    if (b == null) {
      return "Not taken onto a case management caseload, so there is no before and after.";
    }
    return "Taken onto case management on "
        + PeopleTime.date(b.start())
        + ". In the 12 months before: "
        + count(b.admissionsBefore(), "emergency admission")
        + ", "
        + count(b.bedDaysBefore(), "bed day")
        + ". In the 12 months after"
        + (b.afterComplete() ? "" : " (so far)")
        + ": "
        + count(b.admissionsAfter(), "emergency admission")
        + ", "
        + count(b.bedDaysAfter(), "bed day")
        + ".";
  }

  private static String count(long n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  private static String text(String s) {
    return s == null || s.isBlank() ? "Not recorded" : s;
  }
}
