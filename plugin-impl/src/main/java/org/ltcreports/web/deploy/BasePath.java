package org.ltcreports.web.deploy;

import java.util.List;
import org.ltcreports.config.ConfigException;

/**
 * The context parameter {@value #PARAM}: where the plugin's servlets sit in the web application.
 */
public final class BasePath {
  public static final String PARAM = "ltc.base-path";

  private BasePath() {}

  /**
   * "" (the plugin owns the context) or a path such as {@code /ltc-reports}: a leading slash, no
   * trailing slash, no wildcard.
   */
  public static String normalize(String value) {
    if (value == null) {
      return "";
    }
    String p = value.trim();
    if (p.endsWith("/*")) {
      p = p.substring(0, p.length() - 2);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty()) {
      return "";
    }
    if (!p.startsWith("/") || p.contains("*") || p.contains("?") || p.contains("#")) {
      throw new ConfigException(
          List.of("ltc.base-path must be a path such as /ltc-reports, got '" + value + "'"));
    }
    return p;
  }
}
