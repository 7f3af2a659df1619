package org.ltcreports.api.report;

import static org.ltcreports.api.report.ValueKind.COUNT;
import static org.ltcreports.api.report.ValueKind.DAYS;
import static org.ltcreports.api.report.ValueKind.DECIMAL;
import static org.ltcreports.api.report.ValueKind.PERCENT;
import static org.ltcreports.api.report.ValueKind.RATE;
import static org.ltcreports.api.report.ValueKind.RATIO;
import static org.ltcreports.api.report.ValueKind.TEXT;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every measure id of measures.md with its label and kind, in report order. The closed vocabulary
 * shared by measures, disclosure control and every renderer.
 */
public final class MeasureCatalogue {
  public static final String POPULATION = "Registered population";
  public static final String ADMISSIONS = "Emergency admissions";
  public static final String COMPARISON = "Compared with the locality";
  public static final String TREND = "Monthly trend";
  public static final String STAY = "Length of stay and bed days";
  public static final String READMISSIONS = "Readmissions within 30 days";
  public static final String ACSC =
      "Long-term conditions that good primary care can help keep out of hospital";
  public static final String FREQUENT = "Frequent attenders";
  public static final String CASE_MANAGED = "Case-managed patients";
  public static final String IN_HOSPITAL = "In hospital at the end of the month";
  public static final String REGISTER = "Case management register and caseloads";
  public static final String ACTIVITY = "Referrals, discharges and contacts";
  public static final String CARE_PLANS = "Care plans and follow-up";
  public static final String BEFORE_AFTER = "Before and after case management";
  public static final String END_OF_LIFE = "End of life";
  public static final String PROGRAMME = "Case management practices against the others";
  public static final String REGRESSION = "Before and after: what goes with the change";
  public static final String TEAM = "Community team activity";

  private static final Map<String, MeasureDefinition> BY_ID = new LinkedHashMap<>();

  /**
   * The practice measures whose locality value the practice report holds beside its own, as {@link
   * #localityId}: the figures of page 2 and the counts they rest on.
   */
  public static final List<String> LOCALITY_COMPARED =
      List.of(
          "list_size",
          "ea_count",
          "ea_discharges",
          "ea_bed_days",
          "ea_los_mean",
          "ea_excess_bed_days",
          "readmissions_30d",
          "readmission_pct",
          "acsc_count",
          "acsc_by_condition",
          "acsc_count_12m",
          "acsc_dsr_12m_per_100000",
          "ea_count_register",
          "ea_count_not_register",
          "reviews_due",
          "reviews_completed");

