package org.ltcreports.casemanagement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ltcreports.measures.Admission;
import org.ltcreports.measures.CountedEpisodes;
import org.ltcreports.measures.EpisodeAttribution;
import org.ltcreports.measures.GroupedRows;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MonthContacts;
import org.ltcreports.measures.RegisterEpisodes;
import org.ltcreports.measures.Registrations;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceRows.CaseManager;
import org.ltcreports.source.SourceRows.Contact;
import org.ltcreports.source.SourceRows.Episode;
import org.ltcreports.source.SourceRows.Event;
import org.ltcreports.source.SourceRows.Spell;

/**
 * The case management rows of a source snapshot, indexed once for every practice and month:
 * episodes by id and by patient, contacts resolved to their episode's patient, events by patient,
 * case managers by id, and the hospital spells (deduplicated by spell id).
 *
 * <p>Attribution of an episode event (referral, start, discharge, contact) follows measures.md
 * "Attribution": the practice the patient is registered with on the event's date. When the patient
 * has no registration that day — typically a discharge recorded after the patient died or left the
 * practice — the event goes to the practice of {@link Registrations#nearestPractice} (the latest
 * registration starting on or before the date), so a discharge is not lost from every return; such
 * events are counted ({@link #attributedByNearest}) and reported in a note.
 */
public final class CaseManagementData {
  /** A contact with the patient of its episode. */
  public record ResolvedContact(Contact contact, Episode episode) {
    public String patientId() {
      return episode.patientId();
    }

    public LocalDate date() {
      return contact.contactDate();
    }
  }

  private final MeasureContext ctx;
  private final Map<String, Episode> episodesById;
  private final Map<String, List<Episode>> episodesByPatient = new HashMap<>();
  private final ListsByPatient<Episode> episodeLists; // the same lists, found by position
  private final List<ResolvedContact> contacts = new ArrayList<>();
  private final Map<String, List<ResolvedContact>> contactsByPatient = new HashMap<>();
  private final Map<String, List<Event>> eventsByPatient = new HashMap<>();
  private final Map<String, CaseManager> caseManagers = new HashMap<>();
  private final List<Contact> contactsWithoutEpisode = new ArrayList<>();
  private final List<Episode> duplicateEpisodes;

  public CaseManagementData(MeasureContext ctx) {
    this.ctx = ctx;
    SourceData data = ctx.data();
    CountedEpisodes counted = CountedEpisodes.of(ctx);
    episodesById = counted.byId();
    duplicateEpisodes = counted.duplicates();
    for (Episode e : episodesById.values()) {
      episodesByPatient.computeIfAbsent(e.patientId(), k -> new ArrayList<>()).add(e);
    }
    Comparator<Episode> byStart =
        Comparator.comparing(Episode::startDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Episode::episodeId);
    episodesByPatient.values().forEach(l -> l.sort(byStart));
    for (Contact c : nullSafe(data.contacts())) {
      Episode e = MonthContacts.episodeOf(c, counted);
      if (e == null) {
        contactsWithoutEpisode.add(c);
        continue;
      }
      ResolvedContact rc = new ResolvedContact(c, e);
      contacts.add(rc);
      contactsByPatient.computeIfAbsent(e.patientId(), k -> new ArrayList<>()).add(rc);
    }
    // by date, then contact id (a missing id as "null"), written out: a composed comparator's
    // chain of lambdas was most of the cost of sorting every contact of a locality
    Comparator<ResolvedContact> byDate =
        (a, b) -> {
          int c = a.contact().contactDate().compareTo(b.contact().contactDate());
          return c != 0
              ? c
              : String.valueOf(a.contact().contactId())
                  .compareTo(String.valueOf(b.contact().contactId()));
        };
    contacts.sort(byDate);
    contactsByPatient.values().forEach(l -> l.sort(byDate));
    for (Event ev : nullSafe(data.events())) {
      if (ev.patientId() != null && ev.eventDate() != null && ev.eventType() != null) {
        eventsByPatient.computeIfAbsent(ev.patientId(), k -> new ArrayList<>()).add(ev);
      }
    }
    GroupedRows.trim(episodesByPatient);
    GroupedRows.trim(contactsByPatient);
    GroupedRows.trim(eventsByPatient);
    episodeLists = ListsByPatient.of(ctx.registrations(), episodesByPatient);
    for (CaseManager cm : nullSafe(data.caseManagers())) {
      if (cm.caseManagerId() != null) {
        caseManagers.putIfAbsent(cm.caseManagerId(), cm);
      }
    }
  }

