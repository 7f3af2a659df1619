package org.ltcreports.web.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.api.spi.Role;
import org.ltcreports.web.csrf.CsrfTokens;

/**
 * One HTML page: the shared layout (skip link, header with the signed-in user and the navigation
 * the user's roles allow, main landmark, footer) around a body built with {@link Markup}. Every
 * value goes through the escaping builder; the layout itself only adds constants.
 */
public final class Page {
  private final String base;
  private final HostUser user;
  private final String csrf;
  private final String title;
  private final Markup body = new Markup();
  private int refreshSeconds;

  /**
   * @param base the context path and base path of the plugin's pages (links start with it)
   * @param user the signed-in user, or null (login and error pages)
   * @param csrf the session's CSRF token for forms, or null when the page has none
   */
  public Page(String base, HostUser user, String csrf, String title) {
    this.base = base;
    this.user = user;
    this.csrf = csrf;
    this.title = title;
  }

  public Markup body() {
    return body;
  }

  /** A progress page: reload every few seconds (no JavaScript needed). */
  public Page refreshEvery(int seconds) {
    this.refreshSeconds = seconds;
    return this;
  }

  /** Opens a POST form with the CSRF field; close it with {@code body().close("form")}. */
  public Markup postForm(String action, String... attributes) {
    String[] all = new String[attributes.length + 4];
    all[0] = "method";
    all[1] = "post";
    all[2] = "action";
    all[3] = action;
    System.arraycopy(attributes, 0, all, 4, attributes.length);
    body.open("form", all);
    body.empty("input", "type", "hidden", "name", CsrfTokens.FIELD, "value", csrf);
    return body;
  }

  public String render() {
    Markup m = new Markup();
    m.open("html", "lang", "en").open("head").empty("meta", "charset", "utf-8");
    m.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
    if (refreshSeconds > 0) {
      m.empty("meta", "http-equiv", "refresh", "content", String.valueOf(refreshSeconds));
    }
    m.el("title", title + " – LTC Reports");
    m.empty("link", "rel", "stylesheet", "href", base + "/static/ltc.css");
    m.close("head").open("body");
    m.a("#main", "Skip to main content", "class", "skip-link");
    m.open("header", "class", "site-header").open("div", "class", "wrap");
    m.a(base + "/", "LTC Reports", "class", "brand");
    if (user != null) {
      m.open("nav", "aria-label", "Main").open("ul");
      item(m, "/", "Home");
      if (user.has(Role.PRACTICE_USER)
          || user.has(Role.PRACTICE_LEAD)
          || user.has(Role.LOCALITY_MANAGER)
          || user.has(Role.COMMISSIONER)) {
        item(m, "/submissions", "Submissions");
      }
      if (user.has(Role.LOCALITY_MANAGER) || user.has(Role.COMMISSIONER)) {
        item(m, "/localities", "Locality overview");
      }
      if (user.has(Role.CASE_MANAGER)
          || user.has(Role.PRACTICE_USER)
          || user.has(Role.PRACTICE_LEAD)) {
        item(m, "/in-hospital", "In hospital now");
      }
      if (user.has(Role.CASE_MANAGER)) {
        item(m, "/team-activity", "Your team's activity");
      }
      if (user.has(Role.AUDITOR)) {
        item(m, "/audit", "Audit log");
      }
      m.close("ul").close("nav");
      m.open("div", "class", "user");
      m.text("Signed in as ").el("strong", user.name()).text(" (" + roles(user) + ")");
      if (csrf != null) {
        m.open("form", "method", "post", "action", base + "/logout", "class", "inline");
        m.empty("input", "type", "hidden", "name", CsrfTokens.FIELD, "value", csrf);
        m.el("button", "Sign out", "type", "submit", "class", "link-button");
        m.close("form");
      }
      m.close("div");
    }
    m.close("div").close("header");
    m.open("main", "id", "main", "class", "wrap", "tabindex", "-1");
    m.el("h1", title);
    m.add(body);
    m.close("main");
    m.open("footer", "class", "wrap")
        .text(
            "LTC Reports – figures are produced from the practice system's data extract; see each"
                + " report's footer for its rules and disclosure policy versions.");
    m.close("footer").close("body").close("html");
    return "<!DOCTYPE html>\n" + m;
  }

  private void item(Markup m, String path, String text) {
    m.open("li").a(base + path, text).close("li");
  }

  private static String roles(HostUser user) {
    StringBuilder s = new StringBuilder();
    for (Role r : Role.values()) {
      if (user.has(r)) {
        s.append(s.length() == 0 ? "" : ", ").append(r.name().toLowerCase().replace('_', ' '));
      }
    }
    return s.toString();
  }

  /** Writes the page with the security headers every page carries. */
  public void send(HttpServletResponse resp, int status) throws IOException {
    byte[] bytes = render().getBytes(StandardCharsets.UTF_8);
    resp.setStatus(status);
    resp.setContentType("text/html; charset=UTF-8");
    securityHeaders(resp);
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }

  /**
   * No caching of patient data, no framing by other sites, no MIME sniffing, and a content security
   * policy that allows only the plugin's own stylesheet and images (the embedded report carries its
   * own styles inline and is framed from the same origin).
   */
  public static void securityHeaders(HttpServletResponse resp) {
    resp.setHeader("Cache-Control", "no-store");
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setHeader("X-Frame-Options", "SAMEORIGIN");
    resp.setHeader("Referrer-Policy", "same-origin");
    resp.setHeader(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " script-src 'none'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'");
  }
}
