package org.ltcreports.source;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The rows of the source tables as read, one type per table (records but for the patient); columns
 * as source-schema.md.
 */
public final class SourceRows {
  private SourceRows() {}

  public record Practice(
      String practiceCode, String practiceName, String localityCode, String localityName) {}

  /**
   * A patient. Not a record so that the NHS number, read for every patient but shown only on
   * patient lists, is held as a number when it is ten digits (every valid one): 667,000 patients
   * held 37 MB of NHS number texts at the 600k pack's peak (performance.md, session 23). Equal,
   * hashed and printed as the record it was.
   */
  public static final class Patient {
    private static final long NOT_DIGITS = -1;
    private final String patientId;
    private final long nhsDigits; // the NHS number when it is exactly ten ASCII digits
    private final String nhsText; // otherwise the text as read (null when not recorded)
    private final LocalDate birthDate;
    private final String sex;
    private final LocalDate deathDate;
    private final String deathPlace;

    public Patient(
        String patientId,
        String nhsNumber,
        LocalDate birthDate,
        String sex,
        LocalDate deathDate,
        String deathPlace) {
      this.patientId = patientId;
      this.nhsDigits = tenDigits(nhsNumber);
      this.nhsText = nhsDigits == NOT_DIGITS ? nhsNumber : null;
      this.birthDate = birthDate;
      this.sex = sex;
      this.deathDate = deathDate;
      this.deathPlace = deathPlace;
    }

    /** A patient with no place of death recorded. */
    public Patient(
        String patientId, String nhsNumber, LocalDate birthDate, String sex, LocalDate deathDate) {
      this(patientId, nhsNumber, birthDate, sex, deathDate, null);
    }

    /**
     * The number {@code s} spells when it is exactly ten ASCII digits, else {@link #NOT_DIGITS}.
     */
    private static long tenDigits(String s) {
      if (s == null || s.length() != 10) {
        return NOT_DIGITS;
      }
      long n = 0;
      for (int i = 0; i < 10; i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          return NOT_DIGITS;
        }
        n = n * 10 + (c - '0');
      }
      return n;
    }

    public String patientId() {
      return patientId;
    }

    /** The NHS number exactly as read, leading zeros kept; null when not recorded. */
    public String nhsNumber() {
      if (nhsDigits == NOT_DIGITS) {
        return nhsText;
      }
      char[] c = new char[10];
      long n = nhsDigits;
      for (int i = 9; i >= 0; i--) {
        c[i] = (char) ('0' + n % 10);
        n /= 10;
      }
      return new String(c);
    }

    public LocalDate birthDate() {
      return birthDate;
    }

    public String sex() {
      return sex;
    }

    public LocalDate deathDate() {
      return deathDate;
    }

    /**
     * {@code HOME}, {@code CARE_HOME}, {@code HOSPICE}, {@code HOSPITAL}, {@code OTHER}; null when
     * not recorded.
     */
    public String deathPlace() {
      return deathPlace;
    }

    public boolean aliveOn(LocalDate d) {
      return deathDate == null || !deathDate.isBefore(d);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Patient p
          && nhsDigits == p.nhsDigits
          && Objects.equals(patientId, p.patientId)
          && Objects.equals(nhsText, p.nhsText)
          && Objects.equals(birthDate, p.birthDate)
          && Objects.equals(sex, p.sex)
          && Objects.equals(deathDate, p.deathDate)
          && Objects.equals(deathPlace, p.deathPlace);
    }

    @Override
    public int hashCode() {
      return Objects.hash(patientId, nhsDigits, nhsText, birthDate, sex, deathDate, deathPlace);
    }

    @Override
    public String toString() {
      return "Patient[patientId=%s, nhsNumber=%s, birthDate=%s, sex=%s, deathDate=%s, deathPlace=%s]"
          .formatted(patientId, nhsNumber(), birthDate, sex, deathDate, deathPlace);
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
