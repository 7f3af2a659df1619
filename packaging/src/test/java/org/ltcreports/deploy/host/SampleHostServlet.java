package org.ltcreports.deploy.host;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The sample host's own servlet: proves the host still serves its pages beside the plugin. */
public class SampleHostServlet extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setContentType("text/plain; charset=UTF-8");
    resp.getWriter().println("sample host says hello to " + req.getRemoteUser());
  }
}
