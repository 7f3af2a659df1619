package org.ltcreports.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub's run stopped by a signal (a service stopped, Ctrl-C) deletes its routed rows. Found in
 * session 21: a stopped run left 548 MB of spill files in the temporary folder (unreadable, being
 * encrypted with a key that died with the process, but taking the disk a later run needs).
 */
class SpillFolderShutdownTest {
  @TempDir Path parent;

  @Test
  void aRunStoppedBySignalLeavesNoFiles() throws Exception {
    Process child = writing();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("written");
      try (Stream<Path> files = Files.list(parent)) {
        assertThat(files).hasSize(1); // the folder, its file in it
      }
      child.destroy(); // SIGTERM, as a service manager stops a process
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    try (Stream<Path> files = Files.list(parent)) {
      assertThat(files).isEmpty();
    }
  }

  /**
   * A run killed outright (the out-of-memory killer, {@code kill -9}) runs no hook and leaves its
   * folder; the next run deletes it, but not the folder of a run still going, nor one it cannot
   * tell is left behind (no lock: an older version's, or one being made).
   */
  @Test
  void aRunKilledOutrightHasItsFilesDeletedByTheNextRun() throws Exception {
    Path unlocked = Files.createDirectory(parent.resolve("ltc-routed-123"));
    Files.write(unlocked.resolve("rows"), new byte[] {1});
    Process child = writing();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("written");
      Path running = onlyFolderBut(unlocked);
      try (SpillFolder meanwhile = SpillFolder.in(parent)) {
        assertThat(running).exists(); // its process holds it
        assertThat(meanwhile.path()).exists();
      }
      child.destroyForcibly(); // SIGKILL: no hook runs
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(running.resolve("rows")).exists();
      try (SpillFolder next = SpillFolder.in(parent)) {
        assertThat(running).doesNotExist();
        assertThat(unlocked.resolve("rows")).exists();
        try (Stream<Path> files = Files.list(parent)) {
          assertThat(files).containsExactlyInAnyOrder(unlocked, next.path());
        }
      }
    } finally {
      child.destroyForcibly();
    }
  }

  /** A run in a child JVM that has routed rows to a file in {@link #parent} and goes on. */
  private Process writing() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            Writing.class.getName(),
            parent.toString())
        .redirectErrorStream(true)
        .start();
  }

  private Path onlyFolderBut(Path other) throws Exception {
    try (Stream<Path> files = Files.list(parent)) {
      return files
          .filter(p -> !p.equals(other))
          .reduce(
              (a, b) -> {
                throw new AssertionError("more than one folder: " + a + ", " + b);
              })
          .orElseThrow();
    }
  }

  /** A run that has routed rows to a file and is still going when it is stopped. */
  static final class Writing {
    public static void main(String[] args) throws Exception {
      SpillFolder folder = SpillFolder.in(Path.of(args[0]));
      try (RowSpill.Out out = folder.out("rows")) {
        out.writeRow(new byte[] {0, 0, 1, 'x'}, 4);
      }
      System.out.println("written");
      Thread.sleep(60_000);
      folder.close();
    }
  }
}
