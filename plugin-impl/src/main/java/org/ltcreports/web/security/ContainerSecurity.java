package org.ltcreports.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;

/**
 * The container side of access control, installed by {@code PluginBootstrap} once the plugin's
 * servlets are registered: {@link ContainerUserFilter} on the plugin's base path only (after the
 * host's own filters), so the host's servlets and filters are untouched. The declarative part,
 * security constraints and roles, is in the WAR's web.xml and the web fragment.
 */
public final class ContainerSecurity {
  public static final String FILTER_NAME = "ltc-users";

  private ContainerSecurity() {}

  /**
   * @param prefix the plugin's base path, "" when it owns the context
   */
  public static void install(ServletContext ctx, ContainerUserFilter filter, String prefix) {
    FilterRegistration.Dynamic f = ctx.addFilter(FILTER_NAME, filter);
    if (f == null) {
      throw new IllegalStateException(
          "a filter called " + FILTER_NAME + " already exists in this web application");
    }
    f.addMappingForUrlPatterns(
        EnumSet.of(DispatcherType.REQUEST), true, prefix.isEmpty() ? "/*" : prefix + "/*");
  }
}
