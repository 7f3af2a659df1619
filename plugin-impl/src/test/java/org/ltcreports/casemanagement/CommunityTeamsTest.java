package org.ltcreports.casemanagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ltcreports.casemanagement.CommunityTeams.Team;
import org.ltcreports.source.SourceRows.CaseManager;
import org.ltcreports.source.SourceRows.Practice;

/** source-schema.md: absent (or null) team columns mean "one team per locality". */
class CommunityTeamsTest {
  private static final List<Practice> PRACTICES =
      List.of(
          new Practice("P1", "One Surgery", "L01", "Northfield Locality"),
          new Practice("P2", "Two Surgery", "L02", null));

  @Test
  void aRecordedTeamIsTheTeamAndWithoutOneTheLocalityIs() {
    CommunityTeams teams =
        new CommunityTeams(
            List.of(
                cm("B", "L01", "T-N", null),
                cm("A", "L01", "T-N", "North team"),
                cm("A2", "L01", "T-N", "Another name"),
                cm("C", "L01", null, null),
                cm("D", "L02", " ", null),
                cm("E", null, null, null),
                cm("F", "L01", "T-S", " ")),
            PRACTICES);

    assertThat(teams.teamOf("A")).isEqualTo(new Team("T-N", "North team", false));
    assertThat(teams.teamOf("B")).isEqualTo(new Team("T-N", "North team", false));
    // no team: the base locality, named as the practices name it
    assertThat(teams.teamOf("C")).isEqualTo(new Team("L01", "Northfield Locality", true));
    // a blank code is no code; a locality with no name recorded is named by its code
    assertThat(teams.teamOf("D")).isEqualTo(new Team("L02", "Locality L02", true));
    assertThat(teams.teamOf("E").code()).isEqualTo(CommunityTeams.NO_TEAM);
    // a team with no name is named by its code
    assertThat(teams.teamOf("F")).isEqualTo(new Team("T-S", "T-S", false));
    assertThat(teams.teamOf("unknown")).isNull();
    assertThat(teams.teams())
        .extracting(Team::code)
        .containsExactly("L01", "L02", CommunityTeams.NO_TEAM, "T-N", "T-S");
    // the first non-blank name in id order names the team (A, not B's blank nor A2's)
    assertThat(teams.teamOf("A2")).isEqualTo(new Team("T-N", "North team", false));
    assertThat(teams.members("T-N")).containsExactly("A", "A2", "B");
    assertThat(teams.members("L01")).containsExactly("C");
  }

  private static CaseManager cm(String id, String locality, String team, String teamName) {
    return new CaseManager(
        id, "Case manager " + id, "CASE_MANAGER", BigDecimal.ONE, locality, team, teamName);
  }
}
