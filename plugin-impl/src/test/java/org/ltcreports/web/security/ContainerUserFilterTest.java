package org.ltcreports.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.api.spi.Role;

class ContainerUserFilterTest {
  /** What a fake request/response pair saw. */
  static final class Exchange {
    String servletPath = "/ltc-reports/api";
    String pathInfo = "/reports/feedback";
    String user;
    Set<String> roles = Set.of();
    boolean authenticateSignsIn;
    boolean noLoginMethod;
    int status = 200;
    boolean chained;
    final Map<String, Object> attributes = new HashMap<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();

    HttpServletRequest request() {
      return (HttpServletRequest)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {HttpServletRequest.class},
              (p, m, a) ->
                  switch (m.getName()) {
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getRequestURI" -> servletPath + pathInfo;
                    case "getUserPrincipal" -> user == null ? null : (Principal) () -> user;
                    case "isUserInRole" -> user != null && roles.contains((String) a[0]);
                    case "authenticate" -> {
                      if (noLoginMethod) {
                        yield true;
                      }
                      if (authenticateSignsIn) {
                        user = "late";
                        yield true;
                      }
                      status = 401;
                      yield false;
                    }
                    case "setAttribute" -> attributes.put((String) a[0], a[1]);
                    case "getAttribute" -> attributes.get((String) a[0]);
                    default -> null;
                  });
    }

    HttpServletResponse response() {
      ServletOutputStream out =
          new ServletOutputStream() {
            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setWriteListener(WriteListener l) {}

            @Override
            public void write(int b) {
              body.write(b);
            }
          };
      return (HttpServletResponse)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (p, m, a) -> {
                if (m.getName().equals("setStatus")) {
                  status = (Integer) a[0];
                } else if (m.getName().equals("getOutputStream")) {
                  return out;
                }
                return null;
              });
    }

    Exchange run() throws Exception {
      FilterChain chain = (rq, rs) -> chained = true;
      new ContainerUserFilter(MappedUserDirectory.empty(), "/ltc-reports")
          .doFilter(request(), response(), chain);
      return this;
    }
  }

  @Test
  void healthCheckIsOpen() throws Exception {
    Exchange e = new Exchange();
    e.pathInfo = "/health";
    assertThat(e.run().chained).isTrue();
  }

  @Test
  void signedInUserWithAPluginRoleIsPutOnTheRequest() throws Exception {
    Exchange e = new Exchange();
    e.user = "pat";
    e.roles = Set.of("PRACTICE_USER");
    e.run();
    assertThat(e.chained).isTrue();
    assertThat(e.attributes.get(ContainerUsers.ATTRIBUTE))
        .isInstanceOfSatisfying(
            HostUser.class, u -> assertThat(u.roles()).containsExactly(Role.PRACTICE_USER));
  }

  @Test
  void userWithoutAPluginRoleGetsA403() throws Exception {
    Exchange e = new Exchange();
    e.user = "clerk";
    e.roles = Set.of("host-user");
    e.run();
    assertThat(e.chained).isFalse();
    assertThat(e.status).isEqualTo(403);
    assertThat(e.body.toString(StandardCharsets.UTF_8))
        .contains("\"status\":403", "no LTC Reports role");
  }

  @Test
  void noUserAsksTheContainerToAuthenticate() throws Exception {
    Exchange e = new Exchange();
    e.run();
    assertThat(e.chained).isFalse();
    assertThat(e.status).as("the container's challenge").isEqualTo(401);

    Exchange late = new Exchange();
    late.authenticateSignsIn = true;
    late.roles = Set.of("AUDITOR");
    late.run();
    assertThat(late.chained).isTrue();
  }

  @Test
  void withoutALoginMethodNobodyGetsIn() throws Exception {
    // A container with no login method lets authenticate() succeed with nobody signed in.
    Exchange fake = new Exchange();
    fake.noLoginMethod = true;
    fake.servletPath = "/ltc-reports";
    fake.pathInfo = "/";
    fake.run();
    assertThat(fake.chained).isFalse();
    assertThat(fake.status).isEqualTo(403);
    assertThat(fake.body.toString(StandardCharsets.UTF_8)).contains("no login method");
  }
}
