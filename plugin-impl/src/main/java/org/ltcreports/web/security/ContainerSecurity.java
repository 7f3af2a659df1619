package org.ltcreports.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;
import java.util.List;

/**
 * The container side of access control, installed by {@code PluginBootstrap} once the plugin's
 * servlets are registered: {@link ContainerUserFilter} in front of those servlets only (mapped by
 * servlet name, after the host's own filters), so the host's servlets and filters are untouched.
 * The declarative part, security constraints and roles, is in the WAR's web.xml and the web
 * fragment.
 */
public final class ContainerSecurity {
  /** The servlet names {@code PluginServlets} registers. */
  public static final List<String> PLUGIN_SERVLETS = List.of("ltc-api", "ltc-home");

  public static final String FILTER_NAME = "ltc-users";

  private ContainerSecurity() {}

  public static void install(ServletContext ctx, ContainerUserFilter filter) {
    FilterRegistration.Dynamic f = ctx.addFilter(FILTER_NAME, filter);
    if (f == null) {
      throw new IllegalStateException(
          "a filter called " + FILTER_NAME + " already exists in this web application");
    }
    f.addMappingForServletNames(
        EnumSet.of(DispatcherType.REQUEST), true, PLUGIN_SERVLETS.toArray(String[]::new));
  }
}
