package org.ltcreports.casemanagement;

import static org.ltcreports.casemanagement.CaseManagementCodes.CONTACT_TYPES;
import static org.ltcreports.casemanagement.CaseManagementCodes.END_REASONS;
import static org.ltcreports.casemanagement.CaseManagementCodes.MECHANISMS;
import static org.ltcreports.casemanagement.CaseManagementCodes.REFERRAL_SOURCES;
import static org.ltcreports.casemanagement.CaseManagementCodes.keyOf;
import static org.ltcreports.casemanagement.CaseManagementCodes.keys;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.ToLongFunction;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.casemanagement.CaseManagementData.ResolvedContact;
import org.ltcreports.measures.EpisodeActivity;
import org.ltcreports.measures.EpisodeActivity.Event;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureFamily;
import org.ltcreports.measures.MeasureValues;
import org.ltcreports.measures.MonthContacts;
import org.ltcreports.measures.MonthWindow;
import org.ltcreports.measures.Ratios;
import org.ltcreports.source.SourceRows.Contact;

/**
 * Referrals, episodes started, discharges and contacts in month M (measures.md "Case management
 * activity return"), each attributed to a practice by {@link CaseManagementData#practiceForEvent}
 * on the event's date:
 *
 * <ul>
 *   <li>{@code referrals_received}, {@code referrals_by_source}: episodes with {@code
 *       referral_date} in M (on the referral date);
 *   <li>{@code episodes_started}: episodes with {@code start_date} in M (on the start date);
 *   <li>{@code discharges}, {@code discharges_by_reason}: episodes with a start date and {@code
 *       end_date} in M (on the end date); a null end reason is {@code UNKNOWN} (these three are
 *       counted by {@link EpisodeActivity}: by practice, by the context's measure engine);
 *   <li>{@code contacts_attended} (attendance 5, 6), {@code contacts_not_attended} (2, 3, 4, 7):
 *       contacts dated in M on an episode, attributed on the contact date; attendance 0 (future) or
 *       an unlisted code is in neither and counted in a note; {@code contacts_by_type}, {@code
 *       contacts_by_mechanism} and {@code contact_minutes} (Σ duration, nulls left out and counted)
 *       are of the attended ones;
 *   <li>{@code contacts_per_register_patient} = attended / {@code register_size}, null when the
 *       register is empty.
 * </ul>
 *
 * Breakdowns carry every code of their list plus {@code UNKNOWN}, zeros included.
 */
public final class ActivityMeasures implements MeasureFamily {
  private static final String ATTENDED = "attended";
  private static final String NOT_ATTENDED = "not_attended";
  private static final String NEITHER = "neither";
  private static final String MINUTES = "minutes";
  private static final String NO_MINUTES = "no_minutes";
  private static final String NEAREST = "nearest";

  private final ToLongFunction<String> registerSize;
  private final Tally referrals = new Tally();
  private final Tally started = new Tally();
  private final Tally discharges = new Tally();
  private final Tally contacts = new Tally();
  private final Tally types = new Tally();
  private final Tally mechanisms = new Tally();
  private final Tally notes = new Tally();
  private final long contactsWithoutEpisode;

  /**
   * By practice: the return's activity figures, the month's contacts counted by the context's
   * engine ({@link org.ltcreports.measures.MeasureEngine#contacts}).
   */
  public ActivityMeasures(CaseManagementData cm, YearMonth month, RegisterMeasures register) {
    this(cm, month, register::registerSize, ActivityAttribution.byPractice(cm), true);
  }

  /**
   * The same counts keyed by {@code by} (a case manager, a team), counted here.
   *
   * @param registerSize the denominator of {@code contacts_per_register_patient} for a key
   */
  public ActivityMeasures(
      CaseManagementData cm,
      YearMonth month,
      ToLongFunction<String> registerSize,
      ActivityAttribution by) {
    this(cm, month, registerSize, by, false);
  }

