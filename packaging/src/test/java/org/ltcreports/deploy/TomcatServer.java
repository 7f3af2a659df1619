package org.ltcreports.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A Tomcat 10.1 run from its installation (Debian's {@code tomcat10}: {@code /usr/share/tomcat10})
 * with a private {@code CATALINA_BASE} in a folder of the test's: the connector on 127.0.0.1 at a
 * free port, no shutdown port, users in {@code conf/tomcat-users.xml}, and one context file per web
 * application in {@code conf/Catalina/localhost}. Started with {@code catalina.sh run} (which execs
 * the JVM, so the process is Tomcat itself) and stopped by its PID.
 */
final class TomcatServer implements AutoCloseable {
  private final Process process;
  private final Path base;
  final int port;

  private TomcatServer(Process process, Path base, int port) {
    this.process = process;
    this.base = base;
    this.port = port;
  }

  /**
   * The Tomcat installation: {@code -Dltc.test.tomcat.home}, else {@code CATALINA_HOME}, else
   * Debian's {@code /usr/share/tomcat10}; a folder with {@code bin/catalina.sh} and {@code
   * lib/catalina.jar}.
   */
  static Optional<Path> home() {
    List<String> candidates = new ArrayList<>();
    if (System.getProperty("ltc.test.tomcat.home") != null) {
      candidates.add(System.getProperty("ltc.test.tomcat.home")); // this one only
    } else if (System.getenv("CATALINA_HOME") != null) {
      candidates.add(System.getenv("CATALINA_HOME"));
      candidates.add("/usr/share/tomcat10");
    } else {
      candidates.add("/usr/share/tomcat10");
    }
    return candidates.stream()
        .map(Path::of)
        .filter(
            p ->
                Files.isRegularFile(p.resolve("bin/catalina.sh"))
                    && Files.exists(p.resolve("lib/catalina.jar")))
        .findFirst();
  }

  /** Writes a private CATALINA_BASE into {@code base}. */
  static void writeBase(Path home, Path base, int port, Map<String, List<String>> users)
      throws IOException {
    for (String d : List.of("conf/Catalina/localhost", "lib", "logs", "temp", "webapps", "work")) {
      Files.createDirectories(base.resolve(d));
    }
    // The installation's defaults for every web application (default servlet, MIME types) and
    // class loaders: Debian keeps them in etc/ (linked from /etc/tomcat10), a tarball in conf/.
    for (String f : List.of("web.xml", "catalina.properties", "logging.properties")) {
      Path src = home.resolve("conf").resolve(f);
      if (!Files.exists(src)) {
        src = home.resolve("etc").resolve(f);
      }
      Files.copy(src, base.resolve("conf").resolve(f));
    }
    Files.writeString(
        base.resolve("conf/server.xml"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Private base for the deployment tests: 127.0.0.1 only, no shutdown port. -->
        <Server port="-1" shutdown="SHUTDOWN">
          <Listener className="org.apache.catalina.startup.VersionLoggerListener"/>
          <Listener className="org.apache.catalina.core.JreMemoryLeakPreventionListener"/>
          <Listener className="org.apache.catalina.mbeans.GlobalResourcesLifecycleListener"/>
          <Listener className="org.apache.catalina.core.ThreadLocalLeakPreventionListener"/>
          <GlobalNamingResources>
            <Resource name="UserDatabase" auth="Container" type="org.apache.catalina.UserDatabase"
                      factory="org.apache.catalina.users.MemoryUserDatabaseFactory" pathname="conf/tomcat-users.xml"/>
          </GlobalNamingResources>
          <Service name="Catalina">
            <Connector address="127.0.0.1" port="%d" protocol="HTTP/1.1" connectionTimeout="20000"/>
            <Engine name="Catalina" defaultHost="localhost">
              <Realm className="org.apache.catalina.realm.LockOutRealm">
                <Realm className="org.apache.catalina.realm.UserDatabaseRealm" resourceName="UserDatabase">
                  <CredentialHandler className="org.apache.catalina.realm.SecretKeyCredentialHandler"
                                     algorithm="PBKDF2WithHmacSHA512" iterations="100000" keyLength="256" saltLength="16"/>
                </Realm>
              </Realm>
              <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="false"/>
            </Engine>
          </Service>
        </Server>
        """
            .formatted(port),
        StandardCharsets.UTF_8);
    Files.writeString(
        base.resolve("conf/context.xml"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Context>
          <WatchedResource>WEB-INF/web.xml</WatchedResource>
        </Context>
        """,
        StandardCharsets.UTF_8);
    StringBuilder u =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tomcat-users xmlns=\"http://tomcat.apache.org/xml\" version=\"1.0\">\n");
    Map<String, List<String>> sorted = new TreeMap<>(users);
    sorted.values().stream()
        .flatMap(List::stream)
        .distinct()
        .sorted()
        .forEach(r -> u.append("  <role rolename=\"").append(r).append("\"/>\n"));
    sorted.forEach(
        (name, roles) ->
            u.append("  <user username=\"")
                .append(name)
                .append("\" password=\"")
                .append(hashed(DeployFixture.password(name)))
                .append("\" roles=\"")
                .append(String.join(",", roles))
                .append("\"/>\n"));
    u.append("</tomcat-users>\n");
    Files.writeString(base.resolve("conf/tomcat-users.xml"), u, StandardCharsets.UTF_8);
  }

  /**
   * What {@code bin/digest.sh -a PBKDF2WithHmacSHA512 -i 100000 -s 16 -k 256 -h
   * org.apache.catalina.realm.SecretKeyCredentialHandler PASSWORD} prints after the colon: salt,
   * iterations and key, hex. tomcat-users.xml holds no plain password.
   */
  static String hashed(String password) {
    try {
      byte[] salt = new byte[16];
      new java.security.SecureRandom().nextBytes(salt);
      javax.crypto.SecretKeyFactory f =
          javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512");
      byte[] key =
          f.generateSecret(
                  new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, 100_000, 256))
              .getEncoded();
      java.util.HexFormat hex = java.util.HexFormat.of();
      return hex.formatHex(salt) + "$100000$" + hex.formatHex(key);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code conf/Catalina/localhost/<name>.xml}: the context of web application {@code /<name>}. */
  static void writeContext(Path base, String name, String contextXml) throws IOException {
    Files.writeString(
        base.resolve("conf/Catalina/localhost/" + name + ".xml"),
        contextXml,
        StandardCharsets.UTF_8);
  }

  static TomcatServer start(Path home, Path base, int port) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/catalina.sh").toString(), "run");
    Map<String, String> env = pb.environment();
    env.put("CATALINA_HOME", home.toString());
    env.put("CATALINA_BASE", base.toString());
    env.put("CATALINA_TMPDIR", base.resolve("temp").toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    // C1 only and the serial collector: a short-lived test server on two cores starts faster.
    env.put(
        "CATALINA_OPTS",
        "-Xmx768m -Djava.awt.headless=true "
            + System.getProperty(
                "ltc.test.tomcat.opts", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"));
    env.remove("CATALINA_PID");
    env.remove("JAVA_OPTS");
    pb.redirectErrorStream(true);
    pb.redirectOutput(base.resolve("logs/console.log").toFile());
    Process p = pb.start();
    System.out.println(
        "[deploy tests] Tomcat started, PID "
            + p.pid()
            + ", http://127.0.0.1:"
            + port
            + "/, CATALINA_BASE "
            + base);
    return new TomcatServer(p, base, port);
  }

  long pid() {
    return process.pid();
  }

  boolean running() {
    return process.isAlive();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** Waits until {@code path} answers with something other than 404/503. */
  void awaitDeployed(String path, Duration timeout) {
    int status = Http.waitFor(url(path), timeout, this::running);
    if (status == 404 || status == 503 || status < 0) {
      throw new AssertionError(
          "Tomcat did not deploy "
              + path
              + " within "
              + timeout.toSeconds()
              + " s (last status "
              + status
              + ", running "
              + running()
              + ")\n"
              + log());
    }
  }

  /** The end of Tomcat's console output (catalina.out), for failure messages. */
  String log() {
    try {
      List<String> lines =
          Files.readAllLines(base.resolve("logs/console.log"), StandardCharsets.UTF_8);
      return "---- Tomcat console (last 80 lines) ----\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    } catch (IOException e) {
      return "(no Tomcat log: " + e.getMessage() + ")";
    }
  }

  /** Stops Tomcat by its PID: SIGTERM (a clean shutdown), then SIGKILL after 30 s. */
  @Override
  public void close() {
    ProcessHandle h = process.toHandle();
    String cpu =
        h.info()
            .totalCpuDuration()
            .map(d -> String.format(" (%.1f s of CPU)", d.toMillis() / 1e3))
            .orElse("");
    h.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        h.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      h.destroyForcibly();
    }
    System.out.println(
        "[deploy tests] Tomcat PID "
            + process.pid()
            + " stopped"
            + (process.isAlive() ? " NOT" : "")
            + cpu);
  }

  static void copy(Path from, Path to) {
    try {
      Files.copy(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
