package org.ltcreports.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.web.csrf.CsrfTokens;

/**
 * One request to a page: the request and response, the signed-in user, the plugin's base URL and
 * the path below it split into segments.
 */
public record Exchange(
    HttpServletRequest req, HttpServletResponse resp, HostUser user, String base, String path) {

  public List<String> segments() {
    return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
  }

  public Page page(String title) {
    return new Page(base, user, CsrfTokens.token(req), title);
  }

  public String param(String name) {
    String v = req.getParameter(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  public void redirect(String pathBelowBase) throws java.io.IOException {
    resp.setStatus(303);
    resp.setHeader("Location", base + pathBelowBase);
  }
}
