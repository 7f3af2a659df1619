package org.ltcreports.api.report;

/** The kinds of bad source data the product detects, counts and shows (source-schema.md). */
public enum DataQualityKind {
  DISCHARGE_BEFORE_ADMISSION("Discharge date before admission date"),
  ADMISSION_IN_FUTURE("Admission date after the extract date"),
  SPELL_WITHOUT_REGISTRATION("Spell for a patient with no registration on the admission date"),
  UNKNOWN_ADMISSION_METHOD("Unknown admission method code"),
  UNPARSEABLE_ICD10("Diagnosis code that is not a valid ICD-10 code"),
  DUPLICATE_SPELL_ID("Spell id that appears more than once"),
  OVERLAPPING_SPELLS("Spell overlapping another spell of the same patient"),
  CONTACT_OUTSIDE_EPISODE("Contact before referral or after discharge of its episode"),
  EPISODE_END_BEFORE_START("Episode end date before its start date"),
  SEX_UNKNOWN("Patient sex U (left out of standardisation only)"),
  MISSING_TRIM_POINT("Emergency admission whose HRG has no trim point"),
  NULL_PATIENT_CLASSIFICATION("Spell with no patient classification (treated as ordinary)"),
  OVERLAPPING_REGISTRATIONS("Patient registered at more than one practice on the same day"),
  EVENTS_IN_EMPTY_STANDARDISATION_CELL("Admission in an age-sex group with no registered patients"),
  OPEN_SPELL_AT_EXTRACT("Spell still open at the end of the data (left out of bed days)"),
  MISSING_REQUIRED_VALUE("Required value missing in a source row"),
  UNKNOWN_CODE("Code outside the contract's code list");

  private final String description;

  DataQualityKind(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** The JSON key, e.g. {@code discharge_before_admission}. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
