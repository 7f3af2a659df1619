package org.ltcreports.quality;

import static org.ltcreports.api.report.DataQualityKind.CONTACT_OUTSIDE_EPISODE;
import static org.ltcreports.api.report.DataQualityKind.EPISODE_END_BEFORE_START;
import static org.ltcreports.api.report.DataQualityKind.MISSING_REQUIRED_VALUE;
import static org.ltcreports.api.report.DataQualityKind.UNKNOWN_CODE;
import static org.ltcreports.quality.Charging.firstDate;
import static org.ltcreports.quality.Charging.issue;
import static org.ltcreports.quality.Charging.missingDetail;
import static org.ltcreports.quality.Charging.need;
import static org.ltcreports.quality.Charging.orEmpty;
import static org.ltcreports.quality.Charging.unknown;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ltcreports.casemanagement.CaseManagementCodes;
import org.ltcreports.measures.Codes;
import org.ltcreports.source.SourceRows.Attendance;
import org.ltcreports.source.SourceRows.CaseManager;
import org.ltcreports.source.SourceRows.Contact;
import org.ltcreports.source.SourceRows.Episode;
import org.ltcreports.source.SourceRows.Event;
import org.ltcreports.words.PeopleTime;

/**
 * The checks of the A&amp;E and case management rows ({@code ae_attendance}, {@code case_manager},
 * {@code cm_episode}, {@code cm_contact}, {@code cm_event}): missing values, codes outside the
 * contract's lists, episodes ending before they start and contacts outside their episode.
 */
public final class CaseManagementChecks {
  static final Set<String> ROLES =
      Set.of("COMMUNITY_MATRON", "CASE_MANAGER", "DISTRICT_NURSE", "SOCIAL_WORKER", "GP", "OTHER");
  // The case management code lists are the ones the return's breakdowns use: one list each.
  static final Set<String> REFERRAL_SOURCES = Set.copyOf(CaseManagementCodes.REFERRAL_SOURCES);
  static final Set<String> END_REASONS = Set.copyOf(CaseManagementCodes.END_REASONS);
  static final Set<String> RISK_TIERS = Set.of("VERY_HIGH", "HIGH", "MODERATE", "LOW");
  static final Set<String> CONTACT_TYPES = Set.copyOf(CaseManagementCodes.CONTACT_TYPES);
  static final Set<String> MECHANISMS = Set.copyOf(CaseManagementCodes.MECHANISMS);
  static final Set<String> ATTENDANCES =
      Stream.concat(
              Stream.of("0"), // a booked, future contact
              Stream.concat(
                  CaseManagementCodes.ATTENDED.stream(), CaseManagementCodes.NOT_ATTENDED.stream()))
          .collect(Collectors.toUnmodifiableSet());
  static final Set<String> EVENT_TYPES =
      Set.of(
          CaseManagementCodes.CARE_PLAN_AGREED,
          CaseManagementCodes.CARE_PLAN_DECLINED,
          CaseManagementCodes.CARE_PLAN_REVIEWED,
          CaseManagementCodes.NAMED_GP_INFORMED,
          CaseManagementCodes.END_OF_LIFE_IDENTIFIED,
          CaseManagementCodes.PREFERRED_PLACE_OF_DEATH);

  private final Charging charging;

  CaseManagementChecks(Charging charging) {
    this.charging = charging;
  }

  // The rules on a stored code's text, public so that the SQL engine classifies the distinct
  // stored values with them (one home for each list).

  public static boolean unknownReferralSource(String raw) {
    return unknown(raw, REFERRAL_SOURCES);
  }

  public static boolean unknownEndReason(String raw) {
    return unknown(raw, END_REASONS);
  }

  public static boolean unknownRiskTier(String raw) {
    return unknown(raw, RISK_TIERS);
  }

  public static boolean unknownContactType(String raw) {
    return unknown(raw, CONTACT_TYPES);
  }

