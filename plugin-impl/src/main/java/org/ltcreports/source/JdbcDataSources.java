package org.ltcreports.source;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Data sources from a JDBC URL for the standalone runnable and the CLI (inside a container the data
 * source comes from JNDI). Only H2 and PostgreSQL are supported and tested.
 */
public final class JdbcDataSources {
  private JdbcDataSources() {}

  public static DataSource forUrl(String url, String user, String password) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("no JDBC URL configured");
    }
    if (url.startsWith("jdbc:h2:")) {
      return JdbcConnectionPool.create(
          url, user == null ? "" : user, password == null ? "" : password);
    }
    if (url.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setUrl(url);
      if (user != null && !user.isEmpty()) {
        ds.setUser(user);
      }
      if (password != null && !password.isEmpty()) {
        ds.setPassword(password);
      }
      return ds;
    }
    throw new IllegalArgumentException(
        "unsupported JDBC URL '" + redact(url) + "': use jdbc:h2:… or jdbc:postgresql:…");
  }

  /** Opens and closes one connection, so an unreachable database fails early with one line. */
  public static void checkReachable(DataSource ds, String url) {
    try (Connection c = ds.getConnection()) {
      c.isValid(5);
    } catch (SQLException e) {
      String msg =
          e.getMessage() == null
              ? e.getClass().getSimpleName()
              : e.getMessage().lines().findFirst().orElse("");
      throw new SourceAccessException("cannot connect to " + redact(url) + ": " + msg, e);
    }
  }

  /** A URL without anything that looks like a password parameter. */
  public static String redact(String url) {
    return url == null ? null : url.replaceAll("(?i)(password|pwd)=[^;&]*", "$1=***");
  }
}
