package org.ltcreports.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * {@code generate.routed-reads}: whether a hub's month is read once and routed to its localities.
 */
class RoutedReadsSettingTest {

  @Test
  void onUnlessConfigured() {
    assertThat(LtcConfig.defaults().routedReads()).isTrue();
  }

  @Test
  void offWhenSetFalse() {
    Properties p = new Properties();
    p.setProperty("generate.routed-reads", " FALSE ");
    assertThat(LtcConfig.from(p).routedReads()).isFalse();
  }

  @Test
  void theFilesGoInTheTemporaryFolderUnlessConfigured() {
    assertThat(LtcConfig.defaults().routedFolder())
        .isEqualTo(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
    Properties p = new Properties();
    p.setProperty("generate.routed-folder", " /srv/ltc/spill ");
    assertThat(LtcConfig.from(p).routedFolder()).isEqualTo(java.nio.file.Path.of("/srv/ltc/spill"));
  }

  @Test
  void anythingButTrueOrFalseIsAConfigurationProblem() {
    Properties p = new Properties();
    p.setProperty("generate.routed-reads", "yes");
    assertThatThrownBy(() -> LtcConfig.from(p))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("generate.routed-reads must be true or false, got 'yes'");
  }
}
