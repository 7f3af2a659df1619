package org.ltcreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ltcreports.bench.BenchChild;

/**
 * The standalone runnable's JVMs read H2 without its shared value cache (a sixth of the 600k read's
 * CPU on H2: docs/performance.md, session 14). H2 reads the setting once, when it is first loaded,
 * so each check runs in a new JVM: the class is loaded as a command line or the bench would load
 * it, then H2, and H2's own reading of the setting is printed.
 */
class EmbeddedH2SettingsTest {

  /** Loads the class named first, then reports what H2 made of its settings. */
  public static final class Probe {
    public static void main(String[] args) throws Exception {
      Class.forName(args[0], true, Probe.class.getClassLoader());
      System.out.println("objectCache=" + org.h2.engine.SysProperties.OBJECT_CACHE);
    }
  }

  @Test
  void theCommandLineReadsH2WithoutItsValueCache() throws Exception {
    assertThat(probe(Main.class)).isEqualTo("objectCache=false");
  }

  @Test
  void theBenchsPackAndFloorReadH2AsTheCommandLineDoes() throws Exception {
    assertThat(probe(BenchChild.class)).isEqualTo("objectCache=false");
  }

  @Test
  void aValueGivenOnTheCommandLineIsKept() throws Exception {
    assertThat(probe(Main.class, "-Dh2.objectCache=true")).isEqualTo("objectCache=true");
  }

  private static String probe(Class<?> loaded, String... jvmOptions) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java));
    cmd.addAll(List.of(jvmOptions));
    cmd.addAll(
        List.of(
            "-cp", System.getProperty("java.class.path"), Probe.class.getName(), loaded.getName()));
    Process child;
    try {
      child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.abort("cannot start a child JVM with " + java + ": " + e.getMessage());
      return null;
    }
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child ended").isTrue();
    assertThat(child.exitValue()).as(out).isZero();
    return out.strip();
  }
}
