package org.ltcreports.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code source.read-connections}: how many connections one read of the source uses. */
class ReadConnectionsTest {

  @Test
  void twoUnlessConfigured() {
    assertThat(LtcConfig.defaults().readConnections()).isEqualTo(2);
  }

  @Test
  void oneForAPoolThatLendsOne() {
    Properties p = new Properties();
    p.setProperty("source.read-connections", " 1 ");
    assertThat(LtcConfig.from(p).readConnections()).isEqualTo(1);
  }

  @Test
  void noneOrNotANumberIsAConfigurationProblem() {
    Properties none = new Properties();
    none.setProperty("source.read-connections", "0");
    assertThatThrownBy(() -> LtcConfig.from(none))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("source.read-connections must be at least 1, got 0");
    Properties words = new Properties();
    words.setProperty("source.read-connections", "two");
    assertThatThrownBy(() -> LtcConfig.from(words))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("source.read-connections must be a whole number, got 'two'");
  }
}
