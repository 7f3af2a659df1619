package org.ltcreports.web;

import com.google.inject.Guice;
import com.google.inject.Injector;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ltcreports.api.spi.UserDirectory;
import org.ltcreports.config.ConfigException;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.render.Renderers;
import org.ltcreports.web.deploy.BasePath;
import org.ltcreports.web.deploy.ContainerDataSources;
import org.ltcreports.web.deploy.HostModules;
import org.ltcreports.web.security.ContainerSecurity;
import org.ltcreports.web.security.ContainerSecurityModule;
import org.ltcreports.web.security.ContainerUserFilter;
import org.ltcreports.web.security.MappedUserDirectory;
import org.ltcreports.wiring.LtcModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the plugin inside a servlet container (the WAR, or a host webapp through the web
 * fragment): reads the configuration, finds the data sources in JNDI (else the properties file),
 * migrates the plugin's tables, registers the servlets under the base path and puts the container's
 * users and roles in front of them. Stops everything on undeploy.
 *
 * <p>Context parameters (or, for {@code ltc.config}, the system property): {@code ltc.config} the
 * properties file (when absent, defaults apply and the data source must come from JNDI); {@code
 * ltc.base-path} where the servlets go ("" in the WAR, {@code /ltc-reports} from the web fragment);
 * {@code ltc.guice-modules} a host's own Guice modules, overriding the plugin's bindings. Data
 * sources: see {@link ContainerDataSources}; users: see {@link MappedUserDirectory}.
 */
public final class PluginBootstrap implements ServletContextListener {
  private static final Logger LOG = LoggerFactory.getLogger(PluginBootstrap.class);
  private Injector injector;
  private ContainerDataSources dataSources;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext ctx = event.getServletContext();
    LtcConfig config = config(ctx);
    String prefix = BasePath.normalize(ctx.getInitParameter(BasePath.PARAM));
    dataSources = ContainerDataSources.open(config);
    try {
      MappedUserDirectory users = ContainerSecurityModule.directory(config);
      injector =
          Guice.createInjector(
              HostModules.combine(
                  ctx.getInitParameter(HostModules.PARAM),
                  ctx.getClassLoader(),
                  new LtcModule(config, dataSources.source(), dataSources.plugin()),
                  new ContainerSecurityModule(users)));
      PluginServlets.register(ctx, injector, prefix);
      ContainerSecurity.install(
          ctx, new ContainerUserFilter(injector.getInstance(UserDirectory.class), prefix), prefix);
    } catch (RuntimeException e) {
      dataSources.close();
      throw e;
    }
    LOG.info("LTC Reports started in context '{}' under '{}/'", ctx.getContextPath(), prefix);
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    if (injector != null) {
      injector.getInstance(org.ltcreports.round.RoundScheduler.class).close();
      injector.getInstance(Renderers.class).close();
    }
    if (dataSources != null) {
      dataSources.close();
    }
  }

  private static LtcConfig config(ServletContext ctx) {
    String file = ctx.getInitParameter("ltc.config");
    if (file == null) {
      file = System.getProperty("ltc.config");
    }
    if (file == null) {
      return LtcConfig.defaults();
    }
    if (!Files.isReadable(Path.of(file))) {
      throw new ConfigException(List.of("ltc.config names " + file + ", which cannot be read"));
    }
    return LtcConfig.load(Path.of(file));
  }
}
