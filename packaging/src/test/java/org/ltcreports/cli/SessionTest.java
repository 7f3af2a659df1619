package org.ltcreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.standalone.DemoDatabase;

/**
 * The embedded demo starts its monthly round with its data's latest month (issue 20: without it,
 * home opened with eleven "Overdue" returns per practice), unless the configuration says otherwise.
 */
class SessionTest {
  static final DemoDatabase DEMO =
      new DemoDatabase(
          "jdbc:h2:mem:x", "ltc", "secret", Path.of("trim.csv"), YearMonth.of(2026, 11));

  static LtcConfig config(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return LtcConfig.from(p);
  }

  @Test
  void theDemoExpectsReturnsFromItsLatestMonth() {
    LtcConfig cfg = config();
    LtcConfig demo = cfg.with(Session.demoKeys(cfg, DEMO, Map.of()));
    assertThat(demo.returnPolicy().firstMonth()).isEqualTo(YearMonth.of(2026, 11));
    assertThat(demo.returnPolicy().expects(YearMonth.of(2026, 10))).isFalse();
  }

  @Test
  void aConfiguredFirstMonthWins() {
    LtcConfig cfg = config("returns.first-month", "2026-06");
    LtcConfig demo = cfg.with(Session.demoKeys(cfg, DEMO, Map.of()));
    assertThat(demo.returnPolicy().firstMonth()).isEqualTo(YearMonth.of(2026, 6));
  }

  @Test
  void aDemoMadeBeforeTheMonthWasRecordedExpectsEveryMonth() {
    DemoDatabase older =
        new DemoDatabase(DEMO.jdbcUrl(), DEMO.user(), DEMO.password(), DEMO.trimPoints(), null);
    LtcConfig cfg = config();
    assertThat(cfg.with(Session.demoKeys(cfg, older, Map.of())).returnPolicy().firstMonth())
        .isNull();
  }
}
