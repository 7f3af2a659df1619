package org.ltcreports.report;

import com.google.inject.Guice;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.wiring.LtcModule;

/** The report tests' databases: in-memory H2, each its own, and a batch run over a source. */
final class TestDatabases {
  private TestDatabases() {}

  /** A new, empty in-memory H2 database that lives until the JVM ends. */
  static JdbcDataSource memory(String prefix) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + prefix + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  /** The plugin's batch generator over {@code source}, with a plugin database of its own. */
  static BatchGenerator batchGenerator(LtcConfig cfg, DataSource source) {
    return Guice.createInjector(new LtcModule(cfg, source, memory("plugin")))
        .getInstance(BatchGenerator.class);
  }
}
