package org.ltcreports.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own: {@code initdb} into a temporary folder, {@code pg_ctl
 * start} on 127.0.0.1 at a free port (its Unix socket in the same folder), trust authentication for
 * the superuser {@code ltc}, durability off (a test database), {@code pg_ctl stop} at the end.
 * PostgreSQL refuses to run as root, so as root the commands run as the {@code postgres} user that
 * Debian's package creates ({@code runuser -u postgres --}).
 */
final class PrivatePostgres implements AutoCloseable {
  static final String SUPERUSER = "ltc";

  private final Path bin;
  private final Path dir;
  private final List<String> asUser;
  final int port;

  private PrivatePostgres(Path bin, Path dir, List<String> asUser, int port) {
    this.bin = bin;
    this.dir = dir;
    this.asUser = asUser;
    this.port = port;
  }

  /**
   * The server programs: {@code -Dltc.test.postgres.bin}, else the newest {@code
   * /usr/lib/postgresql/<version>/bin} (Debian), else the folder of {@code pg_ctl} on the PATH.
   */
  static Optional<Path> binDir() {
    List<Path> candidates = new ArrayList<>();
    if (System.getProperty("ltc.test.postgres.bin") != null) {
      Path only = Path.of(System.getProperty("ltc.test.postgres.bin"));
      return Files.isExecutable(only.resolve("initdb"))
              && Files.isExecutable(only.resolve("pg_ctl"))
          ? Optional.of(only)
          : Optional.empty();
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        versions
            .filter(p -> p.getFileName().toString().matches("\\d+(\\.\\d+)?"))
            .sorted(
                Comparator.comparingDouble(
                        (Path p) -> Double.parseDouble(p.getFileName().toString()))
                    .reversed())
            .forEach(p -> candidates.add(p.resolve("bin")));
      } catch (IOException e) {
        // none there
      }
    }
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path pgCtl = Path.of(d.isEmpty() ? "." : d, "pg_ctl");
      if (Files.isExecutable(pgCtl)) {
        try {
          candidates.add(pgCtl.toRealPath().getParent());
        } catch (IOException e) {
          // a broken link
        }
      }
    }
    return candidates.stream()
        .filter(
            p -> Files.isExecutable(p.resolve("initdb")) && Files.isExecutable(p.resolve("pg_ctl")))
        .findFirst();
  }

  static boolean runningAsRoot() {
    try {
      Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      p.waitFor(10, TimeUnit.SECONDS);
      return out.equals("0");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Why a private cluster cannot be started here, or empty when it can. */
  static Optional<String> cannotStart(Path bin) {
    if (!runningAsRoot()) {
      return Optional.empty();
    }
    if (!Files.isExecutable(Path.of("/usr/sbin/runuser"))
        && !Files.isExecutable(Path.of("/sbin/runuser"))) {
      return Optional.of(
          "running as root, PostgreSQL must run as another user, and runuser is missing");
    }
    if (lookupUser("postgres").isEmpty()) {
      return Optional.of(
          "running as root, PostgreSQL must run as another user, and there is no 'postgres' user");
    }
    return Optional.empty();
  }

  static PrivatePostgres start(Path bin) throws IOException, InterruptedException {
    Path dir =
        Files.createTempDirectory("ltc-pg"); // short: a Unix socket path is at most 107 bytes
    List<String> asUser = List.of();
    if (runningAsRoot()) {
      UserPrincipal postgres = lookupUser("postgres").orElseThrow();
      Files.setOwner(dir, postgres);
      asUser = List.of("runuser", "-u", "postgres", "--");
    }
    int port = DeployEnvironment.freePort();
    PrivatePostgres pg = new PrivatePostgres(bin, dir, asUser, port);
    long t0 = System.nanoTime();
    pg.run(
        "initdb",
        "-D",
        dir.resolve("data").toString(),
        "-U",
        SUPERUSER,
        "-A",
        "trust",
        "-E",
        "UTF8",
        "--locale=C",
        "--no-sync");
    pg.run(
        "pg_ctl",
        "-D",
        dir.resolve("data").toString(),
        "-l",
        dir.resolve("server.log").toString(),
        "-w",
        "-t",
        "60",
        "-o",
        "-p "
            + port
            + " -c listen_addresses=127.0.0.1 -c unix_socket_directories="
            + dir
            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
        "start");
    System.out.printf(
        "[deploy tests] PostgreSQL (%s) started on 127.0.0.1:%d, PID %s, in %.1f s%n",
        bin, port, pg.pid(), (System.nanoTime() - t0) / 1e9);
    return pg;
  }

  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER;
  }

  String pid() {
    try {
      return Files.readAllLines(dir.resolve("data/postmaster.pid")).get(0).trim();
    } catch (IOException | IndexOutOfBoundsException e) {
      return "?";
    }
  }

  String log() {
    try {
      return Files.readString(dir.resolve("server.log"));
    } catch (IOException e) {
      return "(no server log)";
    }
  }

  @Override
  public void close() {
    try {
      run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "-t", "60", "stop");
      System.out.println("[deploy tests] PostgreSQL on port " + port + " stopped");
    } catch (IOException | InterruptedException | RuntimeException e) {
      System.out.println("[deploy tests] stopping PostgreSQL failed: " + e.getMessage());
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // left in the temporary folder
    }
  }

  private void run(String program, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(asUser);
    cmd.add(bin.resolve(program).toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(program + " did not finish in 120 s\n" + out);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", cmd) + " failed (" + p.exitValue() + "):\n" + out + "\n" + log());
    }
  }

  private static Optional<UserPrincipal> lookupUser(String name) {
    try {
      return Optional.of(
          Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name));
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }
}
