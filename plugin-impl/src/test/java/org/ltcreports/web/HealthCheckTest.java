package org.ltcreports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.ltcreports.fixtures.HandBuiltDatasets;
import org.ltcreports.source.SourceTables;
import org.ltcreports.store.PluginDatabase;

/** {@code /api/health} answers, with the reason, whichever database is down. */
class HealthCheckTest {
  @Test
  void answersOkWhenBothDatabasesAnswerAndNotOkWhenThePluginDatabaseIsDown() throws Exception {
    JdbcDataSource source = memory(UUID.randomUUID().toString());
    try (Connection c = source.getConnection()) {
      HandBuiltDatasets.load(c, HandBuiltDatasets.GOLDEN_ADMISSIONS);
    }
    JdbcDataSource pluginDs = memory(UUID.randomUUID().toString());
    HealthCheck health =
        new HealthCheck(source, SourceTables.defaults(), PluginDatabase.migrate(pluginDs));

    assertThat(health.status())
        .containsEntry("ok", true)
        .containsEntry("database_reachable", true)
        .containsEntry("schema_valid", true)
        .containsEntry("plugin_database_reachable", true)
        .containsEntry("migrations_applied", true);

    // The plugin database goes away (a name that does not exist, opened only if it exists).
    pluginDs.setURL("jdbc:h2:mem:gone-" + UUID.randomUUID() + ";IFEXISTS=TRUE");
    Map<String, Object> down = health.status();
    assertThat(down)
        .containsEntry("ok", false)
        .containsEntry("database_reachable", true)
        .containsEntry("plugin_database_reachable", false)
        .containsEntry("migrations_applied", true);
  }

  @Test
  void sourceDatabaseDownIsNotOk() {
    JdbcDataSource source = memory(UUID.randomUUID().toString());
    source.setURL("jdbc:h2:mem:gone-" + UUID.randomUUID() + ";IFEXISTS=TRUE");
    HealthCheck health =
        new HealthCheck(
            source,
            SourceTables.defaults(),
            PluginDatabase.migrate(memory(UUID.randomUUID().toString())));
    assertThat(health.status())
        .containsEntry("ok", false)
        .containsEntry("database_reachable", false)
        .containsEntry("plugin_database_reachable", true);
  }

  private static JdbcDataSource memory(String name) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    return ds;
  }
}
