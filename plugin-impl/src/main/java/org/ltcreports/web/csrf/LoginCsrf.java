package org.ltcreports.web.csrf;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The sign-in form's protection against login CSRF (a page on another site posting the form to sign
 * the browser in as someone else) without a session before sign-in: the page sets a random token in
 * a {@code SameSite=Strict}, HttpOnly cookie and the same token in a hidden field; the sign-in
 * counts only when both arrive and match. Another site can neither read the cookie nor make the
 * browser send it with a cross-site post.
 */
public final class LoginCsrf {
  public static final String COOKIE = "LTC_LOGIN_CSRF";
  private static final SecureRandom RANDOM = new SecureRandom();

  private LoginCsrf() {}

  /** A new token, set in the cookie and returned for the form's hidden field. */
  public static String issue(HttpServletRequest req, HttpServletResponse resp) {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    Cookie c = new Cookie(COOKIE, token);
    c.setPath(req.getContextPath().isEmpty() ? "/" : req.getContextPath());
    c.setHttpOnly(true);
    c.setSecure(req.isSecure());
    c.setAttribute("SameSite", "Strict");
    resp.addCookie(c);
    return token;
  }

  /** Whether the cookie's token and the form's field are present and equal (constant time). */
  public static boolean matches(String cookie, String field) {
    if (cookie == null || field == null || cookie.isEmpty() || field.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(
        cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
  }
}
