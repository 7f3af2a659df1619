package org.ltcreports.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A run's files are written into a staging folder inside the output folder ({@code
 * .ltc-staging/<run>/}) and moved into place only after the report's run and audit events are
 * recorded, so a crash (kill -9, power cut) never leaves a patient-level file in the output folder
 * that the plugin has no record of. Whatever a crashed run left in staging is removed by the next
 * run ({@link #sweep}) and the removal recorded.
 *
 * <p>A database may lose a commit a killed process made just before it died (H2 writes commits from
 * a background thread). So before files are moved, their names and hashes are appended to the run's
 * journal ({@code .placed}); the next run's sweep removes any journalled file in place whose hash
 * the database does not hold, and records that too.
 *
 * <p>The run holds a lock on {@code .ltc-staging/<run>/.lock} while it lives: a run started at the
 * same time into the same folder skips it, and the lock dies with the process that held it.
 */
public final class StagedFiles implements AutoCloseable {
  /** The staging folder's name inside the output folder. */
  public static final String STAGING = ".ltc-staging";

  private static final String LOCK = ".lock";
  private static final String JOURNAL = ".placed";

  /** A file a crashed run left in staging: its name as it would have been placed, and its hash. */
  public record Leftover(String fileName, String sha256) {}

  private final Path outDir;
  private final Path dir;
  private FileChannel lockChannel;
  private FileLock lock;

  private StagedFiles(Path outDir) {
    this.outDir = outDir;
    this.dir = outDir.resolve(STAGING).resolve(UUID.randomUUID().toString());
  }

  /** A staging folder for one run into {@code outDir} (created, and locked, on first write). */
  public static StagedFiles in(Path outDir) {
    return new StagedFiles(outDir);
  }

  /** Writes a file (name relative to the output folder) into staging. */
  public void write(String fileName, byte[] bytes) {
    try {
      if (lock == null) {
        Files.createDirectories(dir);
        lockChannel =
            FileChannel.open(
                dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockChannel.lock();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
    }
    ArtifactFiles.writeAtomically(dir.resolve(fileName), bytes);
  }

  /**
   * Moves the staged files into the output folder (after they were recorded), journalling each name
   * and hash first.
   */
  public void place(List<ReportRecorder.WrittenFile> files) {
    StringBuilder journal = new StringBuilder();
    for (ReportRecorder.WrittenFile f : files) {
      journal.append(f.sha256()).append(' ').append(f.fileName()).append('\n');
    }
    try {
      Files.writeString(
          dir.resolve(JOURNAL),
          journal,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
    }
    for (ReportRecorder.WrittenFile f : files) {
      String name = f.fileName();
      Path target = outDir.resolve(name);
      try {
        Files.createDirectories(target.getParent());
        try {
          Files.move(
              dir.resolve(name),
              target,
              StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(dir.resolve(name), target, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
      }
    }
  }

  /** Removes staged files that were not placed (their report failed). */
  public void discard(List<String> fileNames) {
    for (String name : fileNames) {
      try {
        Files.deleteIfExists(dir.resolve(name));
      } catch (IOException e) {
        // left for the next run's sweep, which records it
      }
    }
  }

  /** Releases the lock and removes the (now empty) staging folder of this run. */
  @Override
  public void close() {
    try {
      if (lock != null) {
        lock.release();
        lockChannel.close();
      }
      deleteTree(dir);
      Path staging = outDir.resolve(STAGING);
      try (Stream<Path> rest = Files.exists(staging) ? Files.list(staging) : Stream.empty()) {
        if (rest.findAny().isEmpty()) {
          Files.deleteIfExists(staging);
        }
      }
    } catch (IOException e) {
      // a folder left behind is swept by the next run
    }
  }

  /**
   * Removes what crashed runs left in {@code outDir}'s staging folder (skipping runs still alive),
   * and any file they journalled into place whose hash is not {@code recorded}; returns the files
   * removed, in name order, so the caller can record them.
   */
  public static List<Leftover> sweep(Path outDir, Predicate<String> recorded) {
    Path staging = outDir.resolve(STAGING);
    List<Leftover> removed = new ArrayList<>();
    if (!Files.isDirectory(staging)) {
      return removed;
    }
    try (Stream<Path> runs = Files.list(staging)) {
      for (Path run : runs.sorted().toList()) {
        if (Files.isDirectory(run)) {
          sweepRun(outDir, run, recorded, removed);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + staging + ": " + e.getMessage(), e);
    }
    removed.sort(Comparator.comparing(Leftover::fileName));
    return removed;
  }

  private static void sweepRun(
      Path outDir, Path run, Predicate<String> recorded, List<Leftover> removed)
      throws IOException {
    Path lockFile = run.resolve(LOCK);
    try (FileChannel ch =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock held;
      try {
        held = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        return; // a run of this process
      }
      if (held == null) {
        return; // a run still alive in another process
      }
      Path journal = run.resolve(JOURNAL);
      if (Files.isRegularFile(journal)) {
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
          int space = line.indexOf(' ');
          if (space != 64) {
            continue; // a line torn by the crash: its file was not moved yet
          }
          String sha = line.substring(0, space);
          Path placed = outDir.resolve(line.substring(space + 1)).normalize();
          if (placed.startsWith(outDir)
              && Files.isRegularFile(placed)
              && sha.equals(ArtifactFiles.sha256(Files.readAllBytes(placed)))
              && !recorded.test(sha)) {
            Files.delete(placed);
            removed.add(new Leftover(line.substring(space + 1), sha));
          }
        }
      }
      try (Stream<Path> files = Files.walk(run)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          if (f.equals(lockFile) || f.equals(journal)) {
            continue;
          }
          String name = run.relativize(f).toString().replace('\\', '/');
          if (!f.getFileName().toString().startsWith(".partial-")) {
            removed.add(new Leftover(name, ArtifactFiles.sha256(Files.readAllBytes(f))));
          }
          Files.delete(f);
        }
      }
      held.release();
    }
    deleteTree(run);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
