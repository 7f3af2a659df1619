package org.ltcreports.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs an HTTP client in the way a browser does: opens the sign-in page (which sets the login
 * form's CSRF cookie and puts the same token in the form) and posts the form with that token.
 */
public final class LoginForm {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private LoginForm() {}

  /** The token of the sign-in form the client was just given (empty when the form has none). */
  public static String token(HttpClient client, String base)
      throws IOException, InterruptedException {
    HttpResponse<String> page =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = CSRF.matcher(page.body());
    return m.find() ? m.group(1) : "";
  }

  /** Posts the sign-in form with the page's token; the response as the client received it. */
  public static HttpResponse<String> signIn(
      HttpClient client, String base, String user, String password)
      throws IOException, InterruptedException {
    return post(client, base, user, password, token(client, base));
  }

  /** Posts the sign-in form with the given token ("" for none). */
  public static HttpResponse<String> post(
      HttpClient client, String base, String user, String password, String token)
      throws IOException, InterruptedException {
    String body =
        "j_username="
            + enc(user)
            + "&j_password="
            + enc(password)
            + (token.isEmpty() ? "" : "&_csrf=" + enc(token));
    return client.send(
        HttpRequest.newBuilder(URI.create(base + "/j_security_check"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }
}