  static {
    count("list_size", "Registered patients on the first day of the month", POPULATION);
    count("list_size_18plus", "Registered patients aged 18 or over", POPULATION);
    count("list_size_month_end", "Registered patients on the last day of the month", POPULATION);
    count(
        "list_size_18plus_month_end", "Registered patients aged 18 or over, month end", POPULATION);

    count("ea_count", "Emergency admissions this month", ADMISSIONS);
    rate(
        "ea_rate_per_1000",
        "Emergency admissions per 1,000 patients this month",
        ADMISSIONS,
        "ea_count",
        "list_size");
    count("ea_count_last_year", "Emergency admissions in the same month last year", ADMISSIONS);
    of(
        "ea_change_pct_yoy",
        "Change on the same month last year (%)",
        PERCENT,
        ADMISSIONS,
        "ea_count",
        "ea_count_last_year");
    count("ea_count_12m", "Emergency admissions in the last 12 months", ADMISSIONS);
    count("ea_count_prev_12m", "Emergency admissions in the 12 months before that", ADMISSIONS);
    of(
        "ea_change_pct_12m",
        "Change on the previous 12 months (%)",
        PERCENT,
        ADMISSIONS,
        "ea_count_12m",
        "ea_count_prev_12m");
    rate(
        "ea_rate_12m_per_1000",
        "Emergency admissions per 1,000 patients, last 12 months",
        ADMISSIONS,
        "ea_count_12m",
        "list_size");
    rate(
        "ea_dsr_12m_per_1000",
        "Age-sex standardised rate per 1,000, last 12 months",
        ADMISSIONS,
        "ea_count_12m",
        "list_size");
    rate(
        "ea_dsr_12m_lcl95",
        "Admissions standardised rate per 1,000, lower 95% limit",
        ADMISSIONS,
        "ea_count_12m",
        "list_size");
    rate(
        "ea_dsr_12m_ucl95",
        "Admissions standardised rate per 1,000, upper 95% limit",
        ADMISSIONS,
        "ea_count_12m",
        "list_size");

    of(
        "ea_expected_12m",
        "Expected admissions at the locality's rates",
        DECIMAL,
        COMPARISON,
        "ea_count_12m",
        null);
    of(
        "ea_ratio_12m",
        "Admissions compared with expected (1.00 = as expected)",
        RATIO,
        COMPARISON,
        "ea_count_12m",
        null);
    of(
        "ea_significance_12m",
        "Statistical significance of the difference",
        TEXT,
        COMPARISON,
        "ea_count_12m",
        null);
    of(
        "ea_funnel",
        "Practices of the locality: admissions against expected",
        DECIMAL,
        COMPARISON,
        null,
        null);

    of("ea_funnel_limits", "Funnel plot control limits", DECIMAL, COMPARISON, null, null);
    of("practices", "Practices of the locality side by side", COUNT, COMPARISON, null, null);
    of(
        "ea_series",
        "Emergency admissions per 1,000 patients, month by month",
        RATE,
        TREND,
        null,
        null);

    count("ea_discharges", "Emergency admissions discharged this month", STAY);
    of(
        "ea_bed_days",
        "Bed days of emergency admissions discharged this month",
        DAYS,
        STAY,
        "ea_discharges",
        null);
    of("ea_los_mean", "Average length of stay (days)", DAYS, STAY, "ea_discharges", null);
    of("ea_los_median", "Median length of stay (days)", DAYS, STAY, "ea_discharges", null);
    count("ea_zero_los", "Discharged the same day", STAY);
    of(
        "ea_excess_bed_days",
        "Excess bed days (beyond the trim point)",
        DAYS,
        STAY,
        "ea_discharges",
        null);
    count("ea_without_trim_point", "Discharges with no trim point for their HRG", STAY);

    count("readmissions_30d", "Emergency readmissions within 30 days of a discharge", READMISSIONS);
    of(
        "readmission_pct",
        "Share of emergency admissions that were readmissions (%)",
        PERCENT,
        READMISSIONS,
        "readmissions_30d",
        "ea_count");

    count(
        "acsc_count",
        "Admissions for ambulatory care sensitive conditions (ACSC) this month",
        ACSC);
    count("acsc_by_condition", "ACSC admissions this month, by condition", ACSC);
    count("acsc_count_12m", "ACSC admissions in the last 12 months", ACSC);
    rate(
        "acsc_dsr_12m_per_100000",
        "ACSC admissions, age-sex standardised rate per 100,000, last 12 months",
        ACSC,
        "acsc_count_12m",
        "list_size");
    rate(
        "acsc_dsr_12m_lcl95",
        "ACSC admissions standardised rate per 100,000, lower 95% limit",
        ACSC,
        "acsc_count_12m",
        "list_size");
    rate(
        "acsc_dsr_12m_ucl95",
        "ACSC admissions standardised rate per 100,000, upper 95% limit",
        ACSC,
        "acsc_count_12m",
        "list_size");

    count(
        "frequent_attenders",
        "Patients with 3 or more emergency admissions in 12 months",
        FREQUENT);
    add(
        new MeasureDefinition(
            "frequent_attender_list", "Frequent attenders", TEXT, FREQUENT, null, null, true));

    count(
        "ea_count_register",
        "Emergency admissions of patients on the case management register",
        CASE_MANAGED);
    count(
        "ea_count_not_register",
        "Emergency admissions of patients not on the register",
        CASE_MANAGED);
    count("ae_attendances", "A&E attendances this month", CASE_MANAGED);
    count("reviews_due", "Admissions of register patients to review", CASE_MANAGED);
    count("reviews_completed", "Admission reviews completed", CASE_MANAGED);
    count("reviews_avoidable", "Admissions judged avoidable", CASE_MANAGED);

    count(
        "in_hospital_now",
        "Patients in hospital at the end of the month (or the last day of the data)",
        IN_HOSPITAL);
    count(
        "in_hospital_beyond_trim_point",
        "Of them, in hospital longer than the trim point of their stay",
        IN_HOSPITAL);

    count("register_size", "Patients on the case management register at month end", REGISTER);
    of(
        "register_pct_adult_list",
        "Register as a share of adult patients (%)",
        PERCENT,
        REGISTER,
        "register_size",
        "list_size_18plus_month_end");
    of(
        "register_below_target",
        "Register below the target share of adults",
        TEXT,
        REGISTER,
        "register_size",
        "list_size_18plus_month_end");
    of("caseloads", "Caseloads per case manager", COUNT, REGISTER, null, null);
    count("referrals_received", "Referrals received", ACTIVITY);
    count("referrals_by_source", "Referrals by source", ACTIVITY);
    count("episodes_started", "Patients taken onto the caseload", ACTIVITY);
    count("discharges", "Patients discharged from case management", ACTIVITY);
    count("discharges_by_reason", "Discharges by reason", ACTIVITY);
    count("contacts_attended", "Contacts that took place", ACTIVITY);
    count("contacts_not_attended", "Contacts that did not take place", ACTIVITY);
    count("contacts_by_type", "Contacts by type", ACTIVITY);
    count("contacts_by_mechanism", "Contacts by mechanism", ACTIVITY);
    of("contact_minutes", "Minutes of contact", DAYS, ACTIVITY, "contacts_attended", null);
    of(
        "contacts_per_register_patient",
        "Contacts per register patient",
        RATIO,
        ACTIVITY,
        "contacts_attended",
        "register_size");
    count("care_plan_agreed", "Register patients with an agreed care plan", CARE_PLANS);
    count("care_plan_declined", "Register patients who declined a care plan", CARE_PLANS);
    count("care_plan_none", "Register patients with no care plan decision", CARE_PLANS);
    of(
        "care_plan_agreed_pct",
        "Register patients with an agreed care plan (%)",
        PERCENT,
        CARE_PLANS,
        "care_plan_agreed",
        "register_size");
    count("care_plan_reviewed_12m", "Care plans reviewed in the last 12 months", CARE_PLANS);
    count("named_gp_informed", "Named GP informed", CARE_PLANS);
    count("hospital_discharges_register", "Hospital discharges of register patients", CARE_PLANS);
    count("followed_up_3wd", "Followed up within 3 working days of discharge", CARE_PLANS);
    of(
        "followed_up_3wd_pct",
        "Followed up within 3 working days (%)",
        PERCENT,
        CARE_PLANS,
        "followed_up_3wd",
        "hospital_discharges_register");
    count(
        "register_ea_count",
        "Emergency admissions of register patients admitted this month",
        CARE_PLANS);
    of(
        "register_bed_days",
        "Bed days of register patients' emergency admissions discharged this month",
        DAYS,
        CARE_PLANS,
        "register_ea_count",
        null);

    count(
        "ba_patients",
        "Patients evaluated before and after entering case management",
        BEFORE_AFTER);
    count("ba_excluded_by_reason", "Patients left out of the evaluation, by reason", BEFORE_AFTER);
    for (String m : new String[] {"ea", "bed_days"}) {
      String what = m.equals("ea") ? "Emergency admissions" : "Bed days";
      of(
          "ba_" + m + "_before_mean",
          what + " per patient, before",
          DECIMAL,
          BEFORE_AFTER,
          "ba_patients",
          null);
      of(
          "ba_" + m + "_after_mean",
          what + " per patient, after",
          DECIMAL,
          BEFORE_AFTER,
          "ba_patients",
          null);
      of(
          "ba_" + m + "_diff_mean",
          what + " per patient, change (after minus before)",
          DECIMAL,
          BEFORE_AFTER,
          "ba_patients",
          null);
      of(
          "ba_" + m + "_diff_lcl95",
          what + ", change: lower 95% limit",
          DECIMAL,
          BEFORE_AFTER,
          "ba_patients",
          null);
      of(
          "ba_" + m + "_diff_ucl95",
          what + ", change: upper 95% limit",
          DECIMAL,
          BEFORE_AFTER,
          "ba_patients",
          null);
    }
    of(
        "ba_by_prior_admissions",
        "Change by admissions in the before window",
        DECIMAL,
        BEFORE_AFTER,
        null,
        null);
    add(
        new MeasureDefinition(
            "case_finding_list",
            "Patients not on the register, ranked by their own history",
            TEXT,
            "Case-finding",
            null,
            null,
            true));
    of(
        "ba_locality",
        "The locality's figures beside the practice's",
        DECIMAL,
        BEFORE_AFTER,
        null,
        null);
    count("ba_comparison_patients", "Matched comparison patients (not case managed)", BEFORE_AFTER);
    of(
        "ba_comparison_ea_diff_mean",
        "Comparison group: change in admissions per patient",
        DECIMAL,
        BEFORE_AFTER,
        "ba_comparison_patients",
        null);
    of(
        "ba_comparison_did",
        "Difference in differences (case managed minus comparison)",
        DECIMAL,
        BEFORE_AFTER,
        "ba_patients",
        null);
    of(
        "ba_comparison_did_lcl95",
        "Difference in differences: lower 95% limit",
        DECIMAL,
        BEFORE_AFTER,
        "ba_patients",
        null);
    of(
        "ba_comparison_did_ucl95",
        "Difference in differences: upper 95% limit",
        DECIMAL,
        BEFORE_AFTER,
        "ba_patients",
        null);

    // The locality's own figure beside the practice's (page 2 of the practice report): the same
    // measure pooled over the locality's practices, of the same kind and resting on the locality's
    // counts, so disclosure control treats it exactly as it treats the practice's figure.
    for (String id : LOCALITY_COMPARED) {
      MeasureDefinition d = BY_ID.get(id);
      add(
          new MeasureDefinition(
              localityId(id),
              "Locality: " + inSentence(d.label()),
              d.kind(),
              COMPARISON,
              d.numeratorId() == null ? null : localityId(d.numeratorId()),
              d.denominatorId() == null ? null : localityId(d.denominatorId()),
              false));
    }
    of(
        "readmission_pct_vs_locality",
        "Readmissions (%) compared with the locality (95% Wilson interval)",
        TEXT,
        COMPARISON,
        "readmissions_30d",
        null);
    of(
        "acsc_dsr_12m_vs_locality",
        "ACSC standardised rate compared with the locality (95% interval)",
        TEXT,
        COMPARISON,
        "acsc_count_12m",
        null);
  }

