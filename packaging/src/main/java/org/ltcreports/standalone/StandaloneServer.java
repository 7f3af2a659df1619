package org.ltcreports.standalone;

import com.google.inject.Injector;
import jakarta.servlet.SessionTrackingMode;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.ltcreports.audit.AuditLog;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.web.PluginServlets;
import org.ltcreports.web.pages.Jobs;
import org.ltcreports.web.pages.LoginServlet;
import org.ltcreports.web.security.ContainerSecurity;
import org.ltcreports.web.security.ContainerUserFilter;

/**
 * The embedded Jakarta Servlet 6 container (Jetty 12, ee10) of the standalone runnable, bound to
 * 127.0.0.1 only: evaluation and hubs without a container of their own.
 */
public final class StandaloneServer implements AutoCloseable {
  private final Server server;

  private StandaloneServer(Server server) {
    this.server = server;
  }

  /** With the shipped evaluation users (see {@link StandaloneSecurity#demo()}). */
  public static StandaloneServer start(Injector injector, int port, String basePath)
      throws Exception {
    return start(injector, port, basePath, StandaloneSecurity.demo());
  }

  /** With FORM sign-in against {@code security}'s users file and its practice/locality mapping. */
  public static StandaloneServer start(
      Injector injector, int port, String basePath, StandaloneSecurity security) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler ctx =
        new ServletContextHandler(
            basePath, ServletContextHandler.SESSIONS | ServletContextHandler.SECURITY);
    security.install(ctx, injector.getInstance(AuditLog.class));
    sessions(ctx.getSessionHandler(), injector.getInstance(LtcConfig.class));
    ctx.addServlet(new org.eclipse.jetty.ee10.servlet.ServletHolder(new LoginServlet()), "/login");
    server.setHandler(ctx);
    // Servlets are added once the context exists, the same way the WAR's listener adds them.
    ctx.addEventListener(
        new jakarta.servlet.ServletContextListener() {
          @Override
          public void contextInitialized(jakarta.servlet.ServletContextEvent e) {
            PluginServlets.register(e.getServletContext(), injector, "");
            // The container's users in front of the API and the pages (not the login page and the
            // stylesheet, which must be reachable before signing in).
            e.getServletContext()
                .addFilter(
                    ContainerSecurity.FILTER_NAME,
                    new ContainerUserFilter(security.directory(), ""))
                .addMappingForServletNames(
                    java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST),
                    true,
                    "ltc-api",
                    "ltc-home");
          }

          @Override
          public void contextDestroyed(jakarta.servlet.ServletContextEvent e) {
            injector.getInstance(Jobs.class).close(); // the pages' executor, if still running
            injector.getInstance(org.ltcreports.round.RoundScheduler.class).close();
          }
        });
    server.setStopAtShutdown(true);
    server.start();
    return new StandaloneServer(server);
  }

  /**
   * Sessions as a careful web application keeps them: created only at sign-in ({@link
   * StandaloneLogin}), ended after {@code session.idle-timeout} unused, tracked by cookie only (no
   * session id in any URL, and none accepted from one), the cookie HttpOnly and SameSite=Lax, and
   * Secure on HTTPS requests or always with {@code session.cookie-secure=true}.
   */
  static void sessions(SessionHandler sessions, LtcConfig cfg) {
    sessions.setMaxInactiveInterval(
        (int) Math.min(Integer.MAX_VALUE, cfg.sessionIdleTimeout().toSeconds()));
    sessions.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
    sessions.setHttpOnly(true);
    sessions.setSameSite(HttpCookie.SameSite.LAX);
    sessions.setSecureRequestOnly(true);
    sessions.setSecureCookies(cfg.secureCookies());
  }

  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
