package org.ltcreports.web.csrf;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URLDecoder;
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
   * Whether the request carries the session's token (header first, then the form body). False
   * without a session: a forged request from another site has no way to know the token. A token in
   * the query string never counts (addresses end up in logs, history and Referer headers), and a
   * request that puts one there is refused outright.
   */
  public static boolean valid(HttpServletRequest req) {
    if (inQueryString(req.getQueryString())) {
      return false;
    }
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

  /** Whether the query string names the token field (in any URL encoding of its name). */
  static boolean inQueryString(String query) {
    if (query == null) {
      return false;
    }
    for (String pair : query.split("&")) {
      String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
      try {
        if (URLDecoder.decode(name, StandardCharsets.UTF_8).equals(FIELD)) {
          return true;
        }
      } catch (IllegalArgumentException e) {
        // not a name that decodes: not the token's
      }
    }
    return false;
  }

  /**
   * Whether a browser says the request comes from this server's own pages: true when there is no
   * {@code Origin} header (older browsers, API clients; the token decides), false when it names
   * another origin. Checked before a multipart body is read, whose token lies inside the body.
   */
  public static boolean sameOrigin(HttpServletRequest req) {
    String origin = req.getHeader("Origin");
    if (origin == null) {
      return true;
    }
    String host = req.getHeader("Host");
    try {
      java.net.URI o = java.net.URI.create(origin);
      String authority = o.getRawAuthority();
      return host != null && authority != null && authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
