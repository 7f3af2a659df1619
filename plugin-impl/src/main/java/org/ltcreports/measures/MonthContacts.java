package org.ltcreports.measures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ltcreports.source.SourceRows.Contact;
import org.ltcreports.source.SourceRows.Episode;

/**
 * The case management contacts dated in one month, reduced for the return (the reduced result of
 * {@link MeasureEngine#contacts}): by the practice each contact is attributed to, groups of
 * contacts with the same stored attendance, contact type and consultation mechanism, and whether
 * the practice had to be found by the nearest registration. The codes stay as stored: which
 * attendance counts as attended and which breakdown key a code falls in is decided in Java, once,
 * by the family that reads the groups (casemanagement.ActivityMeasures).
 *
 * @param byPractice practice code → its groups, in {@link Group#ORDER}
 * @param withoutEpisode contacts dated in the month whose episode is unknown (no practice)
 */
public record MonthContacts(Map<String, List<Group>> byPractice, long withoutEpisode) {
  public MonthContacts {
    Map<String, List<Group>> copy = new TreeMap<>();
    byPractice.forEach((p, groups) -> copy.put(p, List.copyOf(groups)));
    byPractice = java.util.Collections.unmodifiableMap(copy);
  }

  /** CSDS attended or did not attend: took place (5 attended on time, 6 late but seen). */
  public static final List<String> ATTENDED = List.of("5", "6");

  /** Whether a stored attendance code reads ({@link Codes#normalise}) as attended. */
  public static boolean attended(String attendance) {
    String a = Codes.normalise(attendance);
    return a != null && ATTENDED.contains(a);
  }

  /**
   * The counted episode a contact belongs to: the one its {@code episode_id} names, when the
   * contact has a date; null for a contact without an episode (no id, an unknown one, or no date).
   */
  public static Episode episodeOf(Contact c, CountedEpisodes episodes) {
    return c.episodeId() == null || c.contactDate() == null
        ? null
        : episodes.byId().get(c.episodeId());
  }

  /**
   * Contacts of one practice with the same codes.
   *
   * @param nearest whether the practice was found by the nearest registration (the patient was
   *     registered nowhere on the contact date)
   * @param contacts how many
   * @param minutes the sum of their recorded durations
   * @param withoutMinutes how many have no duration
   */
  public record Group(
      String attendance,
      String contactType,
      String mechanism,
      boolean nearest,
      long contacts,
      long minutes,
      long withoutMinutes) {
    private static final Comparator<String> CODE = Comparator.nullsFirst(Comparator.naturalOrder());

    /** By the stored codes (missing first, then as {@link String#compareTo}), then nearest. */
    public static final Comparator<Group> ORDER =
        Comparator.comparing(Group::attendance, CODE)
            .thenComparing(Group::contactType, CODE)
            .thenComparing(Group::mechanism, CODE)
            .thenComparing(Group::nearest);
  }

  /** Contacts added a group (or one contact) at a time, equal codes of a practice merged. */
  public static final class Tally {
    private record Key(String attendance, String contactType, String mechanism, boolean nearest) {}

    private final Map<String, Map<Key, long[]>> byPractice = new HashMap<>();
    private long withoutEpisode;

    /** {@code contacts} contacts of these codes, their durations summed and the missing counted. */
    public void add(
        String practice,
        String attendance,
        String contactType,
        String mechanism,
        boolean nearest,
        long contacts,
        long minutes,
        long withoutMinutes) {
      long[] c =
          byPractice
              .computeIfAbsent(practice, k -> new HashMap<>())
              .computeIfAbsent(
                  new Key(attendance, contactType, mechanism, nearest), k -> new long[3]);
      c[0] += contacts;
      c[1] += minutes;
      c[2] += withoutMinutes;
    }

    public void addWithoutEpisode(long n) {
      withoutEpisode += n;
    }

    public MonthContacts counted() {
      Map<String, List<Group>> groups = new HashMap<>();
      byPractice.forEach(
          (practice, keys) -> {
            List<Group> list = new ArrayList<>();
            keys.forEach(
                (k, c) ->
                    list.add(
                        new Group(
                            k.attendance(),
                            k.contactType(),
                            k.mechanism(),
                            k.nearest(),
                            c[0],
                            c[1],
                            c[2])));
            list.sort(Group.ORDER);
            groups.put(practice, list);
          });
      return new MonthContacts(groups, withoutEpisode);
    }
  }
}
