package org.ltcreports.casemanagement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ltcreports.source.SourceRows.CaseManager;
import org.ltcreports.source.SourceRows.Practice;

/**
 * The community team each case manager belongs to (source-schema.md {@code case_manager.team_code},
 * {@code team_name}; measures.md "Community team activity").
 *
 * <p>A case manager with a {@code team_code} is in that team (named by {@code team_name}, or by its
 * code when the name is blank). One without — the host's view has no team columns, or leaves the
 * code null — is in the team of their base locality: "one team per locality", its code the locality
 * code and its name the locality's. A case manager with neither a team nor a locality is in the
 * team {@link #NO_TEAM}, so they are still accounted for somewhere.
 */
public final class CommunityTeams {
  /** The team of case managers with neither a team nor a base locality recorded. */
  public static final String NO_TEAM = "NO_TEAM";

  /**
   * One team.
   *
   * @param localityWide true when the team is a whole locality (no team recorded)
   */
  public record Team(String code, String name, boolean localityWide) {}

  private final Map<String, String> teamOfCaseManager = new TreeMap<>();
  private final Map<String, Team> teams = new TreeMap<>();

  /**
   * @param localities practice rows, for the localities' names
   */
  public CommunityTeams(Collection<CaseManager> caseManagers, Collection<Practice> localities) {
    Map<String, String> localityNames = new TreeMap<>();
    for (Practice p : localities) {
      if (p.localityCode() != null && trimmed(p.localityName()) != null) {
        localityNames.putIfAbsent(p.localityCode(), p.localityName().trim());
      }
    }
    Set<String> named = new HashSet<>();
    List<CaseManager> byId = new ArrayList<>(caseManagers);
    byId.removeIf(m -> m.caseManagerId() == null);
    byId.sort(Comparator.comparing(CaseManager::caseManagerId));
    for (CaseManager m : byId) {
      String code = trimmed(m.teamCode());
      Team t;
      if (code != null) {
        String name = trimmed(m.teamName());
        t = new Team(code, name == null ? code : name, false);
        // the first non-blank name in id order names the team
        if (name != null && named.add(code)) {
          teams.put(code, t);
        }
      } else {
        String locality = trimmed(m.localityCode());
        t =
            locality == null
                ? new Team(NO_TEAM, "Case managers with no team or locality recorded", true)
                : new Team(
                    locality, localityNames.getOrDefault(locality, "Locality " + locality), true);
      }
      teams.putIfAbsent(t.code(), t);
      teamOfCaseManager.put(m.caseManagerId(), t.code());
    }
  }

  private static String trimmed(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** The case manager's team, or null for an id the source does not list. */
  public Team teamOf(String caseManagerId) {
    String code = caseManagerId == null ? null : teamOfCaseManager.get(caseManagerId);
    return code == null ? null : teams.get(code);
  }

  /** Every team, in code order. */
  public List<Team> teams() {
    return List.copyOf(teams.values());
  }

  /** A team by code, or null. */
  public Team team(String code) {
    return teams.get(code);
  }

  /** The ids of the team's case managers, in id order. */
  public List<String> members(String teamCode) {
    List<String> out = new ArrayList<>();
    teamOfCaseManager.forEach(
        (id, code) -> {
          if (code.equals(teamCode)) {
            out.add(id);
          }
        });
    return out;
  }
}
