package org.ltcreports.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder a hub's routed rows wait in ({@link RoutedRows}): made only the process's user can
 * open, its files encrypted with one key made for it and held only in memory (each file with its
 * own counter start), and deleted with every file when closed, or when the process is stopped
 * before that (a signal, Ctrl-C: found in session 21, a stopped hub run left half a gigabyte in the
 * temporary folder).
 *
 * <p>A process killed outright (the kernel's out-of-memory killer, {@code kill -9}) runs no hook,
 * so its folder stays, unreadable without the key but taking the disk. Each folder holds a file
 * locked for as long as its process lives (the operating system lets go of the lock when the
 * process ends, however it ends), and a new folder first deletes every folder beside it whose lock
 * it can take.
 */
final class SpillFolder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SpillFolder.class);
  private static final String PREFIX = "ltc-routed-";
  // The lock's name once it is held: a folder without it is being made, or is older than the lock
  // (left alone either way).
  private static final String LOCK = "held-while-running";

  private final Path dir;
  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, byte[]> ivs = new HashMap<>();
  private final Thread onShutdown;
  private final FileChannel lock;

  private SpillFolder(Path dir, SecretKey key, FileChannel lock) {
    this.dir = dir;
    this.key = key;
    this.lock = lock;
    onShutdown = new Thread(this::deleteOnShutdown, "ltc-routed-rows-deleted-on-shutdown");
    Runtime.getRuntime().addShutdownHook(onShutdown);
  }

  /** A new folder in {@code parent}, after deleting those left there by processes that ended. */
  static SpillFolder in(Path parent) throws IOException {
    deleteLeftBehind(parent);
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    Path dir =
        posix
            ? Files.createTempDirectory(
                parent,
                PREFIX,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
            : Files.createTempDirectory(parent, PREFIX);
    FileChannel lock = null;
    try {
      lock = held(dir);
      KeyGenerator g = KeyGenerator.getInstance("AES");
      g.init(128);
      return new SpillFolder(dir, g.generateKey(), lock);
    } catch (GeneralSecurityException e) {
      lock.close();
      deleteFolder(dir);
      throw new IllegalStateException("AES is part of every Java runtime", e);
    } catch (IOException | RuntimeException e) {
      if (lock != null) {
        lock.close();
      }
      deleteFolder(dir);
      throw e;
    }
  }

  /**
   * The folder's lock, taken under another name and then given its own, so that no other process
   * can find it by that name before it is held (a lock follows the file, not its name).
   */
  private static FileChannel held(Path dir) throws IOException {
    Path taking = dir.resolve(LOCK + ".new");
    FileChannel ch =
        FileChannel.open(taking, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      ch.lock();
      Files.move(taking, dir.resolve(LOCK), StandardCopyOption.ATOMIC_MOVE);
      return ch;
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * Deletes the folders in {@code parent} whose process has ended: those whose lock this process
   * can take. A folder another process still holds, one of this process's own, one being made, one
   * of another user's, stays; a folder that cannot be deleted is logged and left.
   */
  static void deleteLeftBehind(Path parent) {
    List<Path> folders;
    try (Stream<Path> all = Files.list(parent)) {
      folders =
          all.filter(p -> p.getFileName().toString().startsWith(PREFIX))
              .filter(p -> Files.isRegularFile(p.resolve(LOCK)))
              .toList();
    } catch (IOException | SecurityException e) {
      return; // nothing to look at: the new folder's own making says what is wrong
    }
    for (Path folder : folders) {
      try (FileChannel ch = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.WRITE)) {
        FileLock taken;
        try {
          taken = ch.tryLock();
        } catch (OverlappingFileLockException mine) {
          continue; // this process's own, still in use
        }
        if (taken == null) {
          continue; // its process is running
        }
        deleteFolder(folder);
        LOG.info("deleted {}: routed rows left by a run that was stopped outright", folder);
      } catch (IOException | UncheckedIOException e) {
        LOG.warn("could not delete {}, left by a stopped run: {}", folder, e.getMessage());
      }
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
    try {
      lock.close(); // before its file is deleted: some systems cannot delete an open file
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    deleteFolder(dir);
  }

  private static void deleteFolder(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(folder);
    } catch (java.nio.file.NoSuchFileException e) {
      // already deleted (closed, then the process stopped)
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
