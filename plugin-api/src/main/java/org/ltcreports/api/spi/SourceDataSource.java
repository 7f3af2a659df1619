package org.ltcreports.api.spi;

import javax.sql.DataSource;

/**
 * Where the host's activity tables are. The plugin only reads from it. The default looks the data
 * source up in JNDI ({@code java:comp/env/jdbc/ltcSource}) or builds one from the properties file.
 */
public interface SourceDataSource {
  DataSource dataSource();

  /** Schema holding the source views, or null for the connection's default. */
  default String schema() {
    return null;
  }
}
