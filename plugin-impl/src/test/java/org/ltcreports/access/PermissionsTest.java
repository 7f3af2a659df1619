package org.ltcreports.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.api.spi.Role;

class PermissionsTest {

  private static final PracticeLocalities LOCALITIES =
      PracticeLocalities.of(Map.of("K83001", "L01", "K83002", "L01", "K99999", "L02"));

  /**
   * Every role × action × (in scope, out of scope). Each user acts for practice K83001, locality
   * L01 and is case manager CM01 (all set on every user, so that a rule reading the wrong one shows
   * up); "in" is K83001 / L01 / CM01's caseload / a K83001 patient on CM01's caseload, "out" is
   * K99999 / L02 / CM99's caseload / a K99999 patient on CM99's caseload. Outputs are asked for the
   * COMMISSIONER audience (patient-level ones: PRACTICE), returns are submitted. The in-hospital
   * list is asked by practice for the practice roles and by caseload for CASE_MANAGER.
   */
  private static final String EXPECTED =
      """
      action               scope PRACTICE_USER PRACTICE_LEAD LOCALITY_MANAGER COMMISSIONER AUDITOR CASE_MANAGER
      VIEW_FEEDBACK        in    Y             Y             Y                Y            N       N
      VIEW_FEEDBACK        out   N             N             N                N            N       N
      DOWNLOAD_REPORT      in    Y             Y             Y                Y            N       N
      DOWNLOAD_REPORT      out   N             N             N                N            N       N
      VIEW_RETURN          in    Y             Y             Y                Y            N       N
      VIEW_RETURN          out   N             N             N                N            N       N
      SUBMIT_RETURN        in    N             Y             N                N            N       N
      SUBMIT_RETURN        out   N             N             N                N            N       N
      ACKNOWLEDGE_RETURN   in    N             N             Y                Y            N       N
      ACKNOWLEDGE_RETURN   out   N             N             N                N            N       N
      RETURN_RETURN        in    N             N             Y                Y            N       N
      RETURN_RETURN        out   N             N             N                N            N       N
      REVIEW_ADMISSION     in    Y             Y             N                N            N       N
      REVIEW_ADMISSION     out   N             N             N                N            N       N
      VIEW_REVIEWS         in    Y             Y             N                N            N       N
      VIEW_REVIEWS         out   N             N             N                N            N       N
      VIEW_LOCALITY        in    N             N             Y                Y            N       N
      VIEW_LOCALITY        out   N             N             N                N            N       N
      COLLATE              in    N             N             Y                N            N       N
      COLLATE              out   N             N             N                N            N       N
      VIEW_PATIENT_LIST    in    Y             Y             N                N            N       N
      VIEW_PATIENT_LIST    out   N             N             N                N            N       N
      VIEW_IN_HOSPITAL     in    Y             Y             N                N            N       Y
      VIEW_IN_HOSPITAL     out   N             N             N                N            N       N
      VIEW_PATIENT_PROFILE in    Y             Y             N                N            N       Y
      VIEW_PATIENT_PROFILE out   N             N             N                N            N       N
      VIEW_OWN_ACTIVITY    in    N             N             N                N            N       Y
      VIEW_OWN_ACTIVITY    out   N             N             N                N            N       N
      VIEW_AUDIT_LOG       in    N             N             N                N            Y       N
      VIEW_AUDIT_LOG       out   N             N             N                N            Y       N
      EXPORT_AUDIT_LOG     in    N             N             N                N            Y       N
      EXPORT_AUDIT_LOG     out   N             N             N                N            Y       N
      """;

  private static HostUser user(Role... roles) {
    return new HostUser(
        "u-" + roles[0].name().toLowerCase(),
        Set.of(roles),
        Set.of("K83001"),
        Set.of("L01"),
        Set.of("CM01"));
  }

  private static Scope scope(Action action, boolean in, Role role) {
    String practice = in ? "K83001" : "K99999";
    String locality = in ? "L01" : "L02";
    String caseManager = in ? "CM01" : "CM99";
    Audience audience = action.patientLevel() ? Audience.PRACTICE : Audience.COMMISSIONER;
    Scope s =
        switch (action.target()) {
          case PRACTICE, PRACTICE_OR_LOCALITY -> Scope.practice(practice, audience, LOCALITIES);
          case PRACTICE_OR_CASELOAD ->
              role == Role.CASE_MANAGER
                  ? Scope.caseload(caseManager)
                  : Scope.practice(practice, audience, LOCALITIES);
          case PATIENT -> Scope.patient(practice, Set.of(caseManager), audience, LOCALITIES);
          case LOCALITY -> Scope.locality(locality, audience);
          case NONE -> Scope.none();
        };
    return s.withReturnSubmitted(true);
  }

