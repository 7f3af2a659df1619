package org.ltcreports.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * The folder a hub's routed rows wait in ({@link RoutedRows}): made only the process's user can
 * open, its files encrypted with one key made for it and held only in memory (each file with its
 * own counter start), and deleted with every file when closed, or when the process is stopped
 * before that (a signal, Ctrl-C: found in session 21, a stopped hub run left half a gigabyte in the
 * temporary folder; a process killed outright still leaves its files, unreadable without the key).
 */
final class SpillFolder implements AutoCloseable {
  private final Path dir;
  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, byte[]> ivs = new HashMap<>();
  private final Thread onShutdown;

  private SpillFolder(Path dir, SecretKey key) {
    this.dir = dir;
    this.key = key;
    onShutdown = new Thread(this::deleteOnShutdown, "ltc-routed-rows-deleted-on-shutdown");
    Runtime.getRuntime().addShutdownHook(onShutdown);
  }

  /** A new folder in {@code parent}. */
  static SpillFolder in(Path parent) throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    Path dir =
        posix
            ? Files.createTempDirectory(
                parent,
                "ltc-routed-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
            : Files.createTempDirectory(parent, "ltc-routed-");
    try {
      KeyGenerator g = KeyGenerator.getInstance("AES");
      g.init(128);
      return new SpillFolder(dir, g.generateKey());
    } catch (GeneralSecurityException e) {
      Files.deleteIfExists(dir);
      throw new IllegalStateException("AES is part of every Java runtime", e);
    }
  }

  /** A new file to write. */
  RowSpill.Out out(String name) {
    byte[] iv = new byte[16];
    synchronized (ivs) {
      random.nextBytes(iv);
      ivs.put(name, iv);
    }
    return new RowSpill.Out(dir.resolve(name), key, iv);
  }

  /** A written file to read; null if none was written by that name. */
  RowSpill.In in(String name, RowSpill.Kind[] kinds) {
    byte[] iv;
    synchronized (ivs) {
      iv = ivs.get(name);
    }
    return iv == null ? null : new RowSpill.In(dir.resolve(name), key, iv, kinds);
  }

  void delete(String name) {
    try {
      Files.deleteIfExists(dir.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes its files take. */
  long bytes() throws IOException {
    long bytes = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        bytes += Files.size(f);
      }
    }
    return bytes;
  }

  Path path() {
    return dir;
  }

  /** Deletes every file and the folder. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(onShutdown);
    } catch (IllegalStateException e) {
      // the process is stopping: the hook deletes them
    }
    deleteAll();
  }

  /** As {@link #deleteAll}, again while the run's threads, still going, add files. */
  private void deleteOnShutdown() {
    for (int i = 0; i < 5 && Files.exists(dir); i++) {
      try {
        deleteAll();
      } catch (UncheckedIOException e) {
        // a file made after the folder was listed: list it again
      }
    }
  }

  private void deleteAll() {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (java.nio.file.NoSuchFileException e) {
      // already deleted (closed, then the process stopped)
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
