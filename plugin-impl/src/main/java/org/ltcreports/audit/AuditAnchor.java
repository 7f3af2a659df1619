package org.ltcreports.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit head kept outside the database: an append-only text file, one {@link
 * AuditHead#printable()} line per anchoring (after every {@code every}-th event and after every
 * submission, once the event's transaction has committed). Someone who can rewrite the database can
 * rewrite events and {@code ltc_audit_head} together; they cannot make the log hold an event the
 * file does not expect, or fewer events than the file last recorded, without {@code verify-audit
 * --anchor} saying so ({@link AuditLog#verifyAgainst}).
 *
 * <p>The file is only ever opened for append. Put it where the database's administrators cannot
 * write (another account, a {@code chattr +a} file, a share that is copied off the machine): see
 * docs/reliability.md. A line that cannot be written is logged and the event stands: the database
 * is the record, the file its witness.
 */
public final class AuditAnchor {
  private static final Logger LOG = LoggerFactory.getLogger(AuditAnchor.class);

  private final Path file;
  private final int every;

  /**
   * @param file the anchor file (created on first use, with its folder)
   * @param every anchor after each event whose number is a multiple of this (1: every event)
   */
  public AuditAnchor(Path file, int every) {
    if (every < 1) {
      throw new IllegalArgumentException("audit.anchor-every must be at least 1, got " + every);
    }
    this.file = file;
    this.every = every;
  }

  public Path file() {
    return file;
  }

  /** Appends the head after this event when its number or its action asks for it. */
  void after(AuditEntry stored) {
    boolean submission =
        stored.action().equals(AuditAction.SUBMIT.name())
            || stored.action().equals(AuditAction.RESUBMIT.name());
    if (submission || stored.seq() % every == 0) {
      append(new AuditHead(stored.seq(), stored.hash(), stored.eventTime()));
    }
  }

  /** Appends one head line; a line is written whole by one append (POSIX O_APPEND). */
  public void append(AuditHead head) {
    byte[] line =
        (head.printable() + (head.updatedAt() == null ? "" : " " + head.updatedAt()) + "\n")
            .getBytes(StandardCharsets.US_ASCII);
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (FileChannel ch =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND,
              StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.wrap(line));
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.error(
          "cannot append the audit head to {} ({}): the database keeps the event, but this head is"
              + " not anchored",
          file,
          e.getMessage());
    }
  }

  /**
   * The head with the most events among the file's lines (processes may append out of order), or
   * empty when the file holds none. Lines that do not read as a head (a torn last line) are
   * skipped.
   *
   * @throws IOException when the file cannot be read
   */
  public static Optional<AuditHead> latest(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    AuditHead best = null;
    for (String line : lines) {
      AuditHead h;
      try {
        h = AuditHead.parse(line);
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (best == null || h.eventCount() > best.eventCount()) {
        best = h;
      }
    }
    return Optional.ofNullable(best);
  }
}
