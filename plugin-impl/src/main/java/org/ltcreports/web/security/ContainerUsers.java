package org.ltcreports.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.api.spi.UserDirectory;

/**
 * The signed-in user of a request, as the container authenticated them ({@code getUserPrincipal},
 * {@code isUserInRole}) and the {@link UserDirectory} maps them. {@link ContainerUserFilter} puts
 * the user on every plugin request except the health check; servlets read it with {@link #current}.
 */
public final class ContainerUsers {
  /** Request attribute holding the {@link HostUser}. */
  public static final String ATTRIBUTE = "org.ltcreports.user";

  private ContainerUsers() {}

  /** Asks the directory about the container's user; empty when no one is signed in or unknown. */
  public static Optional<HostUser> resolve(HttpServletRequest req, UserDirectory directory) {
    Principal p = req.getUserPrincipal();
    if (p == null || p.getName() == null) {
      return Optional.empty();
    }
    return directory.resolve(p.getName(), req::isUserInRole);
  }

  /** The user {@link ContainerUserFilter} resolved for this request, if any. */
  public static Optional<HostUser> current(HttpServletRequest req) {
    Object u = req.getAttribute(ATTRIBUTE);
    return u instanceof HostUser h ? Optional.of(h) : Optional.empty();
  }
}
