package org.ltcreports.api.spi;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Maps an authenticated container user to the plugin's roles and scope. A host binds its own
 * implementation (with Guice) when its practice/locality mapping lives elsewhere.
 */
public interface UserDirectory {
  /**
   * @param principalName the container's {@code getUserPrincipal().getName()}
   * @param isInRole the container's {@code isUserInRole}, for role names the host maps
   * @return the user, or empty when the user has no access to the plugin
   */
  Optional<HostUser> resolve(String principalName, Predicate<String> isInRole);
}
