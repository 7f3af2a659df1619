package org.ltcreports.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.plus.webapp.EnvConfiguration;
import org.eclipse.jetty.ee10.plus.webapp.PlusConfiguration;
import org.eclipse.jetty.ee10.webapp.JndiConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.plus.jndi.Resource;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.security.Credential;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ltcreports.fixtures.FixtureDatabase;

/**
 * The WAR and the web fragment in embedded Jetty 12 (ee10), the same checks as on Tomcat. The WAR
 * at {@code /ltc-reports} gets its source from JNDI ({@code jdbc/ltcSource}); the sample host at
 * {@code /host} moves the plugin to {@code /reports} with a context parameter in its web.xml and
 * has no JNDI resource at all, so the plugin falls back to the JDBC URLs in its properties file
 * (plugin tables in a database of their own).
 */
class JettyDeployIT {
  static Server server;
  static JdbcConnectionPool pool;
  static Path work;

  @BeforeAll
  static void start() throws Exception {
    DeployEnvironment.inIntegrationTestPhase();
    Path war = DeployEnvironment.war();
    DeployFixture f = DeployFixture.get();
    work = DeployEnvironment.workDir("jetty");

    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.addBean(loginService("LTC Reports"));
    server.addBean(loginService("Sample host"));

    String warDb = f.copyTo(work.resolve("war-data"));
    Path warConfig = f.writeConfig(work.resolve("war-conf"), work.resolve("war-data"), Map.of());
    WebAppContext warApp = webapp("/ltc-reports", war.toString(), work.resolve("war-tmp"));
    warApp.setInitParameter("ltc.config", warConfig.toString());
    pool = JdbcConnectionPool.create(warDb, FixtureDatabase.USER, FixtureDatabase.PASSWORD);
    new Resource(warApp, "jdbc/ltcSource", pool);

    String hostDb = f.copyTo(work.resolve("host-data"));
    Path hostConfig =
        f.writeConfig(
            work.resolve("host-conf"),
            work.resolve("host-data"),
            Map.of(
                "source.jdbc-url",
                hostDb,
                "source.user",
                FixtureDatabase.USER,
                "plugin.jdbc-url",
                "jdbc:h2:file:" + work.resolve("host-plugin/ltc-plugin")));
    Path hostDir = SampleHost.assemble(work.resolve("host-webapp"), "/reports");
    WebAppContext hostApp = webapp("/host", hostDir.toString(), work.resolve("host-tmp"));
    hostApp.setInitParameter("ltc.config", hostConfig.toString());

    server.setHandler(new ContextHandlerCollection(warApp, hostApp));
    long t0 = System.nanoTime();
    server.start();
    System.out.printf(
        "[deploy tests] Jetty deployed both contexts in %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
    if (pool != null) {
      pool.dispose();
    }
  }

  static String url(String path) {
    return "http://127.0.0.1:"
        + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
        + path;
  }

  @Test
  void warAsItsOwnContext() {
    DeployChecks.plugin(
        url("/ltc-reports"),
        "Jetty, WAR",
        () -> "(Jetty runs in the test JVM: see the output above)");
  }

  @Test
  void fragmentInsideTheSampleHostUnderAMovedBasePath() {
    DeployChecks.plugin(
        url("/host/reports"), "Jetty, web fragment at /reports", () -> "(see the output above)");
    DeployChecks.host(url("/host"), url("/host/reports"), "Jetty, web fragment");
    assertThat(Http.get(url("/host/ltc-reports/api/health")).status())
        .as("nothing is left at the default path once the base path moved")
        .isEqualTo(404);
    assertThat(work.resolve("host-plugin/ltc-plugin.mv.db"))
        .as("the plugin tables went to plugin.jdbc-url")
        .exists();
  }

  private static WebAppContext webapp(String path, String war, Path tmp) {
    WebAppContext app = new WebAppContext();
    app.setContextPath(path);
    app.setWar(war);
    app.setTempDirectory(tmp.toFile());
    app.setThrowUnavailableOnStartupException(true);
    app.addConfiguration(new JndiConfiguration(), new EnvConfiguration(), new PlusConfiguration());
    return app;
  }

  private static HashLoginService loginService(String realm) {
    UserStore users = new UserStore();
    for (Map.Entry<String, List<String>> u : DeployFixture.containerUsers().entrySet()) {
      users.addUser(
          u.getKey(),
          Credential.getCredential(DeployFixture.password(u.getKey())),
          u.getValue().toArray(String[]::new));
    }
    HashLoginService ls = new HashLoginService(realm);
    ls.setUserStore(users);
    return ls;
  }
}
