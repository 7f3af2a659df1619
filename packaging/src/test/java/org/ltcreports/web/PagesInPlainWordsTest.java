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
 * underscores ({@code POSSIBLY_AVOIDABLE}, {@code VIEW_PATIENT_LIST}) or a record's {@code
 * toString()} ({@code FigureDiff[changes=[]]}).
 */
class PagesInPlainWordsTest {
  static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z_]{5,}\\b");
  static final Pattern OBJECT = Pattern.compile("\\b[A-Z][A-Za-z]+\\[");
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
    assertThat(found).as("raw codes on " + user + "'s pages").isEmpty();
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

  static List<String> problems(String text) {
    List<String> out = new ArrayList<>();
    for (Pattern p : List.of(CODE, OBJECT)) {
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
