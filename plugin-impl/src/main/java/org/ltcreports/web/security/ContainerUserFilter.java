package org.ltcreports.web.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.api.spi.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In front of the plugin's servlets inside a container (never the host's): lets the health check
 * through, and otherwise requires a container user who holds at least one plugin role, whom it puts
 * on the request for {@link ContainerUsers#current}. The descriptors' security constraints cover
 * the default paths; under a moved base path this filter asks the container to authenticate ({@code
 * HttpServletRequest#authenticate}, the web application's own login method). Anyone without a
 * plugin role gets a 403, also when constraints were left out by mistake (fail closed). What a user
 * may see is decided later, per request, by the access rules.
 */
public final class ContainerUserFilter implements Filter {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerUserFilter.class);
  private final UserDirectory directory;
  private final String prefix;

  /**
   * @param prefix the plugin's base path ("" when it owns the context), as the servlets have it
   */
  public ContainerUserFilter(UserDirectory directory, String prefix) {
    this.directory = directory;
    this.prefix = prefix;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest req = (HttpServletRequest) request;
    HttpServletResponse resp = (HttpServletResponse) response;
    if (isHealthCheck(req)) {
      chain.doFilter(request, response);
      return;
    }
    if (req.getUserPrincipal() == null) {
      // Outside the descriptors' constraints (a moved base path): ask the container to sign the
      // user in with the web application's own login method; false means it has answered (401).
      if (!req.authenticate(resp)) {
        return;
      }
      if (req.getUserPrincipal() == null) {
        deny(
            req,
            resp,
            "sign in through the host system first: this web application has no login method");
        return;
      }
    }
    Optional<HostUser> user = ContainerUsers.resolve(req, directory);
    if (user.isEmpty()) {
      LOG.info(
          "{} has no LTC Reports role; denied {}",
          req.getUserPrincipal().getName(),
          req.getRequestURI());
      deny(req, resp, "you have no LTC Reports role");
      return;
    }
    req.setAttribute(ContainerUsers.ATTRIBUTE, user.get());
    chain.doFilter(request, response);
  }

  /** The request's path inside the web application ({@code /ltc-reports/api/health}). */
  static String path(HttpServletRequest req) {
    return (req.getServletPath() == null ? "" : req.getServletPath())
        + (req.getPathInfo() == null ? "" : req.getPathInfo());
  }

  boolean isHealthCheck(HttpServletRequest req) {
    return path(req).equals(prefix + "/api/health");
  }

  private void deny(HttpServletRequest req, HttpServletResponse resp, String message)
      throws IOException {
    resp.setStatus(HttpServletResponse.SC_FORBIDDEN);
    resp.setHeader("Cache-Control", "no-store");
    if (path(req).startsWith(prefix + "/api/")) {
      resp.setContentType("application/json; charset=UTF-8");
      resp.getOutputStream()
          .write(
              ("{\"status\":403,\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    } else {
      resp.setContentType("text/plain; charset=UTF-8");
      resp.getOutputStream()
          .write(("403 Forbidden: " + message + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }
}
