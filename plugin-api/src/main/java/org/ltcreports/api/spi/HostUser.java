package org.ltcreports.api.spi;

import java.util.Set;

/**
 * A user as the host knows them: a name, the plugin roles they hold, and the practices and
 * localities they may act for. The plugin never stores passwords.
 */
public record HostUser(
    String name, Set<Role> roles, Set<String> practices, Set<String> localities) {
  public HostUser {
    roles = Set.copyOf(roles);
    practices = Set.copyOf(practices);
    localities = Set.copyOf(localities);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
