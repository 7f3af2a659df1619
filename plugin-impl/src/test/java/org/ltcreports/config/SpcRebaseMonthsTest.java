package org.ltcreports.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code spc.rebase-months}: rebasing is configured, never automatic. */
class SpcRebaseMonthsTest {

  @Test
  void noRebasingUnlessConfigured() {
    assertThat(LtcConfig.defaults().measureSettings().spcRebaseMonths()).isEmpty();
  }

  @Test
  void readsTheConfiguredMonths() {
    Properties p = new Properties();
    p.setProperty("spc.rebase-months", "2026-03, 2025-11,");
    assertThat(LtcConfig.from(p).measureSettings().spcRebaseMonths())
        .containsExactlyInAnyOrder(YearMonth.of(2026, 3), YearMonth.of(2025, 11));
  }

  @Test
  void aMonthThatIsNotOneIsAConfigurationProblem() {
    Properties p = new Properties();
    p.setProperty("spc.rebase-months", "2026-13");
    assertThatThrownBy(() -> LtcConfig.from(p))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("spc.rebase-months must list months as YYYY-MM, got '2026-13'");
  }
}