  public static boolean unknownMechanism(String raw) {
    return unknown(raw, MECHANISMS);
  }

  public static boolean unknownAttendance(String raw) {
    return unknown(raw, ATTENDANCES);
  }

  public static boolean unknownEventType(String raw) {
    return unknown(raw, EVENT_TYPES);
  }

  /** An event recording the preferred place of death, whose value is then a place. */
  public static boolean preferredPlaceOfDeath(String rawType) {
    return CaseManagementCodes.PREFERRED_PLACE_OF_DEATH.equals(Codes.normalise(rawType));
  }

  /** A place of death that is not one of the contract's (a missing one included). */
  public static boolean unknownPlace(String raw) {
    return CaseManagementCodes.place(raw) == null;
  }

  void check() {
    attendances();
    caseManagers();
    contacts(episodes());
    events();
  }

  private void attendances() {
    if (!charging.data.hasAttendances()) {
      return;
    }
    for (Attendance a : charging.data.attendances()) {
      List<String> missing = new ArrayList<>();
      need(missing, "attendance_id", a.attendanceId());
      need(missing, "patient_id", a.patientId());
      need(missing, "arrival_date", a.arrivalDate());
      if (!missing.isEmpty()) {
        charging.charge(
            a.patientId(),
            a.arrivalDate(),
            issue(
                MISSING_REQUIRED_VALUE,
                "ae_attendance",
                a.attendanceId(),
                missingDetail(missing) + "; not counted"));
      }
    }
  }

  private void caseManagers() {
    for (CaseManager m : orEmpty(charging.data.caseManagers())) {
      List<String> missing = new ArrayList<>();
      need(missing, "case_manager_id", m.caseManagerId());
      need(missing, "display_name", m.displayName());
      need(missing, "role", m.role());
      if (!missing.isEmpty()) {
        charging.findings.charge(
            null,
            null,
            issue(
                MISSING_REQUIRED_VALUE, "case_manager", m.caseManagerId(), missingDetail(missing)));
      }
      String role = Codes.normalise(m.role());
      if (role != null && !ROLES.contains(role)) {
        charging.findings.charge(
            null,
            null,
            issue(UNKNOWN_CODE, "case_manager", m.caseManagerId(), "role '" + m.role() + "'"));
      }
    }
  }

  private Map<String, Episode> episodes() {
    Map<String, Episode> byId = new HashMap<>();
    for (Episode e : orEmpty(charging.data.episodes())) {
      if (e.episodeId() != null) {
        byId.putIfAbsent(e.episodeId(), e);
      }
      LocalDate when = firstDate(e.referralDate(), e.startDate(), e.endDate());
      List<String> missing = new ArrayList<>();
      need(missing, "episode_id", e.episodeId());
      need(missing, "patient_id", e.patientId());
      need(missing, "referral_date", e.referralDate());
      need(missing, "referral_source", e.referralSource());
      if (!missing.isEmpty()) {
        charging.charge(
            e.patientId(),
            when,
            issue(MISSING_REQUIRED_VALUE, "cm_episode", e.episodeId(), missingDetail(missing)));
      }
      if (e.startDate() != null && e.endDate() != null && e.endDate().isBefore(e.startDate())) {
        charging.charge(
            e.patientId(),
            e.endDate(),
            issue(
                EPISODE_END_BEFORE_START,
                "cm_episode",
                e.episodeId(),
                "end "
                    + PeopleTime.date(e.endDate())
                    + " before start "
                    + PeopleTime.date(e.startDate())));
      }
      List<String> bad = new ArrayList<>();
      unknown(bad, "referral source", e.referralSource(), REFERRAL_SOURCES);
      unknown(bad, "end reason", e.endReason(), END_REASONS);
      unknown(bad, "risk tier", e.riskTier(), RISK_TIERS);
      if (!bad.isEmpty()) {
        charging.charge(
            e.patientId(),
            when,
            issue(UNKNOWN_CODE, "cm_episode", e.episodeId(), String.join("; ", bad)));
      }
    }
    return byId;
  }

