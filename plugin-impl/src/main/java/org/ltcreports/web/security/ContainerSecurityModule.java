package org.ltcreports.web.security;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import java.nio.file.Path;
import org.ltcreports.api.spi.UserDirectory;
import org.ltcreports.config.LtcConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the default {@link UserDirectory} (a {@link MappedUserDirectory} read from {@code
 * security.users-file}) as an optional binding, so a host replaces it with {@code
 * OptionalBinder.newOptionalBinder(binder(), UserDirectory.class).setBinding().to(...)} or with
 * {@code Modules.override}, without a duplicate-binding error.
 */
public final class ContainerSecurityModule extends AbstractModule {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerSecurityModule.class);

  /** Configuration key: the user mapping file. */
  public static final String USERS_FILE = "security.users-file";

  private final MappedUserDirectory directory;

  public ContainerSecurityModule(MappedUserDirectory directory) {
    this.directory = directory;
  }

  /** The mapping named by {@value #USERS_FILE}, or none (container roles, no practices). */
  public static MappedUserDirectory directory(LtcConfig config) {
    String file = config.get(USERS_FILE);
    if (file == null) {
      LOG.warn(
          "{} is not set: users get their container roles but no practices or localities",
          USERS_FILE);
      return MappedUserDirectory.empty();
    }
    return MappedUserDirectory.load(Path.of(file));
  }

  @Override
  protected void configure() {
    bind(MappedUserDirectory.class).toInstance(directory);
    OptionalBinder.newOptionalBinder(binder(), UserDirectory.class)
        .setDefault()
        .toInstance(directory);
  }
}
