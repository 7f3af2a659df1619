package org.ltcreports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ltcreports.render.returns.ReturnLayout;

/**
 * Issue 20: the return page's figure table showed every flattened cell of the report with labels
 * made from ids ("ba comparison did lcl95", the internal locality-beside-practice table). It now
 * shows the return's own rows with the labels of the return PDF and workbook ({@link ReturnLayout},
 * the one list), last month beside this month. Read only (a GET), so any month will do: the month
 * before the latest.
 */
class ReturnFiguresPageTest {
  /** A label that reads like an id: an underscore or slash, or an id's abbreviations as words. */
  static final Pattern ID_LIKE =
      Pattern.compile("[_/]|\\b(ba|lcl95|ucl95|ea|pct|wte|id|cm|dq)\\b", Pattern.CASE_INSENSITIVE);

  static final Pattern ROW_HEADER =
      Pattern.compile("<th scope=\"row\"[^>]*>([^<]*)</th>", Pattern.DOTALL);

  @Test
  void theFiguresAreTheReturnsRowsUnderTheReturnsLabels() throws Exception {
    WebTestServer s = WebTestServer.get();
    WebClient lead = WebClient.signIn(s.base(), "lead", WebTestServer.PASSWORD);
    YearMonth month = s.month.minusMonths(1);
    String page = lead.text(lead.get("/practices/" + s.practiceA + "/returns/" + month));
    String table = page.substring(page.indexOf("id=\"return-figures\""));
    table = table.substring(0, table.indexOf("</table>"));

    List<String> labels = new ArrayList<>();
    Matcher m = ROW_HEADER.matcher(table);
    while (m.find()) {
      labels.add(PagesInPlainWordsTest.visibleText(m.group(1)).trim());
    }
    List<String> idLike = labels.stream().filter(l -> ID_LIKE.matcher(l).find()).toList();
    assertThat(idLike).as("figure labels that read like ids").isEmpty();

    List<String> layout =
        ReturnLayout.lines().stream()
            .filter(l -> !l.isHeading())
            .map(ReturnLayout.Line::label)
            .toList();
    assertThat(labels).as("the rows and labels of the return PDF and workbook").isEqualTo(layout);
    // last month beside this month, headed in words
    assertThat(table)
        .contains(
            "<th scope=\"col\" class=\"num\">"
                + org.ltcreports.words.PeopleTime.month(month)
                + "</th>")
        .contains(
            "<th scope=\"col\" class=\"num\">"
                + org.ltcreports.words.PeopleTime.month(month.minusMonths(1))
                + "</th>");
  }
}
