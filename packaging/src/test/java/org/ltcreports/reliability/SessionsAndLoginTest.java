package org.ltcreports.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.audit.AuditEntry;
import org.ltcreports.audit.AuditLog;
import org.ltcreports.audit.AuditQuery;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.fixtures.HandBuiltDatasets;
import org.ltcreports.standalone.StandaloneSecurity;
import org.ltcreports.standalone.StandaloneServer;
import org.ltcreports.web.LoginForm;
import org.ltcreports.wiring.LtcModule;

/**
 * Issue 18 findings 4, 5 and 6 against the standalone server (a server of its own per test, over
 * the bad-data corpus): no session for anonymous requests, the session cookie's flags, no session
 * ids in URLs, the idle timeout, the login form's CSRF token, throttling of wrong passwords per
 * account and per address, and an audit event for every sign-in and failed sign-in.
 */
class SessionsAndLoginTest {
  @TempDir Path dir;

  record Running(StandaloneServer server, Injector injector, String root) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      server.close();
    }

    List<AuditEntry> events(String user) {
      return injector.getInstance(AuditLog.class).query(AuditQuery.all().user(user));
    }
  }

  Running start(Map<String, String> config) throws Exception {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL("jdbc:h2:mem:sessions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = source.getConnection()) {
      HandBuiltDatasets.loadUnconstrained(c, HandBuiltDatasets.BAD_DATA, false);
    }
    JdbcDataSource plugin = new JdbcDataSource();
    plugin.setURL("jdbc:h2:mem:sessions-plugin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Injector injector =
        Guice.createInjector(new LtcModule(LtcConfig.defaults().with(config), source, plugin));
    Path users =
        Files.writeString(
            dir.resolve("users-" + UUID.randomUUID() + ".properties"),
            "lead: lead-test, PRACTICE_LEAD, PRACTICE_USER\ntarget: target-test, PRACTICE_USER\n");
    Path scopes =
        Files.writeString(
            dir.resolve("scopes-" + UUID.randomUUID() + ".properties"),
            "user.lead.practices = G1\nuser.target.practices = G1\n");
    StandaloneServer server =
        StandaloneServer.start(injector, 0, "", StandaloneSecurity.of(users, scopes));
    return new Running(server, injector, "http://127.0.0.1:" + server.port());
  }

  static HttpClient client() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  static HttpResponse<String> get(HttpClient c, String url) throws Exception {
    return c.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static boolean signedIn(HttpClient c, String root) throws Exception {
    return get(c, root + "/").statusCode() == 200;
  }

  static List<String> sessionCookies(HttpResponse<?> r) {
    return r.headers().allValues("Set-Cookie").stream()
        .filter(v -> v.startsWith("JSESSIONID"))
        .toList();
  }

  /**
   * Finding 4: 2,000 anonymous requests (pages, API, with a 4 KB query string, and the login page)
   * create no session: not one answer sets a session cookie.
   */
  @Test
  void anonymousRequestsCreateNoSession() throws Exception {
    try (Running s = start(Map.of())) {
      HttpClient anon = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
      String q = "q=" + "a".repeat(4096);
      List<String> paths =
          List.of(
              "/?" + q,
              "/practices/G1/feedback?" + q,
              "/api/reports/feedback?practice=G1&month=2026-10&" + q,
              "/login");
      int cookies = 0;
      for (int i = 0; i < 2_000; i++) {
        cookies += sessionCookies(get(anon, s.root() + paths.get(i % paths.size()))).size();
      }
      assertThat(cookies).as("session cookies set for 2,000 anonymous requests").isZero();
    }
  }

  /**
   * Finding 5: the session cookie is HttpOnly and SameSite=Lax (Secure when configured); no
   * redirect carries a session id, and an id in the URL signs no one in.
   */
  @Test
  void sessionCookieFlagsAndNoSessionIdsInUrls() throws Exception {
    try (Running s = start(Map.of())) {
      HttpClient lead = client();
      HttpResponse<String> in = LoginForm.signIn(lead, s.root(), "lead", "lead-test");
      List<String> set = sessionCookies(in);
      assertThat(set).as("the sign-in sets the session cookie").isNotEmpty();
      String cookie = set.get(set.size() - 1);
      assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
      assertThat(cookie).doesNotContain("Secure");
      assertThat(in.headers().firstValue("Location").orElse("")).doesNotContain(";jsessionid");
      assertThat(signedIn(lead, s.root())).isTrue();

      HttpResponse<String> anon = get(HttpClient.newHttpClient(), s.root() + "/");
      assertThat(anon.headers().firstValue("Location").orElse("")).doesNotContain("jsessionid");

      String id =
          ((CookieManager) lead.cookieHandler().orElseThrow())
              .getCookieStore().getCookies().stream()
                  .filter(k -> k.getName().equals("JSESSIONID"))
                  .map(HttpCookie::getValue)
                  .findFirst()
                  .orElseThrow();
      HttpClient stranger =
          HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
      HttpResponse<String> page = get(stranger, s.root() + "/;jsessionid=" + id);
      assertThat(page.statusCode()).as("a session id in the URL").isNotEqualTo(200);
      assertThat(page.body()).doesNotContain("Sign out");
      HttpResponse<String> api = get(stranger, s.root() + "/api/csrf;jsessionid=" + id);
      assertThat(api.statusCode()).isEqualTo(401);
      assertThat(api.body()).doesNotContain("token\"");
    }
    try (Running s = start(Map.of("session.cookie-secure", "true"))) {
      HttpResponse<String> in = LoginForm.signIn(client(), s.root(), "lead", "lead-test");
      assertThat(sessionCookies(in)).isNotEmpty().allMatch(c -> c.contains("Secure"));
    }
  }

  /** Finding 4: a session idle for longer than {@code session.idle-timeout} is signed out. */
  @Test
  void idleSessionsExpire() throws Exception {
    try (Running s = start(Map.of("session.idle-timeout", "2s"))) {
      HttpClient lead = client();
      LoginForm.signIn(lead, s.root(), "lead", "lead-test");
      assertThat(signedIn(lead, s.root())).isTrue();
      Thread.sleep(1_000);
      assertThat(signedIn(lead, s.root())).as("used again within 2 s").isTrue();
      Thread.sleep(3_500);
      HttpResponse<String> after = get(lead, s.root() + "/");
      assertThat(after.statusCode()).as("after 3.5 s idle").isIn(302, 303);
      assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login");
    }
  }

  /**
   * Finding 6: the login form carries a CSRF token (cookie + field): a post without it, with a
   * forged one, or from a client that never opened the form does not sign in, even with the right
   * password.
   */
  @Test
  void theLoginFormNeedsItsToken() throws Exception {
    try (Running s = start(Map.of())) {
      HttpClient c = client();
      String token = LoginForm.token(c, s.root());
      assertThat(token).as("the sign-in form has a token").isNotEmpty();
      LoginForm.post(c, s.root(), "lead", "lead-test", "");
      assertThat(signedIn(c, s.root())).as("no token").isFalse();
      LoginForm.post(c, s.root(), "lead", "lead-test", "forged" + token);
      assertThat(signedIn(c, s.root())).as("forged token").isFalse();
      // a cross-site form: the token of someone else's page, without the cookie of the form
      HttpClient other = client();
      LoginForm.post(other, s.root(), "lead", "lead-test", token);
      assertThat(signedIn(other, s.root())).as("another browser's token").isFalse();
      LoginForm.signIn(c, s.root(), "lead", "lead-test");
      assertThat(signedIn(c, s.root())).as("the form as given").isTrue();
    }
  }

  /**
   * Finding 6: 50 wrong passwords for one account, then the right one: refused (the account is held
   * back); every attempt, failed or refused, is an audit event; a sign-in too.
   */
  @Test
  void wrongPasswordsAreThrottledPerAccountAndAudited() throws Exception {
    try (Running s = start(Map.of())) {
      HttpClient c = client();
      for (int i = 0; i < 50; i++) {
        HttpResponse<String> r = LoginForm.signIn(c, s.root(), "target", "wrong-" + i);
        assertThat(r.headers().firstValue("Location").orElse("")).contains("error");
      }
      HttpResponse<String> right = LoginForm.signIn(c, s.root(), "target", "target-test");
      assertThat(right.headers().firstValue("Location").orElse("")).contains("error");
      assertThat(signedIn(c, s.root())).as("the right password after 50 wrong ones").isFalse();
      HttpResponse<String> page = get(c, s.root() + right.headers().firstValue("Location").get());
      assertThat(page.body()).contains("Too many failed sign-ins");
      List<AuditEntry> failed =
          s.events("target").stream().filter(e -> e.action().equals("LOGIN_FAILED")).toList();
      assertThat(failed).as("an audit event per attempt").hasSize(51);
      assertThat(failed.get(0).parametersJson()).contains("wrong-password");
      assertThat(failed.get(50).parametersJson()).contains("throttled");
      // another account from the same address is not held back by this one
      HttpClient lead = client();
      LoginForm.signIn(lead, s.root(), "lead", "lead-test");
      assertThat(signedIn(lead, s.root())).isTrue();
      assertThat(s.events("lead")).anyMatch(e -> e.action().equals("LOGIN"));
    }
  }

  /** Finding 6: wrong passwords for many accounts from one address hold the address back. */
  @Test
  void wrongPasswordsAreThrottledPerAddress() throws Exception {
    try (Running s = start(Map.of())) {
      for (int i = 0; i < 25; i++) {
        LoginForm.signIn(client(), s.root(), "guess" + i, "wrong");
      }
      HttpClient lead = client();
      HttpResponse<String> r = LoginForm.signIn(lead, s.root(), "lead", "lead-test");
      assertThat(r.headers().firstValue("Location").orElse("")).contains("error");
      assertThat(signedIn(lead, s.root())).isFalse();
    }
  }
}
