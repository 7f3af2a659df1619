package org.ltcreports.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WAR and the web fragment in a real Tomcat 10.1 (Debian's {@code tomcat10}), as
 * docs/deployment.md tells a practice's administrator: the H2 driver in {@code lib/}, a JNDI {@code
 * Resource} per data source and the configuration file in the context file, users and roles in
 * {@code tomcat-users.xml}. One Tomcat, two contexts: {@code /ltc-reports} (the WAR; plugin tables
 * in the source database) and {@code /host} (the sample host with the fragment; plugin tables in
 * their own database, {@code jdbc/ltcPlugin}).
 */
class TomcatDeployIT {
  static TomcatServer tomcat;
  static Path work;

  @BeforeAll
  static void start() throws Exception {
    DeployEnvironment.inIntegrationTestPhase();
    Optional<Path> home = TomcatServer.home();
    DeployEnvironment.need(
        home.isPresent(),
        "Tomcat 10.1",
        "no Tomcat in /usr/share/tomcat10, $CATALINA_HOME or -Dltc.test.tomcat.home (Debian: apt-get install -y tomcat10)");
    Path war = DeployEnvironment.war();
    DeployFixture f = DeployFixture.get();
    work = DeployEnvironment.workDir("tomcat");
    Path base = work.resolve("base");
    int port = DeployEnvironment.freePort();
    TomcatServer.writeBase(home.get(), base, port, DeployFixture.containerUsers());
    Path h2 = DeployEnvironment.jarOf(org.h2.Driver.class);
    Files.copy(h2, base.resolve("lib").resolve(h2.getFileName()));

    // The WAR, as its own context.
    String warDb = f.copyTo(work.resolve("war-data"));
    Path warConfig = f.writeConfig(work.resolve("war-conf"), work.resolve("war-data"), Map.of());
    Files.copy(war, base.resolve("webapps/ltc-reports.war"));
    TomcatServer.writeContext(
        base,
        "ltc-reports",
        "<Context>\n"
            + parameter("ltc.config", warConfig.toString())
            + resource("jdbc/ltcSource", warDb)
            // The WAR needs no jar scanning at all (no JSPs, no annotations): saves ~10 s.
            + "  <JarScanner><JarScanFilter defaultTldScan=\"false\" defaultPluggabilityScan=\"false\"/></JarScanner>\n"
            + "</Context>\n");

    // The sample host webapp with the fragment and the plugin's jars in WEB-INF/lib.
    String hostDb = f.copyTo(work.resolve("host-data"));
    Path hostConfig = f.writeConfig(work.resolve("host-conf"), work.resolve("host-data"), Map.of());
    Path hostApp = SampleHost.assemble(work.resolve("host-webapp"), null);
    TomcatServer.writeContext(
        base,
        "host",
        "<Context docBase=\""
            + hostApp
            + "\">\n"
            + parameter("ltc.config", hostConfig.toString())
            + resource("jdbc/ltcSource", hostDb)
            + resource("jdbc/ltcPlugin", "jdbc:h2:file:" + work.resolve("host-plugin/ltc-plugin"))
            // Scan only the fragment jar for web-fragment.xml (the sample host has no JSPs and no
            // annotated classes in jars): saves ~15 s. Optional for a real host.
            + "  <JarScanner><JarScanFilter defaultTldScan=\"false\" defaultPluggabilityScan=\"false\""
            + " pluggabilityScan=\"ltc-reports-fragment*.jar\"/></JarScanner>\n"
            + "</Context>\n");

    long t0 = System.nanoTime();
    tomcat = TomcatServer.start(home.get(), base, port);
    tomcat.awaitDeployed("/ltc-reports/api/health", Duration.ofSeconds(180));
    tomcat.awaitDeployed("/host/ltc-reports/api/health", Duration.ofSeconds(180));
    System.out.printf(
        "[deploy tests] Tomcat deployed both contexts in %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }

  @AfterAll
  static void stop() {
    if (tomcat != null) {
      tomcat.close();
    }
  }

  @Test
  void warAsItsOwnContext() {
    DeployChecks.plugin(tomcat.url("/ltc-reports"), "Tomcat, WAR", tomcat::log);
  }

  @Test
  void fragmentInsideTheSampleHost() {
    DeployChecks.plugin(tomcat.url("/host/ltc-reports"), "Tomcat, web fragment", tomcat::log);
    DeployChecks.host(tomcat.url("/host"), tomcat.url("/host/ltc-reports"), "Tomcat, web fragment");
    assertThat(work.resolve("host-plugin/ltc-plugin.mv.db"))
        .as("the host's plugin tables went to their own database (jdbc/ltcPlugin)")
        .exists();
  }

  static String parameter(String name, String value) {
    return "  <Parameter name=\"" + name + "\" value=\"" + xml(value) + "\" override=\"false\"/>\n";
  }

  static String resource(String name, String url) {
    String h2 = url.startsWith("jdbc:h2:") ? url + ";DB_CLOSE_ON_EXIT=FALSE" : url;
    return "  <Resource name=\""
        + name
        + "\" auth=\"Container\" type=\"javax.sql.DataSource\" driverClassName=\"org.h2.Driver\"\n"
        + "            url=\""
        + xml(h2)
        + "\" username=\"sa\" password=\"\"\n"
        + "            maxTotal=\"10\" maxIdle=\"2\" maxWaitMillis=\"10000\" validationQuery=\"SELECT 1\" closeMethod=\"close\"/>\n";
  }

  static String xml(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }
}
