package org.ltcreports.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Builds the sample host webapp (an exploded folder): the host's own files from {@code
 * src/test/host-webapp}, its servlet and filter from the test classes, and, as a practice's
 * administrator would add them, every jar of {@code target/web-fragment/lib} in {@code
 * WEB-INF/lib}.
 */
final class SampleHost {
  private SampleHost() {}

  /**
   * @param basePath null to keep the fragment's default ({@code /ltc-reports}), else the value of
   *     the {@code ltc.base-path} context parameter the host's web.xml sets
   */
  static Path assemble(Path dir, String basePath) {
    try {
      copyTree(DeployEnvironment.hostWebapp(), dir);
      Path classes = dir.resolve("WEB-INF/classes/org/ltcreports/deploy/host");
      copyTree(DeployEnvironment.testClasses().resolve("org/ltcreports/deploy/host"), classes);
      Path lib = Files.createDirectories(dir.resolve("WEB-INF/lib"));
      try (Stream<Path> jars = Files.list(DeployEnvironment.fragmentLib())) {
        for (Path jar : (Iterable<Path>) jars::iterator) {
          Files.copy(jar, lib.resolve(jar.getFileName()));
        }
      }
      if (basePath != null) {
        Path webXml = dir.resolve("WEB-INF/web.xml");
        String xml = Files.readString(webXml, StandardCharsets.UTF_8);
        String param =
            "<context-param><param-name>ltc.base-path</param-name><param-value>"
                + basePath
                + "</param-value></context-param>";
        Files.writeString(webXml, xml.replace("<!--BASE-PATH-->", param), StandardCharsets.UTF_8);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(p, target);
        }
      }
    }
  }
}
