package org.ltcreports.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A signed-in browser-like HTTP client (cookies, no automatic redirects) for servlet tests. */
public final class WebClient {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  final HttpClient http;
  private final String base;

  private WebClient(String base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** Not signed in. */
  public static WebClient anonymous(String base) {
    return new WebClient(base);
  }

  /** Signed in through the FORM login. */
  public static WebClient signIn(String base, String user, String password) throws Exception {
    WebClient c = new WebClient(base);
    HttpResponse<String> r = LoginForm.signIn(c.http, base, user, password);
    if (r.statusCode() != 302 && r.statusCode() != 303) {
      throw new IllegalStateException("sign-in of " + user + " answered " + r.statusCode());
    }
    String location = r.headers().firstValue("Location").orElse("");
    if (location.contains("error")) {
      throw new IllegalStateException("sign-in of " + user + " was refused");
    }
    return c;
  }

  public HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  public String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  /** The session's CSRF token, as a page's forms carry it. */
  public String csrf() throws Exception {
    String page = text(get("/"));
    Matcher m = CSRF.matcher(page);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on the home page");
    }
    return m.group(1);
  }

  /** POSTs a form (name, value, name, value, …). */
  public HttpResponse<byte[]> postForm(String path, List<String> fields)
      throws IOException, InterruptedException {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < fields.size(); i += 2) {
      parts.add(
          URLEncoder.encode(fields.get(i), StandardCharsets.UTF_8)
              + "="
              + URLEncoder.encode(fields.get(i + 1), StandardCharsets.UTF_8));
    }
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(String.join("&", parts)))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