  private void contacts(Map<String, Episode> episodes) {
    for (Contact c : orEmpty(charging.data.contacts())) {
      Episode e = c.episodeId() == null ? null : episodes.get(c.episodeId());
      String patientId = e == null ? null : e.patientId();
      LocalDate when = firstDate(c.contactDate(), e == null ? null : e.referralDate());
      List<String> missing = new ArrayList<>();
      need(missing, "contact_id", c.contactId());
      need(missing, "episode_id", c.episodeId());
      need(missing, "contact_date", c.contactDate());
      need(missing, "contact_type", c.contactType());
      need(missing, "consultation_mechanism", c.consultationMechanism());
      need(missing, "attendance", c.attendance());
      if (!missing.isEmpty()) {
        charging.charge(
            patientId,
            when,
            issue(MISSING_REQUIRED_VALUE, "cm_contact", c.contactId(), missingDetail(missing)));
      }
      if (c.episodeId() != null && e == null) {
        charging.charge(
            null,
            when,
            issue(
                CONTACT_OUTSIDE_EPISODE,
                "cm_contact",
                c.contactId(),
                "episode " + c.episodeId() + " is not in cm_episode"));
      } else if (e != null && c.contactDate() != null) {
        LocalDate d = c.contactDate();
        String why = null;
        if (e.referralDate() != null && d.isBefore(e.referralDate())) {
          why =
              "contact "
                  + PeopleTime.date(d)
                  + " before referral "
                  + PeopleTime.date(e.referralDate());
        } else if (e.endDate() != null && d.isAfter(e.endDate())) {
          why =
              "contact " + PeopleTime.date(d) + " after discharge " + PeopleTime.date(e.endDate());
        }
        if (why != null) {
          charging.charge(
              patientId,
              d,
              issue(
                  CONTACT_OUTSIDE_EPISODE,
                  "cm_contact",
                  c.contactId(),
                  why + " of episode " + e.episodeId()));
        }
      }
      List<String> bad = new ArrayList<>();
      unknown(bad, "contact type", c.contactType(), CONTACT_TYPES);
      unknown(bad, "consultation mechanism", c.consultationMechanism(), MECHANISMS);
      unknown(bad, "attendance", c.attendance(), ATTENDANCES);
      if (!bad.isEmpty()) {
        charging.charge(
            patientId,
            when,
            issue(UNKNOWN_CODE, "cm_contact", c.contactId(), String.join("; ", bad)));
      }
    }
  }

  private void events() {
    for (Event ev : orEmpty(charging.data.events())) {
      List<String> missing = new ArrayList<>();
      need(missing, "patient_id", ev.patientId());
      need(missing, "event_date", ev.eventDate());
      need(missing, "event_type", ev.eventType());
      if (!missing.isEmpty()) {
        charging.charge(
            ev.patientId(),
            ev.eventDate(),
            issue(MISSING_REQUIRED_VALUE, "cm_event", ev.patientId(), missingDetail(missing)));
      }
      String type = Codes.normalise(ev.eventType());
      if (type != null && !EVENT_TYPES.contains(type)) {
        charging.charge(
            ev.patientId(),
            ev.eventDate(),
            issue(UNKNOWN_CODE, "cm_event", ev.patientId(), "event type '" + ev.eventType() + "'"));
      } else if (CaseManagementCodes.PREFERRED_PLACE_OF_DEATH.equals(type)
          && charging.data.recorded("cm_event", "event_value")
          && CaseManagementCodes.place(ev.eventValue()) == null) {
        charging.charge(
            ev.patientId(),
            ev.eventDate(),
            issue(
                UNKNOWN_CODE,
                "cm_event",
                ev.patientId(),
                "preferred place of death '" + ev.eventValue() + "'"));
      }
    }
  }
}
