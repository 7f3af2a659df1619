package org.ltcreports.deploy.host;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The sample host's filter on /*: its header must appear on the plugin's responses too. */
public class SampleHostFilter implements Filter {
  public static final String HEADER = "X-Sample-Host";

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    ((HttpServletResponse) resp).setHeader(HEADER, "seen");
    chain.doFilter(req, resp);
  }
}
