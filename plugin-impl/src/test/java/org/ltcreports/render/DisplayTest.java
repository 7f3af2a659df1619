package org.ltcreports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ValueKind;

class DisplayTest {

  @Test
  void roundsHalfUpOnTheDecimalAReaderWouldType() {
    assertThat(Display.number(4.85, ValueKind.RATE)).isEqualTo("4.9");
    assertThat(Display.number(4.849, ValueKind.RATE)).isEqualTo("4.8");
    assertThat(Display.number(1.005, ValueKind.RATIO)).isEqualTo("1.01");
    assertThat(Display.number(8452L, ValueKind.COUNT)).isEqualTo("8,452");
    assertThat(Display.number(1480.31, ValueKind.RATE)).isEqualTo("1,480.3");
    assertThat(Display.number(312L, ValueKind.DAYS)).isEqualTo("312");
    assertThat(Display.number(5.0, ValueKind.DAYS)).isEqualTo("5.0");
    assertThat(Display.number(null, ValueKind.COUNT)).isEqualTo("–");
  }

  @Test
  void eachNumberIsShownToItsOwnPlaces() {
    // the formats are made once per thread and number of places: one after another, each number
    // keeps its own places (1234.5 to 0 places is 1,235 half-up; to 2 places 1,234.50)
    assertThat(Display.fixed(1234.5, 0)).isEqualTo("1,235");
    assertThat(Display.fixed(1234.5, 2)).isEqualTo("1,234.50");
    assertThat(Display.fixed(1234.5, 1)).isEqualTo("1,234.5");
    assertThat(Display.fixed(1234.5, 0)).isEqualTo("1,235");
    assertThat(Display.fixed(-1234.5, 2)).isEqualTo("−1,234.50");
    // more places than any kind uses: 1.234565 to 5 places, half-up
    assertThat(Display.fixed(1.234565, 5)).isEqualTo("1.23457");
  }

  @Test
  void signedPercentagesCarryTheirSign() {
    assertThat(Display.signedPercent(9.375)).isEqualTo("+9.4%");
    assertThat(Display.signedPercent(-3.04)).isEqualTo("−3.0%");
    assertThat(Display.signedPercent(0.04)).isEqualTo("0.0%");
    assertThat(Display.percent(13.1147)).isEqualTo("13.1%");
  }

  @Test
  void valuesShowStarWhenSuppressedAndDashWhenNotComputable() {
    Report r = SampleReports.practice(Audience.PUBLIC);
    assertThat(Display.value(r, "reviews_avoidable")).isEqualTo("*");
    assertThat(Display.value(r, "readmission_pct")).isEqualTo("13.1%");
    assertThat(Display.value(r, "no_such_measure")).isNull();
    Report missing =
        r.withContent(
            Audience.PUBLIC,
            Map.of("ea_change_pct_yoy", MeasureValue.Num.missing()),
            List.of(),
            List.of(),
            List.of());
    assertThat(Display.value(missing, "ea_change_pct_yoy")).isEqualTo("–");
    assertThat(Display.shortMonth("2026-09")).isEqualTo("Sep 2026");
  }
}
