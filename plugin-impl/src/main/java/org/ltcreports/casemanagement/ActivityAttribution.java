package org.ltcreports.casemanagement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.ltcreports.casemanagement.CaseManagementData.ResolvedContact;
import org.ltcreports.measures.Admission;
import org.ltcreports.measures.EpisodeActivity;
import org.ltcreports.measures.EpisodeAttribution;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.source.SourceRows.Episode;
import org.ltcreports.source.SourceRows.Spell;

/**
 * Whom an episode's events and contacts count for (measures.md "Attribution" and "Community team
 * activity"): a practice, for the case management return, or a case manager (or their team), for
 * the community team report. The counting rules ({@link ActivityMeasures}, {@link
 * CaseloadHospitalActivity}) are the same; only this key differs.
 */
public interface ActivityAttribution extends EpisodeAttribution {

  /**
   * The month's referrals, starts and discharges of the counted episodes by this attribution's key
   * ({@link EpisodeActivity#count}); by practice, the measure engine counts them.
   */
  default EpisodeActivity episodeActivity(CaseManagementData cm, YearMonth month) {
    return EpisodeActivity.count(cm.episodes(), month, this);
  }

  /** The key of a contact; null: none. */
  String ofContact(ResolvedContact rc);

  /**
   * The keys a hospital spell discharged while its patient was on the register counts for; {@code
   * onRegister} are the patient's episodes on the register on the discharge date (never empty).
   */
  Set<String> ofCaseloadDischarge(Spell s, List<Episode> onRegister);

  /**
   * The keys an emergency admission of a patient on the register counts for; {@code onRegister} are
   * the patient's episodes on the register on the admission date (never empty).
   */
  Set<String> ofCaseloadAdmission(Admission a, List<Episode> onRegister);

  /** By practice: the practice the patient is registered with on the date (the return). */
  static ActivityAttribution byPractice(CaseManagementData cm) {
    return new ActivityAttribution() {
      @Override
      public EpisodeActivity episodeActivity(CaseManagementData cm, YearMonth month) {
        MeasureContext ctx = cm.context();
        return ctx.engine().episodeActivity(ctx, month);
      }

      @Override
      public String ofEpisode(Episode e, LocalDate d) {
        return cm.practiceForEvent(e.patientId(), d);
      }

      @Override
      public String ofContact(ResolvedContact rc) {
        return cm.practiceForEvent(rc.patientId(), rc.date());
      }

      @Override
      public Set<String> ofCaseloadDischarge(Spell s, List<Episode> onRegister) {
        // like every spell: the practice of the admission date (measures.md "Attribution")
        String p = cm.context().registrations().practiceOn(s.patientId(), s.admissionDate());
        return p == null ? Set.of() : Set.of(p);
      }

      @Override
      public Set<String> ofCaseloadAdmission(Admission a, List<Episode> onRegister) {
        return a.practiceCode() == null ? Set.of() : Set.of(a.practiceCode());
      }

      @Override
      public boolean byNearest(String patientId, LocalDate d) {
        return cm.attributedByNearest(patientId, d);
      }
    };
  }

  /**
   * By case manager, then grouped: an episode's referral, start and discharge, and its patient's
   * hospital discharges and emergency admissions while the episode is on the register, count for
   * the episode's named case manager (each key once per spell); a contact counts for the case
   * manager who made it ({@code cm_contact.case_manager_id}), or the episode's when the contact
   * names none. {@code group} maps a case manager id ({@link RegisterMeasures#UNASSIGNED} when none
   * is named) to the key counted (the id itself, their team's code, or their locality's); null
   * leaves the event out.
   */
  static ActivityAttribution byCaseManager(UnaryOperator<String> group) {
    return new ActivityAttribution() {
      @Override
      public String ofEpisode(Episode e, LocalDate d) {
        return group.apply(named(e.caseManagerId()));
      }

      @Override
      public String ofContact(ResolvedContact rc) {
        String who = rc.contact().caseManagerId();
        return group.apply(named(who != null ? who : rc.episode().caseManagerId()));
      }

      @Override
      public Set<String> ofCaseloadDischarge(Spell s, List<Episode> onRegister) {
        return caseManagersOf(onRegister);
      }

      @Override
      public Set<String> ofCaseloadAdmission(Admission a, List<Episode> onRegister) {
        return caseManagersOf(onRegister);
      }

      /** Each key once: two episodes of one team count once for the team. */
      private Set<String> caseManagersOf(List<Episode> episodes) {
        Set<String> keys = new TreeSet<>();
        for (Episode e : episodes) {
          String key = group.apply(named(e.caseManagerId()));
          if (key != null) {
            keys.add(key);
          }
        }
        return keys;
      }
    };
  }

  private static String named(String caseManagerId) {
    return caseManagerId == null || caseManagerId.isBlank()
        ? RegisterMeasures.UNASSIGNED
        : caseManagerId;
  }
}
