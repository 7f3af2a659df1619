package org.ltcreports.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Serves the one stylesheet ({@code static/ltc.css}); it holds no data, so it needs no user. */
public final class StaticServlet extends KnownMethodsServlet {
  private static final byte[] CSS = Stylesheet.CSS.getBytes(StandardCharsets.UTF_8);

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!"/ltc.css".equals(req.getPathInfo())) {
      resp.sendError(404);
      return;
    }
    resp.setContentType("text/css; charset=UTF-8");
    resp.setHeader("Cache-Control", "public, max-age=3600");
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setContentLength(CSS.length);
    resp.getOutputStream().write(CSS);
  }
}