  static {
    endOfLife("register", "register patients");
    endOfLife("all", "all patients");
    programme();
    regression("bed_days", "bed days");
    regression("ea", "emergency admissions");
  }

  /** measures.md "End of life": one group (register decedents, or all decedents). */
  private static void endOfLife(String group, String who) {
    String id = "eol_" + group + "_";
    String deaths = id + "deaths";
    count(deaths, "Deaths in the last 12 months, " + who, END_OF_LIFE);
    count(
        id + "identified",
        "Identified as nearing the end of life before death, " + who,
        END_OF_LIFE);
    of(
        id + "identified_pct",
        "Identified as nearing the end of life before death (%), " + who,
        PERCENT,
        END_OF_LIFE,
        id + "identified",
        deaths);
    count(id + "preference", "Preferred place of death recorded, " + who, END_OF_LIFE);
    of(
        id + "preference_pct",
        "Preferred place of death recorded (%), " + who,
        PERCENT,
        END_OF_LIFE,
        id + "preference",
        deaths);
    count(
        id + "preference_place_known",
        "With a preferred place and a known place of death, " + who,
        END_OF_LIFE);
    count(id + "died_preferred", "Died in their preferred place, " + who, END_OF_LIFE);
    of(
        id + "died_preferred_pct",
        "Died in their preferred place (%), " + who,
        PERCENT,
        END_OF_LIFE,
        id + "died_preferred",
        id + "preference_place_known");
    count(id + "place_known", "With a known place of death, " + who, END_OF_LIFE);
    count(id + "died_hospital", "Died in hospital, " + who, END_OF_LIFE);
    of(
        id + "died_hospital_pct",
        "Died in hospital (%), " + who,
        PERCENT,
        END_OF_LIFE,
        id + "died_hospital",
        id + "place_known");
    of(
        id + "bed_days_90d_mean",
        "Days in hospital in the last 90 days of life, per death, " + who,
        DAYS,
        END_OF_LIFE,
        deaths,
        null);
  }

