package org.ltcreports.web.pages;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * The plugin's servlets answer GET, HEAD, POST and OPTIONS only; any other method is a 405 with an
 * {@code Allow} header (HttpServlet's default for an unknown method such as PATCH is 501).
 */
abstract class KnownMethodsServlet extends HttpServlet {
  private static final Set<String> KNOWN = Set.of("GET", "HEAD", "POST", "OPTIONS");

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp)
      throws ServletException, IOException {
    if (!KNOWN.contains(req.getMethod())) {
      resp.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
      resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    super.service(req, resp);
  }
}
