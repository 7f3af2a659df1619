package org.ltcreports.standalone;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.security.AuthenticationState;
import org.eclipse.jetty.security.ServerAuthException;
import org.eclipse.jetty.security.UserIdentity;
import org.eclipse.jetty.security.authentication.FormAuthenticator;
import org.eclipse.jetty.security.authentication.SessionAuthentication;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Session;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.URIUtil;
import org.ltcreports.audit.AuditAction;
import org.ltcreports.audit.AuditEvent;
import org.ltcreports.audit.AuditLog;
import org.ltcreports.audit.AuditOutcome;
import org.ltcreports.web.csrf.CsrfTokens;
import org.ltcreports.web.csrf.LoginCsrf;

/**
 * The standalone server's FORM sign-in (Jetty's {@link FormAuthenticator} with what a careful web
 * application adds):
 *
 * <ul>
 *   <li>no session for anyone who has not signed in: a page asks the browser to go to the sign-in
 *       page, an API call gets a 401 in JSON, and nothing is remembered (the original address is
 *       not kept; after signing in the user starts on the home page);
 *   <li>the sign-in form's CSRF token ({@link LoginCsrf}) must come back with the form;
 *   <li>wrong passwords are held back per account and per address ({@link LoginThrottle});
 *   <li>every sign-in and every refused one is an audit event ({@code LOGIN}, {@code LOGIN_FAILED}
 *       with the reason and the address).
 * </ul>
 */
final class StandaloneLogin extends FormAuthenticator {
  /** The longest user name kept in the audit log (the column is VARCHAR(200)). */
  private static final int MAX_NAME = 200;

  private final LoginThrottle throttle;
  private final AuditLog audit;

  StandaloneLogin(LoginThrottle throttle, AuditLog audit) {
    super("/login", "/login?error=1", false);
    this.throttle = throttle;
    this.audit = audit;
  }

  @Override
  public AuthenticationState validateRequest(Request request, Response response, Callback callback)
      throws ServerAuthException {
    String path = Request.getPathInContext(request);
    if (isJSecurityCheck(path)) {
      return signIn(request, response, callback);
    }
    Session session = request.getSession(false);
    if (session != null
        && session.getAttribute(SessionAuthentication.AUTHENTICATED_ATTRIBUTE) != null) {
      return super.validateRequest(request, response, callback);
    }
    if (path.startsWith("/api/")) {
      byte[] body =
          "{\"status\":401,\"error\":\"sign in first: this call needs a signed-in user\"}"
              .getBytes(StandardCharsets.UTF_8);
      response.setStatus(401);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=UTF-8");
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
      response.getHeaders().put("X-Content-Type-Options", "nosniff");
      response.write(true, ByteBuffer.wrap(body), callback);
      return AuthenticationState.SEND_FAILURE;
    }
    redirect(request, response, callback, "/login");
    return AuthenticationState.CHALLENGE;
  }

  private AuthenticationState signIn(Request request, Response response, Callback callback)
      throws ServerAuthException {
    if (!HttpMethod.POST.is(request.getMethod())) {
      redirect(request, response, callback, "/login");
      return AuthenticationState.CHALLENGE;
    }
    Fields form;
    try {
      form = FormFields.from(request).get();
    } catch (Exception e) {
      throw new ServerAuthException(e);
    }
    String name = form.getValue(__J_USERNAME);
    String password = form.getValue(__J_PASSWORD);
    String address = Request.getRemoteAddr(request);
    String shown = shownName(name);
    if (!LoginCsrf.matches(cookie(request), form.getValue(CsrfTokens.FIELD))) {
      return refuse(request, response, callback, shown, address, "form-expired", "expired");
    }
    if (throttle.heldBack(name, address)) {
      return refuse(request, response, callback, shown, address, "throttled", "throttled");
    }
    UserIdentity user =
        name == null || password == null ? null : login(name, password, request, response);
    if (user == null) {
      throttle.failed(name, address);
      return refuse(request, response, callback, shown, address, "wrong-password", "1");
    }
    throttle.succeeded(name);
    audit.record(
        AuditEvent.builder(shownName(user.getUserPrincipal().getName()), AuditAction.LOGIN)
            .parameter("address", address)
            .outcome(AuditOutcome.SUCCESS)
            .build());
    redirect(request, response, callback, "/");
    return new UserAuthenticationSent(getAuthenticationType(), user);
  }

  private AuthenticationState refuse(
      Request request,
      Response response,
      Callback callback,
      String name,
      String address,
      String reason,
      String error) {
    audit.record(
        AuditEvent.builder(name, AuditAction.LOGIN_FAILED)
            .parameter("reason", reason)
            .parameter("address", address)
            .outcome(AuditOutcome.FAILURE)
            .build());
    redirect(request, response, callback, "/login?error=" + error);
    return AuthenticationState.SEND_FAILURE;
  }

  private static void redirect(Request request, Response response, Callback callback, String to) {
    Response.sendRedirect(
        request, response, callback, URIUtil.addPaths(Request.getContextPath(request), to));
  }

  private static String cookie(Request request) {
    for (HttpCookie c : Request.getCookies(request)) {
      if (c.getName().equals(LoginCsrf.COOKIE)) {
        return c.getValue();
      }
    }
    return null;
  }

  /** The name as the audit log keeps it: as typed, cut to the column, "(none)" when empty. */
  private static String shownName(String name) {
    if (name == null || name.isBlank()) {
      return "(none)";
    }
    String n = name.strip();
    return n.length() > MAX_NAME ? n.substring(0, MAX_NAME) : n;
  }
}
