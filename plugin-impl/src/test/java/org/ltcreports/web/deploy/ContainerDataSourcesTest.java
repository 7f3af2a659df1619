package org.ltcreports.web.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.ltcreports.config.ConfigException;
import org.ltcreports.config.LtcConfig;

class ContainerDataSourcesTest {
  static final DataSource JNDI_SOURCE = JdbcConnectionPool.create("jdbc:h2:mem:cds-source", "", "");
  static final DataSource JNDI_PLUGIN = JdbcConnectionPool.create("jdbc:h2:mem:cds-plugin", "", "");

  static LtcConfig config(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return LtcConfig.from(p);
  }

  static ContainerDataSources.Jndi jndi(Map<String, DataSource> bound) {
    return name -> Optional.ofNullable(bound.get(name));
  }

  static DataSource unwrap(DataSource ds) {
    return ds instanceof ContainerDataSources.Writable w ? w.delegate() : ds;
  }

  @Test
  void jndiFirst() {
    try (ContainerDataSources ds =
        ContainerDataSources.open(
            config("source.jdbc-url", "jdbc:h2:mem:unused"),
            jndi(Map.of(LtcConfig.DEFAULT_JNDI, JNDI_SOURCE)))) {
      assertThat(ds.source()).isSameAs(JNDI_SOURCE);
      assertThat(unwrap(ds.plugin()))
          .as("plugin tables beside the source by default")
          .isSameAs(JNDI_SOURCE);
    }
  }

  @Test
  void fallsBackToThePropertiesFile() {
    try (ContainerDataSources ds =
        ContainerDataSources.open(
            config("source.jdbc-url", "jdbc:h2:mem:cds-fallback"), jndi(Map.of()))) {
      assertThat(ds.source()).isInstanceOf(JdbcConnectionPool.class);
    }
  }

  @Test
  void noJndiAndNoUrlIsOneClearProblem() {
    assertThatThrownBy(() -> ContainerDataSources.open(config(), jndi(Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("java:comp/env/jdbc/ltcSource is not bound")
        .hasMessageContaining("source.jdbc-url");
  }

  @Test
  void pluginTablesFromTheirOwnJndiNameWhenBound() {
    try (ContainerDataSources ds =
        ContainerDataSources.open(
            config(),
            jndi(
                Map.of(
                    LtcConfig.DEFAULT_JNDI,
                    JNDI_SOURCE,
                    ContainerDataSources.DEFAULT_PLUGIN_JNDI,
                    JNDI_PLUGIN)))) {
      assertThat(unwrap(ds.plugin())).isSameAs(JNDI_PLUGIN);
    }
  }

  @Test
  void pluginTablesFromConfiguredJndiOrUrl() {
    Map<String, DataSource> bound =
        new HashMap<>(
            Map.of(LtcConfig.DEFAULT_JNDI, JNDI_SOURCE, "java:comp/env/jdbc/other", JNDI_PLUGIN));
    try (ContainerDataSources ds =
        ContainerDataSources.open(config("plugin.jndi", "java:comp/env/jdbc/other"), jndi(bound))) {
      assertThat(unwrap(ds.plugin())).isSameAs(JNDI_PLUGIN);
    }
    try (ContainerDataSources ds =
        ContainerDataSources.open(config("plugin.jdbc-url", "jdbc:h2:mem:cds-own"), jndi(bound))) {
      assertThat(unwrap(ds.plugin())).isInstanceOf(JdbcConnectionPool.class);
    }
  }

  @Test
  void pluginConnectionsAreNeverReadOnly() throws Exception {
    boolean[] readOnly = {true};
    Connection fake =
        (Connection)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, m, args) -> {
                  switch (m.getName()) {
                    case "isReadOnly":
                      return readOnly[0];
                    case "setReadOnly":
                      readOnly[0] = (Boolean) args[0];
                      return null;
                    default:
                      return null;
                  }
                });
    DataSource pool =
        (DataSource)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, m, args) -> m.getName().equals("getConnection") ? fake : null);
    try (ContainerDataSources ds =
        ContainerDataSources.open(config(), jndi(Map.of(LtcConfig.DEFAULT_JNDI, pool)))) {
      assertThat(ds.plugin().getConnection().isReadOnly()).isFalse();
    }
  }

  @Test
  void basePaths() {
    assertThat(BasePath.normalize(null)).isEmpty();
    assertThat(BasePath.normalize("/")).isEmpty();
    assertThat(BasePath.normalize("/ltc-reports")).isEqualTo("/ltc-reports");
    assertThat(BasePath.normalize(" /ltc-reports/* ")).isEqualTo("/ltc-reports");
    assertThat(BasePath.normalize("/a/b/")).isEqualTo("/a/b");
    assertThatThrownBy(() -> BasePath.normalize("reports")).isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> BasePath.normalize("/re*ports")).isInstanceOf(ConfigException.class);
  }
}
