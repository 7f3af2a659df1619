package org.ltcreports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every page a person reads is in words: this crawler signs in as each of the six roles, follows
 * every link of the plugin's pages from home (not file downloads or the API) and fails on any raw
 * code or Java object left in the visible text — an upper-case token of 6 or more letters and
 * underscores ({@code POSSIBLY_AVOIDABLE}, {@code VIEW_PATIENT_LIST}), a record's {@code
 * toString()} ({@code FigureDiff[changes=[]]}), an ISO timestamp ({@code 2026-12-05T21:57:49Z}: a
 * person reads local time with its zone, "5 Dec 2026, 21:57 GMT") or an ISO month or date ({@code
 * 2026-11}, {@code 2026-11-30}: "November 2026", "Mon 30 Nov 2026"). Months and dates inside links'
 * addresses and form values are not visible text and are not checked.
 */
class PagesInPlainWordsTest {
  static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z_]{5,}\\b");
  static final Pattern OBJECT = Pattern.compile("\\b[A-Z][A-Za-z]+\\[");
  static final Pattern ISO_TIMESTAMP = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

  /** "2026-11" alone or as the start of "2026-11-30" (a year from 1900 to 2099, a month 01–12). */
  static final Pattern ISO_MONTH = Pattern.compile("\\b(19|20)\\d{2}-(0[1-9]|1[0-2])\\b");

  static final Pattern LINK = Pattern.compile("href=\"(/ltc-reports/[^\"#]*)\"");
  static final int MAX_PAGES = 60;

  @ParameterizedTest
  @ValueSource(strings = {"lead", "staff", "locality", "commissioner", "auditor", "casemanager"})
  void everyPageOfEveryRoleIsInWords(String user) throws Exception {
    WebTestServer s = WebTestServer.get();
    WebClient c = WebClient.signIn(s.base(), user, WebTestServer.PASSWORD);
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of("/"));
    List<String> found = new ArrayList<>();
    while (!todo.isEmpty() && seen.size() < MAX_PAGES) {
      String path = todo.poll();
      if (!seen.add(path)) {
        continue;
      }
      HttpResponse<byte[]> r = c.get(path);
      String type = r.headers().firstValue("Content-Type").orElse("");
      if (!type.startsWith("text/html")) {
        continue;
      }
      String html = c.text(r);
      for (String problem : problems(visibleText(html))) {
        found.add(path + " (" + r.statusCode() + "): " + problem);
      }
      Matcher m = LINK.matcher(html);
      while (m.find()) {
        String link = m.group(1).replace("&amp;", "&").substring("/ltc-reports".length());
        if (followed(link) && !seen.contains(link)) {
          todo.add(link);
        }
      }
    }
    assertThat(seen.size()).as("pages crawled for " + user).isGreaterThan(1);
    assertThat(found).as("raw codes or ISO times on " + user + "'s pages").isEmpty();
  }

  /** Pages, not files: no API, downloads, stored or draft files, exports, sign-out. */
  static boolean followed(String link) {
    return !link.startsWith("/api/")
        && !link.startsWith("/static/")
        && !link.contains("/download")
        && !link.contains("/versions/")
        && !link.contains("/draft/")
        && !link.contains(".csv")
        && !link.contains(".xlsx")
        && !link.contains(".pdf")
        && !link.contains("logout");
  }

  static String visibleText(String html) {
    return html.replaceAll("(?s)<(script|style|title)[^>]*>.*?</\\1>", " ")
        .replaceAll("(?s)<[^>]*>", " ")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
  }

  /**
   * A file's name ("2026-05-K83001-case-management-return-commissioner.pdf"): the name the file is
   * stored and downloaded under, an identifier rather than words, so its month is not flagged.
   */
  static final Pattern FILE_NAME = Pattern.compile("[\\w.-]+\\.(pdf|xlsx|csv|json|html|zip)\\b");

  static List<String> problems(String visible) {
    List<String> out = new ArrayList<>();
    String text = FILE_NAME.matcher(visible).replaceAll("<file>");
    for (Pattern p : List.of(CODE, OBJECT, ISO_TIMESTAMP, ISO_MONTH)) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        int from = Math.max(0, m.start() - 40);
        int to = Math.min(text.length(), m.end() + 40);
        out.add(
            "'" + m.group() + "' in …" + text.substring(from, to).replaceAll("\\s+", " ") + "…");
      }
    }
    return out;
  }
}
