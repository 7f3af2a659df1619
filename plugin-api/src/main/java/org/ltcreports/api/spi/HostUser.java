package org.ltcreports.api.spi;

import java.util.Set;

/**
 * A user as the host knows them: a name, the plugin roles they hold, and the practices, localities
 * and caseloads they may act for. The plugin never stores passwords.
 *
 * @param caseManagers the source's {@code case_manager.case_manager_id}s this user is (the scope of
 *     {@link Role#CASE_MANAGER}: their caseload); empty for everyone else
 */
public record HostUser(
    String name,
    Set<Role> roles,
    Set<String> practices,
    Set<String> localities,
    Set<String> caseManagers) {
  public HostUser {
    roles = Set.copyOf(roles);
    practices = Set.copyOf(practices);
    localities = Set.copyOf(localities);
    caseManagers = Set.copyOf(caseManagers);
  }

  /** A user who is no case manager. */
  public HostUser(String name, Set<Role> roles, Set<String> practices, Set<String> localities) {
    this(name, roles, practices, localities, Set.of());
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
