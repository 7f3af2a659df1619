package org.ltcreports.source;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The connections one read of the source runs on, and the tables read on them side by side.
 *
 * <p>A read is one snapshot of the source ({@link SourceReader}: a host writing during the read
 * cannot give a spell without its patient). On PostgreSQL further connections join the first's
 * snapshot ({@code pg_export_snapshot()}, then {@code SET TRANSACTION SNAPSHOT} as the first
 * statement of a repeatable-read transaction), so every table is still read as of one moment while
 * two are read at once. Why it pays: with a fetch size, PostgreSQL's backend stops after each batch
 * until the driver asks for the next, so on one connection the database and the JVM take turns; on
 * two, one's rows are mapped while the other's are produced (the 600k locality's tables: 6.4 s on
 * one connection, 3.0 s on two; docs/performance.md). H2 cannot share a snapshot between sessions,
 * so on H2 (and with {@code source.read-connections = 1}) one connection reads every table in turn.
 *
 * <p>Each table is read whole on one lane, and its rows are sorted there, so what a read returns
 * does not depend on which lane read what.
 */
final class ReadLanes implements AutoCloseable {
  /** What {@code pg_export_snapshot()} returns: hexadecimal groups joined by hyphens. */
  private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-Fa-f]+(-[0-9A-Fa-f]+)*");

  private final Handle first;
  private final List<Joined> joined;
  private final List<Task<?>> tasks = new ArrayList<>();

  private ReadLanes(Handle first, List<Joined> joined) {
    this.first = first;
    this.joined = joined;
  }

  /**
   * The lanes for a read whose transaction is open on {@code first}: {@code connections} of them on
   * PostgreSQL (each further connection from {@code jdbi}, in the first's snapshot), one otherwise.
   * A connection that cannot be had or cannot join is left out: the lanes only make the read
   * faster, and the first lane alone reads everything.
   */
  static ReadLanes open(Handle first, Jdbi jdbi, int connections) {
    List<Joined> joined = new ArrayList<>();
    if (connections > 1 && isPostgres(first)) {
      String snapshot = exportedSnapshot(first);
      for (int i = 1; i < connections && snapshot != null; i++) {
        Joined h = joinSnapshot(jdbi, snapshot);
        if (h == null) {
          break;
        }
        joined.add(h);
      }
    }
    return new ReadLanes(first, joined);
  }

  /**
   * A table read to run on one of the lanes when {@link #run} is called; its result is in the
   * returned slot afterwards. Add the largest first: the lanes take them in order.
   */
  <T> Slot<T> add(Function<Handle, T> read) {
    Slot<T> slot = new Slot<>();
    tasks.add(new Task<>(read, slot));
    return slot;
  }

  /**
   * Runs every read added since the last run: the calling thread on the first connection, one
   * thread on each joined one. If a read fails, the lanes take no further reads, and the first
   * failure is thrown once every lane has stopped (the others' added to it).
   */
  void run() {
    Queue<Task<?>> queue = new ConcurrentLinkedQueue<>(tasks);
    tasks.clear(); // the next run takes the reads added after this one
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < joined.size(); i++) {
      Handle h = joined.get(i).handle();
      Thread t = new Thread(() -> drain(queue, h, failures), "ltc-read-" + (i + 2));
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    drain(queue, first, failures);
    boolean interrupted = false;
    for (Thread t : threads) {
      while (t.isAlive()) {
        try {
          t.join();
        } catch (InterruptedException e) {
          interrupted = true; // the joined lanes use connections this read must still end
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (!failures.isEmpty()) {
      Throwable f = failures.get(0);
      failures.subList(1, failures.size()).forEach(f::addSuppressed);
      if (f instanceof RuntimeException r) {
        throw r;
      }
      if (f instanceof Error e) {
        throw e;
      }
      throw new IllegalStateException(f);
    }
  }

  private static void drain(Queue<Task<?>> queue, Handle h, List<Throwable> failures) {
    Task<?> next;
    while (failures.isEmpty() && (next = queue.poll()) != null) {
      try {
        next.run(h);
      } catch (Throwable e) {
        failures.add(e);
      }
    }
  }

  /**
   * Ends the joined connections' transactions (nothing was written) and gives them back as they
   * were lent: a pool may lend them next to the plugin's own tables.
   */
  @Override
  public void close() {
    SourceAccessException failed = null;
    for (Joined j : joined) {
      try {
        j.end();
      } catch (SQLException e) {
        failed =
            new SourceAccessException(
                "could not end a read transaction on the source database: " + e.getMessage(), e);
      } finally {
        giveBack(j.handle());
      }
    }
    if (failed != null) {
      throw failed;
    }
  }

  /** A further connection and the settings it was lent with. */
  private record Joined(Handle handle, boolean autoCommit, int isolation, boolean readOnly) {
    void end() throws SQLException {
      Connection c = handle.getConnection();
      c.rollback();
      c.setAutoCommit(autoCommit);
      c.setTransactionIsolation(isolation);
      c.setReadOnly(readOnly);
    }
  }

  /** A table read's result, set by {@link #run}. */
  static final class Slot<T> {
    private T value;

    T get() {
      return value;
    }
  }

  private record Task<T>(Function<Handle, T> read, Slot<T> slot) {
    void run(Handle h) {
      slot.value = read.apply(h);
    }
  }

  private static boolean isPostgres(Handle h) {
    try {
      return "PostgreSQL".equals(h.getConnection().getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      return false;
    }
  }

  /** The first connection's snapshot, exported for others to join; null if it cannot be. */
  private static String exportedSnapshot(Handle first) {
    // plain JDBC, not JDBI: these are not reads of the source (the bench replays those)
    try (Statement s = first.getConnection().createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
      String id = rs.next() ? rs.getString(1) : null;
      return id != null && SNAPSHOT_ID.matcher(id).matches() ? id : null;
    } catch (SQLException e) {
      return null;
    }
  }

  /** A new connection in a read-only transaction on the exported snapshot; null if it fails. */
  private static Joined joinSnapshot(Jdbi jdbi, String snapshot) {
    Handle h;
    Joined j;
    try {
      h = jdbi.open();
    } catch (RuntimeException e) {
      return null;
    }
    try {
      Connection c = h.getConnection();
      j = new Joined(h, c.getAutoCommit(), c.getTransactionIsolation(), c.isReadOnly());
    } catch (SQLException e) {
      giveBack(h);
      return null;
    }
    try {
      Connection c = h.getConnection();
      c.setReadOnly(true);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        // the id is the database's own, checked against SNAPSHOT_ID (SET takes no parameter)
        s.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'");
      }
      return j;
    } catch (SQLException e) {
      try {
        j.end(); // never lent back half set up
      } catch (SQLException again) {
        // given back below either way
      } finally {
        giveBack(h);
      }
      return null;
    }
  }

  /**
   * Closes a joined connection's handle. JDBI rolls back a transaction still open (one that could
   * not be ended) and then throws to say so: the rollback is what matters here.
   */
  private static void giveBack(Handle h) {
    try {
      h.close();
    } catch (RuntimeException rolledBack) {
      // see above
    }
  }
}
