package org.ltcreports.standalone;

import com.google.inject.Injector;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
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
    security.install(ctx);
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
          }
        });
    server.setStopAtShutdown(true);
    server.start();
    return new StandaloneServer(server);
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
