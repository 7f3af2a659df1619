package org.ltcreports.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the deployment tests find what they deploy, and what they do when a server is missing.
 *
 * <p>A missing Tomcat or PostgreSQL skips the test with the reason and the command that installs it
 * ({@link Assumptions#assumeTrue}, reported as skipped, never passed). On CI ({@code CI=true}) or
 * with {@code LTC_REQUIRE_DEPLOY_TESTS=1} (or {@code -Dltc.deploy.require=true}) it fails instead:
 * there {@code .ci/install-deps} has installed everything.
 */
final class DeployEnvironment {
  private DeployEnvironment() {}

  /**
   * The deployment tests need what {@code mvn package} builds, so they are failsafe tests ({@code
   * *IT}, phase integration-test). Surefire selects them only when told to with {@code -Dtest};
   * then they skip, saying so.
   */
  static void inIntegrationTestPhase() {
    Assumptions.assumeTrue(
        System.getProperty("ltc.deploy.war") != null,
        "deployment tests run in the integration-test phase (mvn verify runs them with failsafe), not under surefire");
  }

  static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("CI"))
        || "1".equals(System.getenv("LTC_REQUIRE_DEPLOY_TESTS"))
        || Boolean.getBoolean("ltc.deploy.require");
  }

  /** Skips (or, where required, fails) unless {@code available}. */
  static void need(boolean available, String component, String why) {
    if (available) {
      return;
    }
    String message = component + " is not available: " + why;
    if (required()) {
      fail(
          message
              + " (required here: CI=true or LTC_REQUIRE_DEPLOY_TESTS=1; run .ci/install-deps)");
    }
    System.out.println("[deploy tests] SKIPPED " + message);
    Assumptions.assumeTrue(false, message);
  }

  static Path war() {
    return existing(
        "ltc.deploy.war", "the WAR (mvn package builds packaging/target/ltc-reports.war)");
  }

  static Path fragmentLib() {
    return existing(
        "ltc.deploy.fragment-lib",
        "the web-fragment libraries (mvn package builds packaging/target/web-fragment/lib)");
  }

  static Path hostWebapp() {
    return existing(
        "ltc.deploy.host-webapp", "the sample host webapp (packaging/src/test/host-webapp)");
  }

  /** A fresh folder for one test class under the build folder. */
  static Path workDir(String name) {
    String base = System.getProperty("ltc.deploy.work");
    Path root =
        base != null
            ? Path.of(base)
            : Path.of(System.getProperty("java.io.tmpdir"), "ltc-deploy-it");
    Path dir = root.resolve(name);
    try {
      Files.createDirectories(root);
      if (Files.exists(dir)) {
        Files.walk(dir)
            .sorted(java.util.Comparator.reverseOrder())
            .forEach(p -> p.toFile().delete());
      }
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The test classes (for the sample host's own servlet and filter). */
  static Path testClasses() {
    try {
      return Path.of(
          DeployEnvironment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The jar (or folder) a class was loaded from: the JDBC driver for a container's lib folder. */
  static Path jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A TCP port free on 127.0.0.1 just now. */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path existing(String property, String what) {
    String v = System.getProperty(property);
    if (v == null) {
      fail(
          "system property "
              + property
              + " is not set: run the deployment tests with mvn verify (failsafe sets it)");
    }
    Path p = Path.of(v);
    if (!Files.exists(p)) {
      fail(what + " is missing at " + p);
    }
    return p;
  }
}
