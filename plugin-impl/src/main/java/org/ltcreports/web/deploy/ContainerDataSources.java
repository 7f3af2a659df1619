package org.ltcreports.web.deploy;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.ltcreports.config.ConfigException;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.source.JdbcDataSources;
import org.slf4j.LoggerFactory;

/**
 * The two data sources of a deployment inside a servlet container.
 *
 * <ul>
 *   <li><b>source</b> (the host's activity tables, read-only): JNDI {@code source.jndi} (default
 *       {@code java:comp/env/jdbc/ltcSource}); when that name is not bound, {@code
 *       source.jdbc-url}/{@code source.user}/{@code source.password} from the properties file.
 *   <li><b>plugin</b> (the plugin's own {@code ltc_} tables): JNDI {@code plugin.jndi} if set, else
 *       {@code plugin.jdbc-url} if set, else JNDI {@code java:comp/env/jdbc/ltcPlugin} if bound,
 *       else the source data source.
 * </ul>
 *
 * Connections for the plugin's tables are always handed out writable: the source reader marks its
 * connections read-only, and a container pool shared by both (the default) may hand such a
 * connection back out, which PostgreSQL would then refuse to write with. Pools built here from a
 * JDBC URL are closed by {@link #close}; container pools belong to the container.
 */
public final class ContainerDataSources implements AutoCloseable {
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(ContainerDataSources.class);

  /** Looked up when neither {@code plugin.jndi} nor {@code plugin.jdbc-url} is set. */
  public static final String DEFAULT_PLUGIN_JNDI = "java:comp/env/jdbc/ltcPlugin";

  private final DataSource source;
  private final DataSource plugin;
  private final List<DataSource> created;

  private ContainerDataSources(DataSource source, DataSource plugin, List<DataSource> created) {
    this.source = source;
    this.plugin = plugin;
    this.created = created;
  }

  public static ContainerDataSources open(LtcConfig config) {
    return open(config, ContainerDataSources::lookup);
  }

  /** For tests: with a stand-in for JNDI. */
  static ContainerDataSources open(LtcConfig config, Jndi jndi) {
    List<DataSource> created = new ArrayList<>();
    DataSource source =
        choose(
            jndi,
            config.sourceJndi(),
            config.sourceJdbcUrl(),
            config.sourceUser(),
            config.sourcePassword(),
            "source",
            created);
    DataSource plugin;
    String pluginJndi = config.get("plugin.jndi");
    String pluginUrl = config.get("plugin.jdbc-url");
    if (pluginJndi != null || pluginUrl != null) {
      plugin =
          choose(
              jndi,
              pluginJndi,
              pluginUrl,
              config.pluginUser(),
              config.pluginPassword(),
              "plugin",
              created);
    } else {
      Optional<DataSource> bound = jndi.find(DEFAULT_PLUGIN_JNDI);
      if (bound.isPresent()) {
        LOG.info("plugin tables: JNDI {}", DEFAULT_PLUGIN_JNDI);
        plugin = bound.get();
      } else {
        LOG.info("plugin tables: the source data source");
        plugin = source;
      }
    }
    return new ContainerDataSources(
        source, plugin instanceof Writable ? plugin : new Writable(plugin), created);
  }

  private static DataSource choose(
      Jndi jndi,
      String name,
      String url,
      String user,
      String password,
      String what,
      List<DataSource> created) {
    if (name != null) {
      Optional<DataSource> bound = jndi.find(name);
      if (bound.isPresent()) {
        LOG.info("{} data source: JNDI {}", what, name);
        return bound.get();
      }
      if (url == null) {
        throw new ConfigException(
            List.of(
                "no "
                    + what
                    + " data source: JNDI name "
                    + name
                    + " is not bound in this web application and "
                    + what
                    + ".jdbc-url is not set in the properties file (ltc.config)"));
      }
      LOG.info(
          "{} data source: JNDI {} is not bound; using {}.jdbc-url {}",
          what,
          name,
          what,
          JdbcDataSources.redact(url));
    } else {
      LOG.info("{} data source: {}.jdbc-url {}", what, what, JdbcDataSources.redact(url));
    }
    DataSource ds = JdbcDataSources.forUrl(url, user, password);
    created.add(ds);
    return ds;
  }

  public DataSource source() {
    return source;
  }

  public DataSource plugin() {
    return plugin;
  }

  /** Closes the pools built from JDBC URLs (never the container's). */
  @Override
  public void close() {
    for (DataSource ds : created) {
      if (ds instanceof JdbcConnectionPool pool) {
        pool.dispose();
      } else if (ds instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          LOG.warn("closing a data source failed: {}", e.getMessage());
        }
      }
    }
    created.clear();
  }

  /** A JNDI look-up that answers empty for a name that is not bound. */
  @FunctionalInterface
  interface Jndi {
    Optional<DataSource> find(String name);
  }

  /**
   * Looks a data source up by JNDI name; a name without a scheme ({@code jdbc/x}) is also tried
   * under {@code java:comp/env/}.
   */
  static Optional<DataSource> lookup(String name) {
    List<String> names = new ArrayList<>(List.of(name));
    if (!name.contains(":")) {
      names.add("java:comp/env/" + name);
    }
    for (String n : names) {
      try {
        Object o = new InitialContext().lookup(n);
        if (o instanceof DataSource ds) {
          return Optional.of(ds);
        }
        if (o != null) {
          throw new ConfigException(
              List.of(
                  "JNDI name "
                      + n
                      + " is bound to a "
                      + o.getClass().getName()
                      + ", not a javax.sql.DataSource"));
        }
      } catch (NamingException e) {
        LOG.debug("JNDI {} not bound: {}", n, e.toString());
      }
    }
    return Optional.empty();
  }

  /** Hands out connections for writing the plugin's tables: never read-only. */
  static final class Writable implements DataSource {
    private final DataSource delegate;

    Writable(DataSource delegate) {
      this.delegate = delegate;
    }

    DataSource delegate() {
      return delegate;
    }

    private static Connection writable(Connection c) throws SQLException {
      if (c.isReadOnly()) {
        c.setReadOnly(false);
      }
      return c;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return writable(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return writable(delegate.getConnection(username, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      return iface.isInstance(delegate) ? iface.cast(delegate) : delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
      return iface.isInstance(delegate) || delegate.isWrapperFor(iface);
    }
  }
}
