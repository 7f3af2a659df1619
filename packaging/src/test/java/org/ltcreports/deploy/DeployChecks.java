package org.ltcreports.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.ltcreports.deploy.host.SampleHostFilter;

/** The checks every deployment must pass, whatever the container. */
final class DeployChecks {
  private DeployChecks() {}

  /**
   * @param plugin the plugin's base URL, e.g. {@code http://127.0.0.1:8080/ltc-reports}
   * @param where a label for messages
   * @param log the server's log, shown when a check fails
   */
  static void plugin(String plugin, String where, java.util.function.Supplier<String> log) {
    DeployFixture f = DeployFixture.get();
    String report =
        plugin
            + "/api/reports/feedback?practice="
            + f.leadPractice()
            + "&month="
            + DeployFixture.MONTH
            + "&format=pdf";

    Http.Reply health = Http.get(plugin + "/api/health");
    assertThat(health.status())
        .as(where + ": GET /api/health without signing in\n%s\n%s", health.text(), log.get())
        .isEqualTo(200);
    assertThat(health.text()).as(where + ": health").contains("\"ok\":true");

    Http.Reply anonymous = Http.get(report);
    assertThat(anonymous.status()).as(where + ": a report without signing in").isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate"))
        .as(where + ": the container asks for credentials")
        .startsWith("Basic");

    Http.Reply clerk =
        Http.get(report, DeployFixture.CLERK, DeployFixture.password(DeployFixture.CLERK));
    assertThat(clerk.status()).as(where + ": a host user with no LTC Reports role").isEqualTo(403);
    assertThat(clerk.text())
        .as(where + ": the 403 must not be the report")
        .doesNotStartWith("%PDF");

    Http.Reply pdf =
        Http.get(report, DeployFixture.LEAD, DeployFixture.password(DeployFixture.LEAD));
    assertThat(pdf.status())
        .as(where + ": PRACTICE_LEAD downloads the PDF\n%s\n%s", pdf.text(), log.get())
        .isEqualTo(200);
    assertThat(pdf.contentType()).as(where + ": PDF content type").startsWith("application/pdf");
    assertThat(new String(Arrays.copyOf(pdf.body(), 5), StandardCharsets.ISO_8859_1))
        .as(where + ": PDF magic")
        .isEqualTo("%PDF-");
    assertThat(pdf.body().length).as(where + ": PDF size").isGreaterThan(1_000);

    Http.Reply home =
        Http.get(plugin + "/", DeployFixture.LEAD, DeployFixture.password(DeployFixture.LEAD));
    assertThat(home.status()).as(where + ": home page\n%s", home.text()).isEqualTo(200);
    assertThat(home.text()).as(where + ": home page").contains("LTC Reports");
  }

  /** The host keeps working beside the plugin, and its filter sees the plugin's requests. */
  static void host(String host, String plugin, String where) {
    Http.Reply index = Http.get(host + "/index.html");
    assertThat(index.status()).as(where + ": the host's own static page").isEqualTo(200);
    assertThat(index.text()).contains("Sample host");
    Http.Reply hello =
        Http.get(host + "/hello", DeployFixture.CLERK, DeployFixture.password(DeployFixture.CLERK));
    assertThat(hello.status())
        .as(where + ": the host's own servlet, for its own user")
        .isEqualTo(200);
    assertThat(hello.text()).contains("sample host says hello to clerk");
    Http.Reply health = Http.get(plugin + "/api/health");
    assertThat(health.header(SampleHostFilter.HEADER))
        .as(where + ": the host's filter on /* also saw the plugin's request")
        .isEqualTo("seen");
  }
}