  private ActivityMeasures(
      CaseManagementData cm,
      YearMonth month,
      ToLongFunction<String> registerSize,
      ActivityAttribution by,
      boolean contactsByEngine) {
    this.registerSize = registerSize;
    MonthWindow m = MonthWindow.of(month);
    countEpisodeEvents(by.episodeActivity(cm, month));
    if (contactsByEngine) {
      MeasureContext ctx = cm.context();
      MonthContacts counted = ctx.engine().contacts(ctx, month);
      counted.byPractice().forEach((p, groups) -> groups.forEach(g -> count(p, g)));
      this.contactsWithoutEpisode = counted.withoutEpisode();
      return;
    }
    for (ResolvedContact rc : cm.contacts()) {
      LocalDate d = rc.date();
      if (!m.contains(d)) {
        continue;
      }
      Contact c = rc.contact();
      Integer minutes = c.durationMinutes();
      count(
          by.ofContact(rc),
          new MonthContacts.Group(
              c.attendance(),
              c.contactType(),
              c.consultationMechanism(),
              by.byNearest(rc.patientId(), d),
              1,
              minutes == null ? 0 : minutes,
              minutes == null ? 1 : 0));
    }
    long orphan = 0;
    for (Contact c : cm.contactsWithoutEpisode()) {
      if (c.contactDate() != null && m.contains(c.contactDate())) {
        orphan++;
      }
    }
    this.contactsWithoutEpisode = orphan;
  }

  /** Referrals, starts and discharges, their codes as breakdown keys. */
  private void countEpisodeEvents(EpisodeActivity events) {
    for (String p : events.keys()) {
      events
          .codes(p, Event.REFERRED)
          .forEach((code, n) -> referrals.add(p, keyOf(code, REFERRAL_SOURCES), n));
      started.add(p, "started", events.total(p, Event.STARTED));
      events
          .codes(p, Event.DISCHARGED)
          .forEach((code, n) -> discharges.add(p, keyOf(code, END_REASONS), n));
      notes.add(p, NEAREST, events.byNearest(p));
    }
  }

  /**
   * The rule of the contact counts, for either engine's groups: attended (5, 6) and not attended
   * (2, 3, 4, 7) counted, anything else in a note; the type, mechanism and minutes of the attended
   * ones, a missing duration in a note.
   */
  private void count(String p, MonthContacts.Group g) {
    long n = g.contacts();
    if (g.nearest()) {
      notes.add(p, NEAREST, n);
    }
    if (CaseManagementCodes.attended(g.attendance())) {
      contacts.add(p, ATTENDED, n);
      types.add(p, keyOf(g.contactType(), CONTACT_TYPES), n);
      mechanisms.add(p, keyOf(g.mechanism(), MECHANISMS), n);
      notes.add(p, NO_MINUTES, g.withoutMinutes());
      contacts.add(p, MINUTES, g.minutes());
    } else if (CaseManagementCodes.notAttended(g.attendance())) {
      contacts.add(p, NOT_ATTENDED, n);
    } else {
      notes.add(p, NEITHER, n);
    }
  }

  public long contactsAttended(String practice) {
    return contacts.get(practice, ATTENDED);
  }

  @Override
  public void addTo(String practice, MeasureValues out) {
    out.count("referrals_received", referrals.total(practice));
    out.put(
        "referrals_by_source",
        new MeasureValue.Breakdown(referrals.breakdown(practice, keys(REFERRAL_SOURCES))));
    out.count("episodes_started", started.total(practice));
    out.count("discharges", discharges.total(practice));
    out.put(
        "discharges_by_reason",
        new MeasureValue.Breakdown(discharges.breakdown(practice, keys(END_REASONS))));
    long attended = contacts.get(practice, ATTENDED);
    out.count("contacts_attended", attended);
    out.count("contacts_not_attended", contacts.get(practice, NOT_ATTENDED));
    out.put(
        "contacts_by_type",
        new MeasureValue.Breakdown(types.breakdown(practice, keys(CONTACT_TYPES))));
    out.put(
        "contacts_by_mechanism",
        new MeasureValue.Breakdown(mechanisms.breakdown(practice, keys(MECHANISMS))));
    out.count("contact_minutes", contacts.get(practice, MINUTES));
    out.number(
        "contacts_per_register_patient",
        Ratios.per(attended, registerSize.applyAsLong(practice), 1));
    long neither = notes.get(practice, NEITHER);
    if (neither > 0) {
      out.note(
          neither
              + " contact(s) dated this month have attendance 0 (future) or an unlisted code and"
              + " are in neither contact count.");
    }
    long noMinutes = notes.get(practice, NO_MINUTES);
    if (noMinutes > 0) {
      out.note(
          noMinutes
              + " attended contact(s) have no duration and add nothing to the minutes of contact.");
    }
    long nearest = notes.get(practice, NEAREST);
    if (nearest > 0) {
      out.note(
          nearest
              + " referral, start, discharge or contact date(s) fell on a day the patient was not"
              + " registered with any practice (died or left); they are counted for the practice"
              + " the patient was last registered with.");
    }
  }

  /** Contacts dated in M whose episode is unknown: no practice can be given them. */
  public long contactsWithoutEpisode() {
    return contactsWithoutEpisode;
  }
}
