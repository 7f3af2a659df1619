package org.ltcreports.web;

import com.google.inject.Injector;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import org.ltcreports.report.ReportService;

/**
 * Registers the plugin's servlets on a servlet context, under a base path. The one place that says
 * which URL is served by which servlet, for the standalone server, the WAR and the web fragment.
 */
public final class PluginServlets {
  private PluginServlets() {}

  /**
   * @param prefix "" when the plugin owns the context (standalone, WAR), or a path such as {@code
   *     /ltc-reports} inside a host webapp
   */
  public static void register(ServletContext ctx, Injector injector, String prefix) {
    ReportService reports = injector.getInstance(ReportService.class);
    HealthCheck health = injector.getInstance(HealthCheck.class);
    ServletRegistration.Dynamic api = ctx.addServlet("ltc-api", new ApiServlet(reports, health));
    api.addMapping(prefix + "/api/*");
    ServletRegistration.Dynamic home = ctx.addServlet("ltc-home", new HomeServlet(reports));
    home.addMapping(prefix.isEmpty() ? "" : prefix + "/*");
  }
}
