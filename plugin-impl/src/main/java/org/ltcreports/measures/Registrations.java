package org.ltcreports.measures;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ltcreports.source.SourceRows.Patient;
import org.ltcreports.source.SourceRows.Registration;

/**
 * Who is registered where on a date (measures.md "Registered on d" and "Attribution"): a
 * registration covering the date, the patient alive on it; when registrations overlap, the one with
 * the latest {@code registered_from} wins (then the lower practice code, so the answer is stable).
 */
public final class Registrations {
  private final Map<String, Patient> patients = new HashMap<>();
  private final Map<String, List<Registration>> byPatient = new HashMap<>();
  private final List<String> patientOrder = new ArrayList<>();

  public Registrations(List<Patient> patientRows, List<Registration> registrationRows) {
    for (Patient p : patientRows) {
      if (p.patientId() != null && patients.putIfAbsent(p.patientId(), p) == null) {
        patientOrder.add(p.patientId());
      }
    }
    for (Registration r : registrationRows) {
      if (r.patientId() != null && r.practiceCode() != null && r.registeredFrom() != null) {
        byPatient.computeIfAbsent(r.patientId(), k -> new ArrayList<>()).add(r);
      }
    }
    Collections.sort(patientOrder);
    GroupedRows.trim(byPatient);
  }

  public Patient patient(String patientId) {
    return patients.get(patientId);
  }

  /** Patient ids in a fixed order. */
  public List<String> patientIds() {
    return patientOrder;
  }

  /** The practice the patient is registered with on d, or null. */
  public String practiceOn(String patientId, LocalDate d) {
    Registration r = registrationOn(patientId, d);
    return r == null ? null : r.practiceCode();
  }

  public Registration registrationOn(String patientId, LocalDate d) {
    return registrationOn(patients.get(patientId), registrationsOf(patientId), d);
  }

  /** {@link #registrationOn(String, LocalDate)} for a patient and their registrations in hand. */
  public static Registration registrationOn(
      Patient p, List<Registration> registrations, LocalDate d) {
    if (p == null || !p.aliveOn(d)) {
      return null;
    }
    Registration best = null;
    for (Registration r : registrations) {
      if (r.covers(d) && (best == null || wins(r, best))) {
        best = r;
      }
    }
    return best;
  }

  /** Whether more than one registration covers d (a data-quality issue). */
  public boolean overlapsOn(String patientId, LocalDate d) {
    int n = 0;
    for (Registration r : byPatient.getOrDefault(patientId, List.of())) {
      if (r.covers(d)) {
        n++;
      }
    }
    return n > 1;
  }

  /**
   * The practice to charge a data-quality issue to when the patient has no registration on d: the
   * latest registration starting on or before d, else the earliest one after it; null if none.
   */
  public String nearestPractice(String patientId, LocalDate d) {
    Registration before = null;
    Registration after = null;
    for (Registration r : byPatient.getOrDefault(patientId, List.of())) {
      if (!r.registeredFrom().isAfter(d)) {
        if (before == null || r.registeredFrom().isAfter(before.registeredFrom())) {
          before = r;
        }
      } else if (after == null || r.registeredFrom().isBefore(after.registeredFrom())) {
        after = r;
      }
    }
    Registration r = before != null ? before : after;
    return r == null ? null : r.practiceCode();
  }

  /** Whether the patient is registered (with any practice) on every day of [from, to). */
  public boolean registeredThroughout(String patientId, LocalDate from, LocalDate toExclusive) {
    return registeredThroughout(
        patients.get(patientId), registrationsOf(patientId), from, toExclusive);
  }

  /** {@link #registeredThroughout(String, LocalDate, LocalDate)} for a patient in hand. */
  public static boolean registeredThroughout(
      Patient p, List<Registration> registrations, LocalDate from, LocalDate toExclusive) {
    // Death is final, so alive on the last day means alive on every day before it.
    if (p == null || !p.aliveOn(toExclusive.minusDays(1))) {
      return false;
    }
    LocalDate d = from;
    while (d.isBefore(toExclusive)) {
      Registration r = registrationOn(p, registrations, d);
      if (r == null) {
        return false;
      }
      if (r.registeredTo() == null) {
        return true;
      }
      d = r.registeredTo().plusDays(1);
    }
    return true;
  }

  public List<Registration> registrationsOf(String patientId) {
    return byPatient.getOrDefault(patientId, List.of());
  }

  /** Age in completed years on d. */
  public static int ageOn(Patient p, LocalDate d) {
    return Period.between(p.birthDate(), d).getYears();
  }

  private static boolean wins(Registration candidate, Registration current) {
    int c = candidate.registeredFrom().compareTo(current.registeredFrom());
    return c > 0 || (c == 0 && candidate.practiceCode().compareTo(current.practiceCode()) < 0);
  }
}
