package org.ltcreports.measures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceRows.Attendance;
import org.ltcreports.source.SourceRows.CaseManager;
import org.ltcreports.source.SourceRows.Contact;
import org.ltcreports.source.SourceRows.Episode;
import org.ltcreports.source.SourceRows.Event;
import org.ltcreports.source.SourceRows.Patient;
import org.ltcreports.source.SourceRows.Spell;

/**
 * One patient's use of hospital and of case management over time (measures.md "Patient profile"),
 * as plain values a page or a PDF lays out: hospital spells, A&E attendances, case management
 * episodes, contacts and care-plan events in date order, the monthly admissions and bed days of the
 * {@value #MONTHS} months ending the as-at month with the months on the caseload marked, and
 * emergency admissions and bed days in the 12 months before and after the case management start.
 * Codes stay codes here; the page and the PDF put them in words.
 */
public record PatientProfile(
    String patientId,
    String nhsNumber,
    Integer age,
    String sex,
    String practiceCode,
    LocalDate asAt,
    List<Stay> stays,
    List<AeVisit> aeVisits,
    List<CaseEpisode> episodes,
    List<CareContact> contacts,
    List<CareEvent> events,
    List<MonthPoint> months,
    BeforeAndAfter beforeAndAfter) {

  /** Months of the chart, ending the as-at month. */
  public static final int MONTHS = 24;

  /** Months either side of the case management start. */
  public static final int WINDOW_MONTHS = 12;

  /**
   * One hospital spell. {@code lengthOfStay} null while still in hospital (or with a discharge
   * before the admission); {@code excessBedDays} null when the spell has no trim point (not an EA,
   * no HRG or none for it, still in hospital); {@code practiceCode} the practice the patient was
   * registered with on the admission date (whose admission review it is).
   */
  public record Stay(
      String spellId,
      LocalDate admitted,
      LocalDate discharged,
      Long lengthOfStay,
      String admissionMethod,
      boolean emergencyAdmission,
      String providerCode,
      String primaryDiagnosis,
      Long excessBedDays,
      String practiceCode) {}

  public record AeVisit(LocalDate arrived, String providerCode, Boolean admitted) {}

  public record CaseEpisode(
      String episodeId,
      String referralSource,
      LocalDate referred,
      LocalDate started,
      LocalDate ended,
      String endReason,
      String caseManagerName) {}

  public record CareContact(
      LocalDate date,
      String contactType,
      String mechanism,
      String attendance,
      Integer minutes,
      String caseManagerName) {}

  public record CareEvent(LocalDate date, String eventType, String value) {}

  /**
   * One month of the chart: EAs admitted in it, their bed days (Σ LOS of those discharged), and
   * whether the patient was on a caseload on any day of it.
   */
  public record MonthPoint(YearMonth month, int admissions, long bedDays, boolean onCaseload) {}

  /**
   * EAs and their bed days admitted in the {@value #WINDOW_MONTHS} months before the first case
   * management start ({@code [start − 12 months, start)}) and after it ({@code [start, start + 12
   * months)}); {@code afterComplete} false while the after window has not ended by the as-at date
   * (the figures are so far).
   */
  public record BeforeAndAfter(
      LocalDate start,
      int admissionsBefore,
      long bedDaysBefore,
      int admissionsAfter,
      long bedDaysAfter,
      boolean afterComplete) {}

  /** The profile as at {@code asAt}; empty when the source has no such patient. */
  public static Optional<PatientProfile> of(
      MeasureContext ctx, TrimPoints trimPoints, String patientId, LocalDate asAt) {
    Patient p = ctx.registrations().patient(patientId);
    if (p == null) {
      return Optional.empty();
    }
    SourceData data = ctx.data();
    TrimPoints trims = trimPoints == null ? TrimPoints.none() : trimPoints;
    Map<String, String> names = new HashMap<>();
    for (CaseManager cm : data.caseManagers()) {
      names.putIfAbsent(cm.caseManagerId(), cm.displayName());
    }
    Set<String> counted =
        Set.copyOf(
            ctx.admissions().stream()
                .filter(a -> patientId.equals(a.spell().patientId()))
                .map(a -> a.spell().spellId())
                .toList());
    List<Stay> stays = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Spell s : data.spells()) {
      if (patientId.equals(s.patientId())
          && s.admissionDate() != null
          && !s.admissionDate().isAfter(asAt)
          && seen.add(s.spellId())) {
        stays.add(
            stay(
                s,
                counted.contains(s.spellId()),
                trims,
                ctx.registrations().practiceOn(patientId, s.admissionDate())));
      }
    }
    stays.sort(Comparator.comparing(Stay::admitted).thenComparing(Stay::spellId));
    List<AeVisit> ae = new ArrayList<>();
    if (data.attendances() != null) {
      for (Attendance a : data.attendances()) {
        if (patientId.equals(a.patientId())
            && a.arrivalDate() != null
            && !a.arrivalDate().isAfter(asAt)) {
          ae.add(new AeVisit(a.arrivalDate(), a.providerCode(), a.admitted()));
        }
      }
    }
    ae.sort(Comparator.comparing(AeVisit::arrived));
    // the counted episodes (CountedEpisodes): the rows the register and the caseloads are made of
    List<Episode> own =
        CountedEpisodes.of(ctx).byId().values().stream()
            .filter(e -> patientId.equals(e.patientId()) && e.referralDate() != null)
            .filter(e -> !e.referralDate().isAfter(asAt))
            .sorted(
                Comparator.comparing(Episode::referralDate)
                    .thenComparing(
                        Episode::episodeId, Comparator.nullsFirst(Comparator.naturalOrder())))
            .toList();
    List<CaseEpisode> episodes = new ArrayList<>();
    Set<String> episodeIds = new java.util.HashSet<>();
    for (Episode e : own) {
      episodeIds.add(e.episodeId());
      episodes.add(
          new CaseEpisode(
              e.episodeId(),
              Codes.normalise(e.referralSource()),
              e.referralDate(),
              after(e.startDate(), asAt) ? null : e.startDate(),
              after(e.endDate(), asAt) ? null : e.endDate(),
              after(e.endDate(), asAt) ? null : Codes.normalise(e.endReason()),
              names.get(e.caseManagerId())));
    }
    List<CareContact> contacts = new ArrayList<>();
    for (Contact c : data.contacts()) {
      if (episodeIds.contains(c.episodeId())
          && c.contactDate() != null
          && !c.contactDate().isAfter(asAt)) {
        contacts.add(
            new CareContact(
                c.contactDate(),
                Codes.normalise(c.contactType()),
                Codes.normalise(c.consultationMechanism()),
                Codes.normalise(c.attendance()),
                c.durationMinutes(),
                names.get(c.caseManagerId())));
      }
    }
    contacts.sort(Comparator.comparing(CareContact::date));
    List<CareEvent> events = new ArrayList<>();
    for (Event e : data.events()) {
      if (patientId.equals(e.patientId())
          && e.eventDate() != null
          && !e.eventDate().isAfter(asAt)) {
        events.add(
            new CareEvent(
                e.eventDate(), Codes.normalise(e.eventType()), Codes.normalise(e.eventValue())));
      }
    }
    events.sort(Comparator.comparing(CareEvent::date).thenComparing(CareEvent::eventType));
    List<Stay> eas = stays.stream().filter(Stay::emergencyAdmission).toList();
    return Optional.of(
        new PatientProfile(
            patientId,
            p.nhsNumber(),
            p.birthDate() == null ? null : Registrations.ageOn(p, asAt),
            Codes.normalise(p.sex()),
            ctx.registrations().practiceOn(patientId, asAt),
            asAt,
            List.copyOf(stays),
            List.copyOf(ae),
            List.copyOf(episodes),
            List.copyOf(contacts),
            List.copyOf(events),
            months(eas, episodes, asAt),
            beforeAndAfter(eas, episodes, asAt)));
  }

  private static boolean after(LocalDate d, LocalDate asAt) {
    return d != null && d.isAfter(asAt);
  }

  private static Stay stay(Spell s, boolean emergency, TrimPoints trims, String practice) {
    LocalDate out = s.dischargeDate();
    Long los =
        out == null || out.isBefore(s.admissionDate())
            ? null
            : ChronoUnit.DAYS.between(s.admissionDate(), out);
    Long excess = null;
    if (emergency && los != null) {
      // as LengthOfStay: the non-elective trim point of the discharge's financial year
      OptionalInt trim = trims.forDischarge(s.hrgCode(), out);
      if (trim.isPresent()) {
        excess = LengthOfStay.excessBedDays(los, trim.getAsInt());
      }
    }
    return new Stay(
        s.spellId(),
        s.admissionDate(),
        out,
        los,
        Codes.normalise(s.admissionMethod()),
        emergency,
        s.providerCode(),
        s.primaryDiagnosis(),
        excess,
        practice);
  }

  private static List<MonthPoint> months(
      List<Stay> eas, List<CaseEpisode> episodes, LocalDate asAt) {
    List<MonthPoint> points = new ArrayList<>();
    YearMonth last = YearMonth.from(asAt);
    for (YearMonth m = last.minusMonths(MONTHS - 1L); !m.isAfter(last); m = m.plusMonths(1)) {
      YearMonth month = m;
      List<Stay> in = eas.stream().filter(s -> YearMonth.from(s.admitted()).equals(month)).toList();
      points.add(
          new MonthPoint(
              month, in.size(), bedDays(in), episodes.stream().anyMatch(onCaseloadDuring(month))));
    }
    return List.copyOf(points);
  }

  /** Accepted on or before the month's last day and not ended before its first. */
  private static Predicate<CaseEpisode> onCaseloadDuring(YearMonth m) {
    return e ->
        e.started() != null
            && !e.started().isAfter(m.atEndOfMonth())
            && (e.ended() == null || !e.ended().isBefore(m.atDay(1)));
  }

  private static long bedDays(List<Stay> stays) {
    return stays.stream().map(Stay::lengthOfStay).filter(l -> l != null).mapToLong(l -> l).sum();
  }

  private static BeforeAndAfter beforeAndAfter(
      List<Stay> eas, List<CaseEpisode> episodes, LocalDate asAt) {
    LocalDate start =
        episodes.stream()
            .map(CaseEpisode::started)
            .filter(d -> d != null)
            .min(Comparator.naturalOrder())
            .orElse(null);
    if (start == null) {
      return null;
    }
    LocalDate from = start.minusMonths(WINDOW_MONTHS);
    LocalDate to = start.plusMonths(WINDOW_MONTHS);
    List<Stay> before =
        eas.stream()
            .filter(s -> !s.admitted().isBefore(from) && s.admitted().isBefore(start))
            .toList();
    List<Stay> afterStart =
        eas.stream()
            .filter(s -> !s.admitted().isBefore(start) && s.admitted().isBefore(to))
            .toList();
    return new BeforeAndAfter(
        start,
        before.size(),
        bedDays(before),
        afterStart.size(),
        bedDays(afterStart),
        !asAt.isBefore(to.minusDays(1)));
  }
}