  /** Parses {@link #EXPECTED} into (action, in/out, role) → allowed. */
  private static Map<String, Boolean> expectedTable() {
    Map<String, Boolean> table = new LinkedHashMap<>();
    List<String> lines = EXPECTED.lines().toList();
    String[] header = lines.get(0).trim().split("\\s+");
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.trim().split("\\s+");
      for (int i = 2; i < cells.length; i++) {
        table.put(cells[0] + " " + cells[1] + " " + header[i], cells[i].equals("Y"));
      }
    }
    return table;
  }

  @Test
  void theExpectedTableCoversEveryRoleActionAndScope() {
    Map<String, Boolean> table = expectedTable();
    List<String> missing = new ArrayList<>();
    for (Action a : Action.values()) {
      for (String s : List.of("in", "out")) {
        for (Role r : Role.values()) {
          if (!table.containsKey(a + " " + s + " " + r)) {
            missing.add(a + " " + s + " " + r);
          }
        }
      }
    }
    assertThat(missing).isEmpty();
    assertThat(table).hasSize(Action.values().length * 2 * Role.values().length);
  }

  @TestFactory
  Stream<DynamicTest> everyRoleActionAndScopeMatchesTheTable() {
    return expectedTable().entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey() + " -> " + (e.getValue() ? "allowed" : "denied"),
                    () -> {
                      String[] k = e.getKey().split(" ");
                      Action action = Action.valueOf(k[0]);
                      Role role = Role.valueOf(k[2]);
                      Decision d =
                          Permissions.decide(
                              user(role), action, scope(action, k[1].equals("in"), role));
                      assertThat(d.allowed()).as(d.reason()).isEqualTo(e.getValue());
                      assertThat(d.reason()).isNotBlank();
                    }));
  }

  /** The whole generated matrix printed in the table's layout, compared in one go. */
  @Test
  void generatedMatrixEqualsTheTable() {
    Map<String, Boolean> actual = new HashMap<>();
    for (Action a : Action.values()) {
      for (boolean in : new boolean[] {true, false}) {
        for (Role r : Role.values()) {
          actual.put(
              a + " " + (in ? "in" : "out") + " " + r,
              Permissions.decide(user(r), a, scope(a, in, r)).allowed());
        }
      }
    }
    assertThat(actual).isEqualTo(expectedTable());
  }

  @ParameterizedTest(name = "{0} asking for the {1} copy of its practice: {2}")
  @CsvSource({
    "PRACTICE_USER, PRACTICE, true",
    "PRACTICE_USER, COMMISSIONER, true",
    "PRACTICE_USER, PUBLIC, true",
    "PRACTICE_LEAD, PRACTICE, true",
    "LOCALITY_MANAGER, PRACTICE, false",
    "LOCALITY_MANAGER, COMMISSIONER, true",
    "LOCALITY_MANAGER, PUBLIC, true",
    "COMMISSIONER, PRACTICE, false",
    "COMMISSIONER, COMMISSIONER, true",
    "COMMISSIONER, PUBLIC, true",
    "AUDITOR, PUBLIC, false",
  })
  void audienceByRole(Role role, Audience audience, boolean allowed) {
    Decision d =
        Permissions.decide(
            user(role), Action.VIEW_FEEDBACK, Scope.practice("K83002", audience, LOCALITIES));
    boolean ownPractice = role == Role.PRACTICE_USER || role == Role.PRACTICE_LEAD;
    // practice staff act for K83001 only; K83002 is in their locality but not theirs
    assertThat(d.allowed()).as(d.reason()).isEqualTo(allowed && !ownPractice);
    Decision own =
        Permissions.decide(
            user(role), Action.VIEW_FEEDBACK, Scope.practice("K83001", audience, LOCALITIES));
    assertThat(own.allowed()).as(own.reason()).isEqualTo(allowed);
  }

  @Test
  void aCommissionerSeesOnlySubmittedReturns() {
    Scope draft = Scope.practice("K83001", Audience.COMMISSIONER, LOCALITIES);
    Decision d = Permissions.decide(user(Role.COMMISSIONER), Action.VIEW_RETURN, draft);
    assertThat(d)
        .isEqualTo(
            Decision.deny("Commissioners see a return only once the practice has submitted it"));
    assertThat(
            Permissions.decide(
                    user(Role.COMMISSIONER), Action.VIEW_RETURN, draft.withReturnSubmitted(true))
                .allowed())
        .isTrue();
    assertThat(Permissions.decide(user(Role.LOCALITY_MANAGER), Action.VIEW_RETURN, draft).allowed())
        .isTrue();
  }

  /** What a picker may offer before the return's state is known: the same decision, drafts in. */
  @Test
  void onlyThoseWhoMayOpenADraftMayOpenAReturnInAnyState() {
    Scope submitted =
        Scope.practice("K83001", Audience.COMMISSIONER, LOCALITIES).withReturnSubmitted(true);
    assertThat(Permissions.viewReturnInAnyState(user(Role.COMMISSIONER), submitted))
        .isEqualTo(
            Decision.deny("Commissioners see a return only once the practice has submitted it"));
    for (Role r : List.of(Role.PRACTICE_USER, Role.PRACTICE_LEAD, Role.LOCALITY_MANAGER)) {
      assertThat(Permissions.viewReturnInAnyState(user(r), submitted).allowed())
          .as(r.name())
          .isTrue();
    }
  }

  @Test
  void aLocalityCodeThatDisagreesWithThePracticeIsDenied() {
    Scope spoofed = new Scope("K99999", "L01", Audience.COMMISSIONER, true, LOCALITIES);
    Decision d = Permissions.decide(user(Role.LOCALITY_MANAGER), Action.VIEW_FEEDBACK, spoofed);
    assertThat(d).isEqualTo(Decision.deny("Practice K99999 is not known to be in locality L01"));
  }

  @Test
  void aPracticeOfUnknownLocalityIsDeniedAboveThePractice() {
    Scope unknown = Scope.practice("K55555", Audience.COMMISSIONER, LOCALITIES);
    assertThat(
            Permissions.decide(user(Role.LOCALITY_MANAGER), Action.VIEW_FEEDBACK, unknown).reason())
        .isEqualTo("The locality of practice K55555 is not known");
  }

  @Test
  void practiceStaffNeverGetAWholeLocality() {
    Scope locality = Scope.locality("L01", Audience.PUBLIC);
    for (Role r : EnumSet.of(Role.PRACTICE_USER, Role.PRACTICE_LEAD)) {
      Decision d = Permissions.decide(user(r), Action.DOWNLOAD_REPORT, locality);
      assertThat(d.allowed()).isFalse();
      assertThat(d.reason()).contains("see their own practices only");
    }
  }

  @Test
  void aRequestWithoutAnAudienceIsDenied() {
    Scope noAudience = Scope.practice("K83001", null, LOCALITIES);
    assertThat(Permissions.decide(user(Role.PRACTICE_LEAD), Action.VIEW_FEEDBACK, noAudience))
        .isEqualTo(Decision.deny("The request does not say whose copy of the report it is for"));
  }

  @Test
  void severalRolesAllowWhatAnyOfThemAllows() {
    HostUser both =
        new HostUser("pat", Set.of(Role.PRACTICE_USER, Role.AUDITOR), Set.of("K83001"), Set.of());
    assertThat(Permissions.decide(both, Action.VIEW_AUDIT_LOG, Scope.none()).allowed()).isTrue();
    assertThat(
            Permissions.decide(
                    both,
                    Action.VIEW_PATIENT_LIST,
                    Scope.practice("K83001", Audience.PRACTICE, LOCALITIES))
                .allowed())
        .isTrue();
    Decision submit =
        Permissions.decide(both, Action.SUBMIT_RETURN, Scope.practice("K83001", null, LOCALITIES));
    assertThat(submit.allowed()).isFalse();
    assertThat(submit.reason())
        .isEqualTo(
            "Practice staff cannot submit returns; ask the practice lead; Auditors can only read"
                + " and export the audit log");
  }

  /** The finding: denials read "COMMISSIONER may not VIEW_PATIENT_LIST". */
  @Test
  void denialsAreInPlainEnglish() {
    assertThat(
            Permissions.decide(
                    user(Role.COMMISSIONER),
                    Action.VIEW_PATIENT_LIST,
                    Scope.practice("K83001", Audience.PRACTICE, LOCALITIES))
                .reason())
        .isEqualTo("Commissioners cannot see patient lists; ask the practice");
    for (Role r : Role.values()) {
      for (Action a : Action.values()) {
        Decision d =
            Permissions.decide(user(r), a, Scope.practice("K83001", Audience.PRACTICE, LOCALITIES));
        assertThat(d.reason()).as(r + " " + a).doesNotContainPattern("[A-Z_]{6,}");
      }
    }
  }

  @Test
  void noRoleOrNoUserIsDenied() {
    assertThat(
            Permissions.decide(
                    new HostUser("x", Set.of(), Set.of("K83001"), Set.of()),
                    Action.VIEW_FEEDBACK,
                    Scope.practice("K83001", Audience.PRACTICE, LOCALITIES))
                .reason())
        .isEqualTo("x has no LTC Reports role; ask your system administrator to give you one");
    assertThat(Permissions.decide(null, Action.VIEW_AUDIT_LOG, Scope.none()).allowed()).isFalse();
  }

  /**
   * The access rule: a case manager sees a patient of their caseload registered at another
   * practice, and not a patient of the same practice who is not on their caseload.
   */
  @Test
  void aCaseManagerSeesTheirCaseloadWhateverThePracticeAndNoOneElse() {
    HostUser carol =
        new HostUser("carol", Set.of(Role.CASE_MANAGER), Set.of(), Set.of(), Set.of("CM01"));
    Scope caseloadElsewhere =
        Scope.patient("K99999", Set.of("CM01", "CM02"), Audience.PRACTICE, LOCALITIES);
    Scope notOnCaseload = Scope.patient("K99999", Set.of("CM02"), Audience.PRACTICE, LOCALITIES);
    Scope onNoCaseload = Scope.patient("K99999", Set.of(), Audience.PRACTICE, LOCALITIES);
    assertThat(Permissions.decide(carol, Action.VIEW_PATIENT_PROFILE, caseloadElsewhere).allowed())
        .isTrue();
    assertThat(Permissions.decide(carol, Action.VIEW_PATIENT_PROFILE, notOnCaseload))
        .isEqualTo(
            Decision.deny(
                "This patient is not on carol's caseload (an open episode, or one closed in the"
                    + " last 90 days)"));
    assertThat(Permissions.decide(carol, Action.VIEW_PATIENT_PROFILE, onNoCaseload).allowed())
        .isFalse();
    // the practice's own lists stay the practice's: no frequent attenders, no practice list
    assertThat(
            Permissions.decide(
                    carol,
                    Action.VIEW_PATIENT_LIST,
                    Scope.practice("K99999", Audience.PRACTICE, LOCALITIES))
                .reason())
        .isEqualTo("Case managers cannot see patient lists; ask the practice");
    assertThat(
            Permissions.decide(
                    carol,
                    Action.VIEW_IN_HOSPITAL,
                    Scope.practice("K99999", Audience.PRACTICE, LOCALITIES))
                .reason())
        .isEqualTo("Case managers see their own caseload only, not a practice's patients");
    assertThat(Permissions.decide(carol, Action.VIEW_IN_HOSPITAL, Scope.caseload("CM02")).reason())
        .isEqualTo("carol does not hold the caseload asked for");
  }

  @Test
  void practiceStaffSeeTheirOwnPatientsNotACaseload() {
    HostUser pat = new HostUser("pat", Set.of(Role.PRACTICE_USER), Set.of("K83001"), Set.of());
    // on CM01's caseload, but registered elsewhere: not the practice's patient
    Scope elsewhere = Scope.patient("K99999", Set.of("CM01"), Audience.PRACTICE, LOCALITIES);
    assertThat(Permissions.decide(pat, Action.VIEW_PATIENT_PROFILE, elsewhere))
        .isEqualTo(Decision.deny("This patient is not registered with a practice pat acts for"));
    Scope own = Scope.patient("K83001", Set.of(), Audience.PRACTICE, LOCALITIES);
    assertThat(Permissions.decide(pat, Action.VIEW_PATIENT_PROFILE, own).allowed()).isTrue();
    assertThat(Permissions.decide(pat, Action.VIEW_IN_HOSPITAL, Scope.caseload("CM01")).reason())
        .isEqualTo(
            "Practice staff see their own practices' patients, not a case manager's caseload");
  }

  @Test
  void aCaseManagerRoleWithoutACaseManagerIdSeesNothing() {
    HostUser nobody = new HostUser("nia", Set.of(Role.CASE_MANAGER), Set.of(), Set.of());
    assertThat(Permissions.decide(nobody, Action.VIEW_IN_HOSPITAL, Scope.caseload("CM01")).reason())
        .isEqualTo(
            "nia is not linked to a case manager in the source data; ask your system"
                + " administrator to add their case manager id");
  }

  /** Profiles and the in-hospital list never go to a commissioner or the public, whoever asks. */
  @Test
  void patientLevelViewsExistOnlyInThePracticeCopy() {
    for (Audience a : EnumSet.of(Audience.COMMISSIONER, Audience.PUBLIC)) {
      for (Role r : Role.values()) {
        Decision profile =
            Permissions.decide(
                user(r),
                Action.VIEW_PATIENT_PROFILE,
                Scope.patient("K83001", Set.of("CM01"), a, LOCALITIES));
        Decision list =
            Permissions.decide(
                user(r), Action.VIEW_IN_HOSPITAL, Scope.practice("K83001", a, LOCALITIES));
        assertThat(profile.allowed()).as(r + " " + a).isFalse();
        assertThat(list.allowed()).as(r + " " + a).isFalse();
        assertThat(profile.reason())
            .isEqualTo(
                "Patient lists and profiles exist only in the practice's own copy of a report");
      }
    }
  }
}
