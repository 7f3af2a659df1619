package org.ltcreports.standalone;

import com.google.inject.Injector;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.ltcreports.web.PluginServlets;

/**
 * The embedded Jakarta Servlet 6 container (Jetty 12, ee10) of the standalone runnable, bound to
 * 127.0.0.1 only: evaluation and hubs without a container of their own.
 */
public final class StandaloneServer implements AutoCloseable {
  private final Server server;

  private StandaloneServer(Server server) {
    this.server = server;
  }

  public static StandaloneServer start(Injector injector, int port, String basePath) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler ctx = new ServletContextHandler(basePath);
    server.setHandler(ctx);
    // Servlets are added once the context exists, the same way the WAR's listener adds them.
    ctx.addEventListener(
        new jakarta.servlet.ServletContextListener() {
          @Override
          public void contextInitialized(jakarta.servlet.ServletContextEvent e) {
            PluginServlets.register(e.getServletContext(), injector, "");
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