  /** measures.md "Programme practices against comparators". */
  private static void programme() {
    count("prog_practices", "Practices running case management", PROGRAMME);
    count("prog_other_practices", "Other practices", PROGRAMME);
    of("prog_practice_list", "Which practices run case management", TEXT, PROGRAMME, null, null);
    // the programme evaluation's table of every locality (report type EVALUATION)
    of(
        "prog_by_locality",
        "Case management practices against the others, locality by locality",
        TEXT,
        PROGRAMME,
        null,
        null);
    for (String g : new String[] {"prog", "prog_other"}) {
      String who = g.equals("prog") ? "practices running case management" : "other practices";
      count(g + "_ea_prev_12m", "Emergency admissions, previous 12 months, " + who, PROGRAMME);
      count(g + "_ea_12m", "Emergency admissions, last 12 months, " + who, PROGRAMME);
      of(
          g + "_growth_pct",
          "Growth in emergency admissions (%), " + who,
          PERCENT,
          PROGRAMME,
          g + "_ea_12m",
          g + "_ea_prev_12m");
      of(
          g + "_dsr_growth_pct",
          "Growth in the age-sex standardised rate (%), " + who,
          PERCENT,
          PROGRAMME,
          g + "_ea_12m",
          g + "_ea_prev_12m");
    }
    count(
        "prog_min_count",
        "Smallest of the four admission counts the comparison rests on",
        PROGRAMME);
    ratio(
        "prog_growth_ratio",
        "Growth compared (below 1.00: case management practices grew less)",
        "prog_min_count");
    ratio("prog_dsr_growth_ratio", "Standardised growth compared", "prog_min_count");

    count("prog_cohort_ea_before", "Admissions before entry, matched register patients", PROGRAMME);
    count("prog_cohort_ea_after", "Admissions after entry, matched register patients", PROGRAMME);
    count(
        "prog_comparators_ea_before", "Admissions before, matched comparison patients", PROGRAMME);
    count("prog_comparators_ea_after", "Admissions after, matched comparison patients", PROGRAMME);
    of(
        "prog_cohort_growth_pct",
        "Change in admissions (%), matched register patients",
        PERCENT,
        PROGRAMME,
        "prog_cohort_ea_after",
        "prog_cohort_ea_before");
    of(
        "prog_comparators_growth_pct",
        "Change in admissions (%), matched comparison patients",
        PERCENT,
        PROGRAMME,
        "prog_comparators_ea_after",
        "prog_comparators_ea_before");
    count(
        "prog_cohort_min_count",
        "Smallest of the four admission counts the patient comparison rests on",
        PROGRAMME);
    ratio(
        "prog_cohort_growth_ratio",
        "Change compared, register patients against comparison patients",
        "prog_cohort_min_count");
  }

