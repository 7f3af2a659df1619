package org.ltcreports.web.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.api.spi.UserDirectory;
import org.ltcreports.config.ConfigException;
import org.ltcreports.web.security.ContainerSecurityModule;
import org.ltcreports.web.security.MappedUserDirectory;

class HostModulesTest {
  /** A host's own directory: everyone is unknown. */
  public static final class HostDirectoryModule extends AbstractModule {
    @Override
    protected void configure() {
      OptionalBinder.newOptionalBinder(binder(), UserDirectory.class)
          .setBinding()
          .toInstance((name, roles) -> Optional.<HostUser>empty());
    }
  }

  @Test
  void withoutHostModulesTheMappedDirectoryIsBound() {
    MappedUserDirectory mapped = MappedUserDirectory.empty();
    Injector i =
        Guice.createInjector(
            HostModules.combine(
                null, getClass().getClassLoader(), new ContainerSecurityModule(mapped)));
    assertThat(i.getInstance(UserDirectory.class)).isSameAs(mapped);
  }

  @Test
  void aHostModuleNamedInTheContextReplacesTheDirectory() {
    Injector i =
        Guice.createInjector(
            HostModules.combine(
                " " + HostDirectoryModule.class.getName() + " ,",
                getClass().getClassLoader(),
                new ContainerSecurityModule(MappedUserDirectory.empty())));
    assertThat(i.getInstance(UserDirectory.class)).isNotInstanceOf(MappedUserDirectory.class);
    assertThat(i.getInstance(UserDirectory.class).resolve("x", r -> true)).isEmpty();
  }

  @Test
  void aWrongClassNameIsAClearStartUpProblem() {
    assertThatThrownBy(() -> HostModules.combine("com.example.Nope", getClass().getClassLoader()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ltc.guice-modules")
        .hasMessageContaining("com.example.Nope");
  }
}
