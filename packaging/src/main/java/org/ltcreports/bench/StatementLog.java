package org.ltcreports.bench;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The source {@link DataSource} of the bench's pack, logging every query the pack sends (its SQL
 * and the values bound to it, by the very setter calls the driver received), so the floor can send
 * the same queries again ({@link Floor}). Not for production: it keeps every statement of a run.
 */
final class StatementLog implements DataSource {
  /** One query as sent: its SQL and its setter calls in order (none for a plain statement). */
  record Query(String sql, List<Binding> bindings) {}

  /** One {@code PreparedStatement.setXxx(index, value, …)} call. */
  record Binding(Method setter, Object[] args) {
    void applyTo(PreparedStatement ps) throws SQLException {
      try {
        setter.invoke(ps, args);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof SQLException s ? s : new SQLException(e.getCause());
      }
    }
  }

  private final DataSource target;
  private final List<Query> queries = new ArrayList<>();

  StatementLog(DataSource target) {
    this.target = target;
  }

  /** The queries sent since the last call, in order (and a fresh log from here on). */
  synchronized List<Query> drain() {
    List<Query> out = List.copyOf(queries);
    queries.clear();
    return out;
  }

  private synchronized void logged(Query q) {
    if (!setsUpRead(q.sql())) {
      queries.add(q);
    }
  }

  /**
   * The statements that set a read's connections up rather than read the source: the export of the
   * reader's snapshot and every {@code SET} (joining that snapshot, {@code source.ReadLanes}; H2's
   * lazy results, {@code source.ReadStatements.beginRead}). The floor sets its connections up the
   * same way itself.
   */
  private static boolean setsUpRead(String sql) {
    return sql.equals("SELECT pg_export_snapshot()") || sql.startsWith("SET ");
  }

  private Connection wrap(Connection c) {
    return proxy(
        Connection.class,
        (p, m, args) -> {
          Object r = call(c, m, args);
          if (m.getName().equals("prepareStatement") && r instanceof PreparedStatement ps) {
            return prepared(ps, (String) args[0]);
          }
          if (m.getName().equals("createStatement") && r instanceof Statement s) {
            return plain(s);
          }
          return r;
        });
  }

  private PreparedStatement prepared(PreparedStatement ps, String sql) {
    List<Binding> bindings = new ArrayList<>();
    return proxy(
        PreparedStatement.class,
        (p, m, args) -> {
          String name = m.getName();
          if (name.startsWith("set")
              && args != null
              && args.length >= 2
              && m.getParameterTypes()[0] == int.class) {
            bindings.add(new Binding(m, args.clone()));
          } else if (name.equals("clearParameters")) {
            bindings.clear();
          } else if ((name.equals("executeQuery") || name.equals("execute")) && args == null) {
            logged(new Query(sql, List.copyOf(bindings)));
          }
          return call(ps, m, args);
        });
  }

  private Statement plain(Statement s) {
    return proxy(
        Statement.class,
        (p, m, args) -> {
          if ((m.getName().equals("executeQuery") || m.getName().equals("execute"))
              && args != null
              && args.length == 1
              && args[0] instanceof String sql) {
            logged(new Query(sql, List.of()));
          }
          return call(s, m, args);
        });
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, InvocationHandler h) {
    return (T)
        Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {type}, h);
  }

  private static Object call(Object target, Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(target.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return wrap(target.getConnection(username, password));
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return target.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return target.isWrapperFor(iface);
  }
}
