package org.ltcreports.casemanagement;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.SourceDataBuilder;

/**
 * A small seeded synthetic locality for the plumbing tests of returns, collation and case finding
 * (the hand-checked figures are in the golden tests): locality L1 with practices P1 to P5 and
 * locality L2 with P9; patients registered since 2000, about a third with case management episodes
 * (referrals, starts, discharges), weekly-ish contacts, care plan events and emergency spells over
 * 2024–2026. Extract date 2026-11-30.
 */
public final class ReturnFixture {
  public static final List<String> L1 = List.of("P1", "P2", "P3", "P4", "P5");
  private static final String[] SOURCES = {
    "GP", "HOSPITAL", "COMMUNITY", "SELF", "RISK_STRATIFICATION"
  };
  private static final String[] REASONS = {"GOALS_MET", "STABLE", "DIED", "MOVED_AWAY", "DECLINED"};
  private static final String[] TYPES = {
    "ASSESSMENT", "MONITORING", "CARE_PLANNING", "POST_DISCHARGE"
  };
  private static final String[] MECHS = {"01", "02", "11"};
  private static final String[] ATTEND = {"5", "5", "5", "6", "2", "3", "7"};
  private static final String[] TIERS = {"VERY_HIGH", "HIGH", "MODERATE", "LOW", null};
  private static final String[] EVENTS = {
    "CARE_PLAN_AGREED", "CARE_PLAN_DECLINED", "CARE_PLAN_REVIEWED", "NAMED_GP_INFORMED"
  };

  private ReturnFixture() {}

  public static SourceDataBuilder builder(long seed, int patientsPerPractice) {
    Random rnd = new Random(seed);
    SourceDataBuilder b =
        new SourceDataBuilder("2026-11-30")
            .practice("P1", "L1")
            .practice("P2", "L1")
            .practice("P3", "L1")
            .practice("P4", "L1")
            .practice("P5", "L1")
            .practice("P9", "L2")
            .caseManager("cm1", "COMMUNITY_MATRON", "1.0", "L1")
            .caseManager("cm2", "CASE_MANAGER", "0.6", "L1")
            .caseManager("cm3", "DISTRICT_NURSE", null, "L1")
            .caseManager("cm4", "CASE_MANAGER", "0.8", "L2");
    LocalDate start = LocalDate.of(2024, 1, 1);
    int contact = 0;
    int spell = 0;
    for (String practice : List.of("P1", "P2", "P3", "P4", "P5", "P9")) {
      for (int i = 0; i < patientsPerPractice; i++) {
        String id = practice + "-" + i;
        LocalDate born =
            LocalDate.of(1925 + rnd.nextInt(70), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
        b.registeredPatient(
            id, born.toString(), rnd.nextBoolean() ? "F" : "M", practice, "2000-01-01");
        int admissions = rnd.nextInt(10) < 6 ? 0 : 1 + rnd.nextInt(4);
        for (int k = 0; k < admissions; k++) {
          LocalDate in = start.plusDays(rnd.nextInt(1030));
          LocalDate out = rnd.nextInt(20) == 0 ? null : in.plusDays(rnd.nextInt(15));
          b.spell(
              "s" + spell++,
              id,
              in.toString(),
              out == null ? null : out.toString(),
              rnd.nextInt(5) == 0 ? "11" : "21",
              "19",
              "1",
              "1",
              "300",
              List.of("I50", "J44", "E11", "N17", "I48", "R074").get(rnd.nextInt(6)),
              "EB03E");
        }
        if (rnd.nextInt(3) != 0) {
          continue;
        }
        String cm = practice.equals("P9") ? "cm4" : "cm" + (1 + rnd.nextInt(3));
        LocalDate referral = start.plusDays(rnd.nextInt(1000));
        LocalDate accepted = rnd.nextInt(8) == 0 ? null : referral.plusDays(rnd.nextInt(20));
        LocalDate ended =
            accepted == null || rnd.nextBoolean() ? null : accepted.plusDays(30 + rnd.nextInt(400));
        if (ended != null && ended.isAfter(LocalDate.of(2026, 11, 30))) {
          ended = null;
        }
        String episode = "e-" + id;
        b.episode(
            episode,
            id,
            cm,
            referral.toString(),
            SOURCES[rnd.nextInt(SOURCES.length)],
            accepted == null ? null : accepted.toString(),
            ended == null ? null : ended.toString(),
            ended == null ? null : REASONS[rnd.nextInt(REASONS.length)],
            TIERS[rnd.nextInt(TIERS.length)]);
        if (accepted == null) {
          continue;
        }
        LocalDate last = ended == null ? LocalDate.of(2026, 11, 30) : ended;
        for (LocalDate d = accepted.plusDays(rnd.nextInt(7));
            !d.isAfter(last);
            d = d.plusDays(3 + rnd.nextInt(12))) {
          b.contact(
              "c" + contact++,
              episode,
              cm,
              d.toString(),
              TYPES[rnd.nextInt(TYPES.length)],
              MECHS[rnd.nextInt(MECHS.length)],
              ATTEND[rnd.nextInt(ATTEND.length)],
              rnd.nextInt(6) == 0 ? null : 10 + rnd.nextInt(50));
        }
        for (int k = rnd.nextInt(4); k > 0; k--) {
          b.event(
              id,
              accepted.plusDays(rnd.nextInt(300)).toString(),
              EVENTS[rnd.nextInt(EVENTS.length)]);
        }
      }
    }
    return b;
  }

  public static MeasureContext context(long seed, int patientsPerPractice) {
    return new MeasureContext(
        builder(seed, patientsPerPractice).build(), MeasureSettings.defaults());
  }
}
