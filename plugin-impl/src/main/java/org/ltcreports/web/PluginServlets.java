package org.ltcreports.web;

import com.google.inject.Injector;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import org.ltcreports.web.pages.ApiRoutes;
import org.ltcreports.web.pages.PageServlet;
import org.ltcreports.web.pages.StaticServlet;
import org.ltcreports.web.pages.Web;

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
    HealthCheck health = injector.getInstance(HealthCheck.class);
    Web web = injector.getInstance(Web.class);
    // The API and the pages keep the names ContainerSecurity puts the user filter in front of.
    ServletRegistration.Dynamic api = ctx.addServlet("ltc-api", new ApiRoutes(web, health));
    api.addMapping(prefix + "/api/*");
    ServletRegistration.Dynamic home = ctx.addServlet("ltc-home", new PageServlet(web, prefix));
    home.addMapping(prefix.isEmpty() ? "/" : prefix + "/*");
    // Uploaded return files for collation (checked against the same limits before parsing).
    home.setMultipartConfig(Uploads.config());
    // The stylesheet holds no data: served without the user filter (the login page needs it).
    ServletRegistration.Dynamic css = ctx.addServlet("ltc-static", new StaticServlet());
    css.addMapping(prefix + "/static/*");
    // The monthly round ticks on its own thread when round.enabled (stopped with the context).
    injector.getInstance(org.ltcreports.round.RoundScheduler.class).start();
  }
}
