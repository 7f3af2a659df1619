package org.ltcreports.web.deploy;

import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.util.ArrayList;
import java.util.List;
import org.ltcreports.config.ConfigException;

/**
 * Guice modules a host names in the context parameter {@value #PARAM} (comma-separated class names
 * with a public no-argument constructor, found by the web application's class loader). They
 * override the plugin's bindings, for example the {@code UserDirectory} when the host keeps its
 * users' practices elsewhere.
 */
public final class HostModules {
  public static final String PARAM = "ltc.guice-modules";

  private HostModules() {}

  public static Module combine(String classNames, ClassLoader loader, Module... plugin) {
    List<Module> host = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (classNames != null) {
      for (String name : classNames.split(",")) {
        String n = name.trim();
        if (n.isEmpty()) {
          continue;
        }
        try {
          Class<?> c = Class.forName(n, true, loader);
          host.add((Module) c.getConstructor().newInstance());
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
          problems.add(PARAM + ": cannot use " + n + " as a Guice module: " + e);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return host.isEmpty() ? Modules.combine(plugin) : Modules.override(plugin).with(host);
  }
}
