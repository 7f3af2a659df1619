package org.ltcreports.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.ltcreports.web.csrf.CsrfTokens;
import org.ltcreports.web.csrf.LoginCsrf;

/**
 * The sign-in page of the standalone server's FORM login (the container checks the password: the
 * form posts to {@code j_security_check}). Inside a host container the host's own login is used and
 * this servlet is not registered.
 */
public final class LoginServlet extends KnownMethodsServlet {
  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String base = req.getContextPath();
    String error = req.getParameter("error");
    Page page = new Page(base, null, null, "Sign in");
    Markup m = page.body();
    if (error != null) {
      m.open("div", "class", "error", "role", "alert").el("p", problem(error)).close("div");
    }
    m.el("p", "Sign in with your LTC Reports account.");
    m.open("form", "method", "post", "action", base + "/j_security_check");
    m.empty(
        "input", "type", "hidden", "name", CsrfTokens.FIELD, "value", LoginCsrf.issue(req, resp));
    m.label("username", "User name");
    m.empty(
        "input",
        "type",
        "text",
        "id",
        "username",
        "name",
        "j_username",
        "autocomplete",
        "username",
        "required",
        "required",
        "autofocus",
        "autofocus");
    m.label("password", "Password");
    m.empty(
        "input",
        "type",
        "password",
        "id",
        "password",
        "name",
        "j_password",
        "autocomplete",
        "current-password",
        "required",
        "required");
    m.el("button", "Sign in", "type", "submit", "id", "sign-in");
    m.close("form");
    page.send(resp, error != null ? 401 : 200);
  }

  /** What went wrong with the last attempt, in words ({@code ?error=} of the sign-in handler). */
  static String problem(String error) {
    return switch (error) {
      case "throttled" ->
          "Too many failed sign-ins for this account or from this computer. Wait a few minutes"
              + " and try again.";
      case "expired" -> "The sign-in form had expired. Please sign in again.";
      default -> "The user name or password is wrong.";
    };
  }
}
