package org.ltcreports.quality;

import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.measures.EmergencyAdmissionRule;
import org.ltcreports.measures.Icd10;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.Registrations;
import org.ltcreports.measures.SpellIndex;
import org.ltcreports.measures.TrimPoints;

/**
 * Finds the bad source data of source-schema.md "Data quality: what bad source data gets" and the
 * other {@link DataQualityKind}s, and charges each offending row to a practice and a month. Never
 * throws on a bad row: null dates, null ids and junk codes are findings, not failures.
 *
 * <p><b>Attribution.</b> A row about a patient is charged to the practice the patient was
 * registered with on the row's date, else {@link Registrations#nearestPractice}; the month is that
 * of the row's date. The row's date: a spell's admission date (its discharge date for a missing
 * trim point, the month the discharge is reported in); an attendance's arrival; an episode's
 * referral (its end date for an end before its start); a contact's, an event's own date; a
 * registration's start. When that date is missing the next date of the row is used, then the
 * extract date. Three findings are states of the extract rather than events of a month, and are
 * shown in every month they cover: an admission after the extract date (every month — no report is
 * ever made for its own month), an emergency admission still open at the extract (each month from
 * its admission to the extract), two registrations overlapping (each month of the overlap). Patient
 * rows are shown in every month the patient is on a list: see {@link DataQualityFindings}.
 *
 * <p><b>Spells</b> are judged as {@link SpellIndex} (and {@link MeasureContext}) use them: a row
 * without a spell id or admission date is one {@code MISSING_REQUIRED_VALUE} issue and nothing
 * else; a later row repeating a spell id is one {@code DUPLICATE_SPELL_ID} issue and nothing else
 * (it is not counted anywhere); every other check runs on the rows that are used.
 *
 * <p><b>Checks</b> (kind: rule):
 *
 * <ul>
 *   <li>{@code DISCHARGE_BEFORE_ADMISSION}: {@code discharge_date < admission_date};
 *   <li>{@code ADMISSION_IN_FUTURE}: {@code admission_date} after the extract date;
 *   <li>{@code SPELL_WITHOUT_REGISTRATION}: any spell (not only EAs) whose patient had no
 *       registration on the admission date (not in the patient table, dead, or between
 *       registrations);
 *   <li>{@code UNKNOWN_ADMISSION_METHOD}: normalised method not in {@link
 *       EmergencyAdmissionRule#KNOWN_METHODS} nor in the configured emergency methods;
 *   <li>{@code UNPARSEABLE_ICD10}: a primary or secondary diagnosis that {@link Icd10} cannot read;
 *   <li>{@code DUPLICATE_SPELL_ID}: see above;
 *   <li>{@code OVERLAPPING_SPELLS}: a spell admitted before an earlier spell of the same patient
 *       was discharged (or while it is still open); admission on the day of the other's discharge
 *       is a transfer, not an overlap; spells discharged before they were admitted are left out;
 *   <li>{@code CONTACT_OUTSIDE_EPISODE}: {@code contact_date} before the episode's {@code
 *       referral_date} or after its {@code end_date}, or an episode id that is not in {@code
 *       cm_episode};
 *   <li>{@code EPISODE_END_BEFORE_START}: {@code end_date < start_date};
 *   <li>{@code SEX_UNKNOWN}: patient sex {@code U};
 *   <li>{@code MISSING_TRIM_POINT}: a counted EA with a discharge date (not before its admission)
 *       whose HRG is null or has no trim point for the financial year of discharge — checked only
 *       when a trim point table is loaded ({@link DataQualityFindings#notes()} says so otherwise);
 *   <li>{@code NULL_PATIENT_CLASSIFICATION}: any spell with a null classification;
 *   <li>{@code OVERLAPPING_REGISTRATIONS}: two registrations of a patient covering a common day
 *       while the patient is alive, charged to the one that wins (latest {@code registered_from});
 *   <li>{@code EVENTS_IN_EMPTY_STANDARDISATION_CELL}: not found here; the standardisation adds them
 *       with {@link DataQualityFindings#add};
 *   <li>{@code OPEN_SPELL_AT_EXTRACT}: a counted EA with no discharge date;
 *   <li>{@code MISSING_REQUIRED_VALUE}: a NOT NULL column of source-schema.md that is null (one
 *       issue per row, naming every missing column);
 *   <li>{@code UNKNOWN_CODE}: a code outside the contract's list: patient sex; patient
 *       classification (1–5) and discharge method (1–5, 8, 9) of the NHS Data Dictionary; OPCS-4
 *       procedure codes that are not well formed; case manager role; referral source, end reason
 *       and risk tier; contact type, consultation mechanism and attendance; event type. Codes are
 *       compared after trimming and upper-casing, as the measures read them.
 * </ul>
 *
 * <p>The checks are split by the tables they read ({@link ListChecks}, {@link SpellChecks}, {@link
 * CodedRowChecks}, {@link CaseManagementChecks}); the counts a report shows come from the run's
 * engine ({@link DataQualityFindings#counts}), which counts them in SQL with {@code
 * measures.engine=sql} and from this scan otherwise. The rows themselves are listed from this scan
 * under either engine.
 */
public final class DataQualityScan {
  private DataQualityScan() {}

  /** Scans every table of the run's data. */
  public static DataQualityFindings scan(MeasureContext ctx, TrimPoints trimPoints) {
    TrimPoints trims = trimPoints == null ? TrimPoints.none() : trimPoints;
    DataQualityFindings findings = new DataQualityFindings(ctx, trims);
    Charging charging = new Charging(ctx, findings);
    new ListChecks(charging).check();
    new SpellChecks(charging, trims).check();
    new CodedRowChecks(charging).check();
    new CaseManagementChecks(charging).check();
    return findings;
  }
}