  private static void ratio(String id, String label, String numerator) {
    of(id, label, RATIO, PROGRAMME, numerator, null);
    of(id + "_lcl95", label + ": lower 95% limit", RATIO, PROGRAMME, numerator, null);
    of(id + "_ucl95", label + ": upper 95% limit", RATIO, PROGRAMME, numerator, null);
  }

  /** measures.md "Before and after: regression": one outcome (bed days or admissions after). */
  private static void regression(String outcome, String what) {
    String id = "bar_" + outcome;
    count(id + "_n", "Patients in the regression of " + what + " after entry", REGRESSION);
    of(
        id + "_r2",
        "Share of the variation explained (R²), " + what,
        RATIO,
        REGRESSION,
        id + "_n",
        null);
    of(id, "What goes with " + what + " after entry", DECIMAL, REGRESSION, id + "_n", null);
    of(id + "_findings", "In plain words, " + what, TEXT, REGRESSION, id + "_n", null);
  }

  /** measures.md "Community team activity" (issue 22); its other figures are the return's ids. */
  static {
    count("team_caseload", "Patients on the team's caseloads at month end", TEAM);
    of("team_wte", "Whole-time equivalents with a WTE recorded", DECIMAL, TEAM, null, null);
    of(
        "team_caseload_per_wte",
        "Team caseload per whole-time equivalent",
        DECIMAL,
        TEAM,
        "team_caseload",
        null);
    count("team_case_managers", "Each case manager's caseload and activity", TEAM);
    count("team_caseload_by_practice", "Each case manager's caseload by practice", TEAM);
    count(
        "team_breakdowns",
        "Each case manager's contacts by type and mechanism, and discharges by reason",
        TEAM);
    count("team_last_year", "The team in the same month last year", TEAM);
  }

  private MeasureCatalogue() {}

  /**
   * A label within a sentence or after "Locality: ": its first letter in lower case, unless it
   * starts an acronym ("ACSC admissions …" stays; it read "aCSC admissions").
   */
  public static String inSentence(String label) {
    boolean acronym = label.length() > 1 && Character.isUpperCase(label.charAt(1));
    return acronym ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
  }

  /**
   * The id of the locality's own value of a practice measure ({@code ea_los_mean} → {@code
   * ea_los_mean_locality}).
   */
  public static String localityId(String id) {
    return id + "_locality";
  }

  public static Optional<MeasureDefinition> find(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  public static MeasureDefinition get(String id) {
    MeasureDefinition d = BY_ID.get(id);
    if (d == null) {
      throw new IllegalArgumentException("unknown measure id: " + id);
    }
    return d;
  }

  public static Collection<MeasureDefinition> all() {
    return Collections.unmodifiableCollection(BY_ID.values());
  }

  private static void add(MeasureDefinition d) {
    BY_ID.put(d.id(), d);
  }

  private static void count(String id, String label, String section) {
    add(new MeasureDefinition(id, label, COUNT, section, null, null, false));
  }

  private static void rate(String id, String label, String section, String num, String den) {
    add(new MeasureDefinition(id, label, RATE, section, num, den, false));
  }

  private static void of(
      String id, String label, ValueKind kind, String section, String num, String den) {
    add(new MeasureDefinition(id, label, kind, section, num, den, false));
  }
}
