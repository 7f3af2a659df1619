package org.ltcreports.source;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The rows of the source tables as read, one record per table; columns as source-schema.md. */
public final class SourceRows {
  private SourceRows() {}

  public record Practice(
      String practiceCode, String practiceName, String localityCode, String localityName) {}

  /**
   * @param deathPlace {@code HOME}, {@code CARE_HOME}, {@code HOSPICE}, {@code HOSPITAL}, {@code
   *     OTHER}; null when not recorded
   */
  public record Patient(
      String patientId,
      String nhsNumber,
      LocalDate birthDate,
      String sex,
      LocalDate deathDate,
      String deathPlace) {
    /** A patient with no place of death recorded. */
    public Patient(
        String patientId, String nhsNumber, LocalDate birthDate, String sex, LocalDate deathDate) {
      this(patientId, nhsNumber, birthDate, sex, deathDate, null);
    }

    public boolean aliveOn(LocalDate d) {
      return deathDate == null || !deathDate.isBefore(d);
    }
  }

  public record Registration(
      String patientId, String practiceCode, LocalDate registeredFrom, LocalDate registeredTo) {
    public boolean covers(LocalDate d) {
      return !registeredFrom.isAfter(d) && (registeredTo == null || !registeredTo.isBefore(d));
    }
  }

  public record Spell(
      String spellId,
      String patientId,
      String providerCode,
      LocalDate admissionDate,
      LocalDate dischargeDate,
      String admissionMethod,
      String admissionSource,
      String patientClassification,
      String dischargeMethod,
      String mainSpecialty,
      String primaryDiagnosis,
      String hrgCode) {}

  public record Diagnosis(String spellId, int position, String icd10Code) {}

  public record Procedure(String spellId, int position, String opcsCode) {}

  public record Attendance(
      String attendanceId,
      String patientId,
      String providerCode,
      LocalDate arrivalDate,
      Boolean admitted) {}

  /**
   * @param teamCode the community team the case manager belongs to; null when the host does not
   *     record teams (then the locality is the team: {@code casemanagement.CommunityTeams})
   * @param teamName the team's name; null when not recorded
   */
  public record CaseManager(
      String caseManagerId,
      String displayName,
      String role,
      BigDecimal wte,
      String localityCode,
      String teamCode,
      String teamName) {
    /** A case manager with no team recorded. */
    public CaseManager(
        String caseManagerId,
        String displayName,
        String role,
        BigDecimal wte,
        String localityCode) {
      this(caseManagerId, displayName, role, wte, localityCode, null, null);
    }
  }

  public record Episode(
      String episodeId,
      String patientId,
      String caseManagerId,
      LocalDate referralDate,
      String referralSource,
      LocalDate startDate,
      LocalDate endDate,
      String endReason,
      BigDecimal riskScore,
      String riskTier) {
    /** On the register on d: started on or before d and not ended on or before d. */
    public boolean onRegister(LocalDate d) {
      return startDate != null && !startDate.isAfter(d) && (endDate == null || endDate.isAfter(d));
    }
  }

  public record Contact(
      String contactId,
      String episodeId,
      String caseManagerId,
      LocalDate contactDate,
      String contactType,
      String consultationMechanism,
      String attendance,
      Integer durationMinutes) {}

  /**
   * @param eventValue the event's value (the place, for {@code PREFERRED_PLACE_OF_DEATH})
   */
  public record Event(String patientId, LocalDate eventDate, String eventType, String eventValue) {
    /** An event with no value. */
    public Event(String patientId, LocalDate eventDate, String eventType) {
      this(patientId, eventDate, eventType, null);
    }
  }
}
