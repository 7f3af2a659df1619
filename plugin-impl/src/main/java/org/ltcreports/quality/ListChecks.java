package org.ltcreports.quality;

import static org.ltcreports.api.report.DataQualityKind.MISSING_REQUIRED_VALUE;
import static org.ltcreports.api.report.DataQualityKind.OVERLAPPING_REGISTRATIONS;
import static org.ltcreports.api.report.DataQualityKind.SEX_UNKNOWN;
import static org.ltcreports.api.report.DataQualityKind.UNKNOWN_CODE;
import static org.ltcreports.quality.Charging.firstDate;
import static org.ltcreports.quality.Charging.isBlank;
import static org.ltcreports.quality.Charging.issue;
import static org.ltcreports.quality.Charging.missingDetail;
import static org.ltcreports.quality.Charging.need;
import static org.ltcreports.quality.Charging.orEmpty;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ltcreports.casemanagement.CaseManagementCodes;
import org.ltcreports.measures.Codes;
import org.ltcreports.source.SourceRows.Patient;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.source.SourceRows.Registration;

/**
 * The checks of the list tables ({@code practice}, {@code patient}, {@code registration}): missing
 * values, sex {@code U} and unknown codes of a patient row (shown wherever and whenever the patient
 * is listed), and registrations of one patient overlapping (shown in each month of the overlap).
 */
final class ListChecks {
  static final Set<String> SEXES = Set.of("M", "F", "U");

  private final Charging charging;

  ListChecks(Charging charging) {
    this.charging = charging;
  }

  void check() {
    practices();
    patients();
    registrations();
  }

  private void practices() {
    for (Practice p : orEmpty(charging.data.practices())) {
      List<String> missing = new ArrayList<>();
      need(missing, "practice_code", p.practiceCode());
      need(missing, "practice_name", p.practiceName());
      need(missing, "locality_code", p.localityCode());
      if (!missing.isEmpty()) {
        charging.findings.addRanged(
            p.practiceCode(),
            null,
            null,
            issue(MISSING_REQUIRED_VALUE, "practice", p.practiceCode(), missingDetail(missing)));
      }
    }
  }

  private void patients() {
    for (Patient p : orEmpty(charging.data.patients())) {
      List<String> missing = new ArrayList<>();
      need(missing, "patient_id", p.patientId());
      need(missing, "birth_date", p.birthDate());
      need(missing, "sex", p.sex());
      if (!missing.isEmpty()) {
        charging.findings.addPatient(
            p.patientId(),
            issue(MISSING_REQUIRED_VALUE, "patient", p.patientId(), missingDetail(missing)));
      }
      String sex = Codes.normalise(p.sex());
      if ("U".equals(sex)) {
        charging.findings.addPatient(
            p.patientId(),
            issue(SEX_UNKNOWN, "patient", p.patientId(), "sex U: left out of standardisation"));
      } else if (sex != null && !SEXES.contains(sex)) {
        charging.findings.addPatient(
            p.patientId(),
            issue(
                UNKNOWN_CODE, "patient", p.patientId(), "sex '" + p.sex() + "' is not M, F or U"));
      }
      if (p.deathPlace() != null && CaseManagementCodes.place(p.deathPlace()) == null) {
        charging.findings.addPatient(
            p.patientId(),
            issue(
                UNKNOWN_CODE,
                "patient",
                p.patientId(),
                "place of death '" + p.deathPlace() + "': counted as not known"));
      }
    }
  }

  private void registrations() {
    for (Registration r : orEmpty(charging.data.registrations())) {
      List<String> missing = new ArrayList<>();
      need(missing, "patient_id", r.patientId());
      need(missing, "practice_code", r.practiceCode());
      need(missing, "registered_from", r.registeredFrom());
      if (!missing.isEmpty()) {
        LocalDate d = firstDate(r.registeredFrom(), r.registeredTo());
        String practice =
            r.practiceCode() != null ? r.practiceCode() : charging.practiceFor(r.patientId(), d);
        charging.findings.charge(
            practice,
            charging.month(d),
            issue(MISSING_REQUIRED_VALUE, "registration", r.patientId(), missingDetail(missing)));
      }
    }
    // Each patient's registrations as the measures group them (in row order); a blank id or
    // practice code, which they keep, is a missing value here (above) and overlaps nothing.
    for (int p = 0; p < charging.regs.positions(); p++) {
      List<Registration> list = charging.regs.registrationsAt(p);
      if (list.size() < 2) {
        continue;
      }
      list =
          list.stream().filter(r -> !isBlank(r.patientId()) && !isBlank(r.practiceCode())).toList();
      Patient patient = charging.regs.patientAt(p);
      LocalDate death = patient == null ? null : patient.deathDate();
      for (int i = 0; i < list.size(); i++) {
        for (int j = i + 1; j < list.size(); j++) {
          overlap(list.get(i).patientId(), list.get(i), list.get(j), death);
        }
      }
    }
  }

  private void overlap(String patientId, Registration a, Registration b, LocalDate death) {
    LocalDate start = later(a.registeredFrom(), b.registeredFrom());
    LocalDate end = earlier(a.registeredTo(), b.registeredTo()); // null = open
    end = earlier(end, death);
    if (end != null && end.isBefore(start)) {
      return;
    }
    int c = a.registeredFrom().compareTo(b.registeredFrom());
    Registration winner =
        c > 0 || (c == 0 && a.practiceCode().compareTo(b.practiceCode()) <= 0) ? a : b;
    Registration other = winner == a ? b : a;
    charging.findings.addRanged(
        winner.practiceCode(),
        YearMonth.from(start),
        end == null ? null : YearMonth.from(end),
        issue(
            OVERLAPPING_REGISTRATIONS,
            "registration",
            patientId,
            "registered with "
                + winner.practiceCode()
                + " "
                + period(winner)
                + " and with "
                + other.practiceCode()
                + " "
                + period(other)
                + "; counted with "
                + winner.practiceCode()));
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /** The earlier of two end dates where null means open-ended. */
  private static LocalDate earlier(LocalDate a, LocalDate b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.isBefore(b) ? a : b;
  }

  private static String period(Registration r) {
    return r.registeredFrom() + " to " + (r.registeredTo() == null ? "now" : r.registeredTo());
  }
}
