package org.ltcreports.web.csrf;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Synchroniser tokens against cross-site request forgery: one random token per HTTP session, put in
 * every form as the hidden field {@value #FIELD} (and available to API clients from {@code GET
 * /api/csrf}, sent back as the header {@value #HEADER}). Every state-changing request must carry
 * the session's token; a missing or different token is refused (403) before anything else happens.
 * The comparison takes constant time.
 */
public final class CsrfTokens {
  public static final String FIELD = "_csrf";
  public static final String HEADER = "X-CSRF-Token";
  static final String SESSION_KEY = "org.ltcreports.csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  private CsrfTokens() {}

  /** The session's token, created with the session when there is none yet. */
  public static String token(HttpServletRequest req) {
    HttpSession session = req.getSession(true);
    synchronized (session) {
      Object t = session.getAttribute(SESSION_KEY);
      if (t instanceof String s) {
        return s;
      }
      byte[] b = new byte[32];
      RANDOM.nextBytes(b);
      String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
      session.setAttribute(SESSION_KEY, token);
      return token;
    }
  }

  /**
   * Whether the request carries the session's token (header first, then the form field). False
   * without a session: a forged request from another site has no way to know the token.
   */
  public static boolean valid(HttpServletRequest req) {
    HttpSession session = req.getSession(false);
    if (session == null) {
      return false;
    }
    Object expected = session.getAttribute(SESSION_KEY);
    if (!(expected instanceof String e)) {
      return false;
    }
    String sent = req.getHeader(HEADER);
    if (sent == null || sent.isEmpty()) {
      sent = req.getParameter(FIELD);
    }
    if (sent == null || sent.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(
        e.getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII));
  }
}
