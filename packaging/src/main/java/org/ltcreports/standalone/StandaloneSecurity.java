package org.ltcreports.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Properties;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.ltcreports.api.spi.Role;
import org.ltcreports.audit.AuditLog;
import org.ltcreports.web.security.MappedUserDirectory;

/**
 * Sign-in for the standalone server: Jetty's {@link HashLoginService} over a small properties file
 * ({@code name: password, ROLE, ...}) with a FORM login page, and a {@link MappedUserDirectory} for
 * the users' practices and localities. The shipped demo files ({@code standalone/users.properties},
 * {@code standalone/user-scopes.properties}) are for evaluation only: their passwords are public.
 * Inside a host container none of this is used; the container's own authentication is.
 */
public record StandaloneSecurity(Path usersFile, MappedUserDirectory directory) {

  /** The shipped evaluation users (one per role), copied to a temporary file for Jetty. */
  public static StandaloneSecurity demo() {
    try {
      Path users = Files.createTempFile("ltc-demo-users", ".properties");
      users.toFile().deleteOnExit();
      try (InputStream in = resource("users.properties")) {
        Files.copy(in, users, StandardCopyOption.REPLACE_EXISTING);
      }
      Properties scopes = new Properties();
      try (InputStream in = resource("user-scopes.properties")) {
        scopes.load(in);
      }
      return new StandaloneSecurity(users, MappedUserDirectory.of(scopes));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo users", e);
    }
  }

  /** A users file and a user mapping of one's own. */
  public static StandaloneSecurity of(Path usersFile, Path scopesFile) {
    return new StandaloneSecurity(usersFile, MappedUserDirectory.load(scopesFile));
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = StandaloneSecurity.class.getResourceAsStream("/standalone/" + name);
    if (in == null) {
      throw new IOException("standalone/" + name + " is missing from the jar");
    }
    return in;
  }

  /**
   * FORM login at {@code /login} ({@link StandaloneLogin}: token, throttling, audit); every path
   * needs a plugin role except the login page, the stylesheet and the health check.
   */
  void install(ServletContextHandler ctx, AuditLog audit) {
    HashLoginService users = new HashLoginService("LTC Reports");
    users.setConfig(ResourceFactory.of(ctx).newResource(usersFile));
    ConstraintSecurityHandler security = new ConstraintSecurityHandler();
    security.setLoginService(users);
    security.setAuthenticator(new StandaloneLogin(new LoginThrottle(Clock.systemUTC()), audit));
    String[] roles = java.util.Arrays.stream(Role.values()).map(Enum::name).toArray(String[]::new);
    security.addConstraintMapping(mapping("/*", Constraint.from(roles)));
    security.addConstraintMapping(mapping("/login", Constraint.ALLOWED));
    security.addConstraintMapping(mapping("/static/*", Constraint.ALLOWED));
    security.addConstraintMapping(mapping("/api/health", Constraint.ALLOWED));
    for (String role : roles) {
      security.addKnownRole(role);
    }
    ctx.setSecurityHandler(security);
  }

  private static ConstraintMapping mapping(String path, Constraint c) {
    ConstraintMapping m = new ConstraintMapping();
    m.setPathSpec(path);
    m.setConstraint(c);
    return m;
  }
}