  private static <T> List<T> nullSafe(List<T> rows) {
    return rows == null ? List.of() : rows;
  }

  public MeasureContext context() {
    return ctx;
  }

  /** Episodes (first row of a duplicated id, {@link CountedEpisodes}), in source order. */
  public Iterable<Episode> episodes() {
    return episodesById.values();
  }

  public Episode episode(String episodeId) {
    return episodesById.get(episodeId);
  }

  /** A patient's episodes by start date (not yet started last), then id. */
  public List<Episode> episodesOf(String patientId) {
    return episodeLists.of(patientId);
  }

  /** {@link #episodesOf(String)} of the admission's patient, found by the position it carries. */
  public List<Episode> episodesOf(Admission a) {
    return episodeLists.of(a.patientPosition(), a.spell().patientId());
  }

  /** Patient ids with any episode. */
  public Set<String> patientsWithEpisodes() {
    return episodesByPatient.keySet();
  }

  /** On the register on d ({@link RegisterEpisodes}, the rule's one home). */
  public boolean onRegister(String patientId, LocalDate d) {
    return ctx.registerEpisodes().onRegister(patientId, d);
  }

  /** Whether the patient was on the register on any day of [from, toExclusive). */
  public boolean onRegisterDuring(String patientId, LocalDate from, LocalDate toExclusive) {
    for (Episode e : episodesOf(patientId)) {
      if (e.startDate() == null || !e.startDate().isBefore(toExclusive)) {
        continue;
      }
      // on the register on [start, end): overlaps [from, to) when end is null or end > from
      // (and end > start, else the episode was never on the register).
      LocalDate end = e.endDate();
      if (end != null && !end.isAfter(e.startDate())) {
        continue;
      }
      if (end == null || end.isAfter(from)) {
        return true;
      }
    }
    return false;
  }

  /** Contacts with a known episode, by date then contact id. */
  public List<ResolvedContact> contacts() {
    return contacts;
  }

  public List<ResolvedContact> contactsOf(String patientId) {
    return contactsByPatient.getOrDefault(patientId, List.of());
  }

  /** Contacts whose episode id is not an episode (or with no date): in no count, reported. */
  public List<Contact> contactsWithoutEpisode() {
    return contactsWithoutEpisode;
  }

  /** Episode rows whose id repeats an earlier row: left out, reported. */
  public List<Episode> duplicateEpisodes() {
    return duplicateEpisodes;
  }

  public List<Event> eventsOf(String patientId) {
    return eventsByPatient.getOrDefault(patientId, List.of());
  }

  public CaseManager caseManager(String id) {
    return id == null ? null : caseManagers.get(id);
  }

  /**
   * Hospital spells of any method, one per spell id, in source order: the spells the measures use
   * ({@link org.ltcreports.measures.SpellIndex}, the first usable row of each id).
   */
  public List<Spell> spells() {
    return ctx.spells().spells();
  }

  /**
   * The practice an episode event on d belongs to: the registration on d, else the nearest one (see
   * the class comment); null when the patient has no registration at all.
   */
  public String practiceForEvent(String patientId, LocalDate d) {
    return EpisodeAttribution.practiceOf(ctx.registrations(), patientId, d);
  }

  /** Whether {@link #practiceForEvent} had to fall back to the nearest registration. */
  public boolean attributedByNearest(String patientId, LocalDate d) {
    return EpisodeAttribution.byNearest(ctx.registrations(), patientId, d);
  }
}
