package org.ltcreports.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.api.spi.Role;
import org.ltcreports.config.ConfigException;

class MappedUserDirectoryTest {
  @TempDir Path dir;

  static Properties props(String text) throws Exception {
    Properties p = new Properties();
    p.load(new StringReader(text));
    return p;
  }

  @Test
  void rolesFromTheContainerScopeFromTheFile() throws Exception {
    MappedUserDirectory d =
        MappedUserDirectory.of(
            props("user.alice.practices = a81001, A81002\nuser.bob.localities = L01\n"));
    Optional<HostUser> alice = d.resolve("alice", Set.of("PRACTICE_LEAD", "host-user")::contains);
    assertThat(alice).isPresent();
    assertThat(alice.get().roles()).containsExactly(Role.PRACTICE_LEAD);
    assertThat(alice.get().practices()).containsExactlyInAnyOrder("A81001", "A81002");
    assertThat(alice.get().localities()).isEmpty();
    HostUser bob =
        d.resolve("bob", Set.of("LOCALITY_MANAGER", "COMMISSIONER")::contains).orElseThrow();
    assertThat(bob.roles()).containsExactlyInAnyOrder(Role.LOCALITY_MANAGER, Role.COMMISSIONER);
    assertThat(bob.localities()).containsExactly("L01");
  }

  /** A case manager's scope is their case manager id, kept as the source stores it. */
  @Test
  void aCaseManagerIsScopedByTheirCaseManagerId() throws Exception {
    MappedUserDirectory d =
        MappedUserDirectory.of(props("user.carol.case-managers = L01-cm001, L01-CM002\n"));
    HostUser carol = d.resolve("carol", "CASE_MANAGER"::equals).orElseThrow();
    assertThat(carol.roles()).containsExactly(Role.CASE_MANAGER);
    assertThat(carol.caseManagers()).containsExactlyInAnyOrder("L01-cm001", "L01-CM002");
    assertThat(carol.practices()).isEmpty();
    assertThat(carol.localities()).isEmpty();
  }

  @Test
  void aUserWithNoPluginRoleIsUnknown() throws Exception {
    MappedUserDirectory d = MappedUserDirectory.of(props("user.carol.practices = A81001\n"));
    assertThat(d.resolve("carol", Set.of("host-user")::contains)).isEmpty();
    assertThat(d.resolve(null, r -> true)).isEmpty();
  }

  @Test
  void aUserMissingFromTheFileHasRolesButNoScope() {
    HostUser dave = MappedUserDirectory.empty().resolve("dave", "AUDITOR"::equals).orElseThrow();
    assertThat(dave.roles()).containsExactly(Role.AUDITOR);
    assertThat(dave.practices()).isEmpty();
    assertThat(dave.localities()).isEmpty();
  }

  @Test
  void containerRoleNamesCanBeMapped() throws Exception {
    MappedUserDirectory d =
        MappedUserDirectory.of(
            props("role.PRACTICE_USER = PRACTICE_USER, gp-staff\nrole.AUDITOR = governance\n"));
    assertThat(d.resolve("erin", "gp-staff"::equals).orElseThrow().roles())
        .containsExactly(Role.PRACTICE_USER);
    assertThat(d.resolve("fay", "governance"::equals).orElseThrow().roles())
        .containsExactly(Role.AUDITOR);
    assertThat(d.resolve("gus", "AUDITOR"::equals))
        .as("AUDITOR now comes only from 'governance'")
        .isEmpty();
    assertThat(d.roleNames().get(Role.COMMISSIONER)).containsExactly("COMMISSIONER");
  }

  @Test
  void mistakesAreAllReported() {
    assertThatThrownBy(
            () ->
                MappedUserDirectory.of(
                    props("role.ADMIN = x\nuser.h.practise = A1\nrole.AUDITOR = \n")))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e -> {
              assertThat(((ConfigException) e).problems()).hasSize(3);
              assertThat(e.getMessage())
                  .contains(
                      "no plugin role called 'ADMIN'",
                      "unknown key 'user.h.practise'",
                      "role.AUDITOR");
            });
  }

  @Test
  void theFileIsReReadWhenItChanges() throws Exception {
    Path file = dir.resolve("ltc-users.properties");
    Files.writeString(file, "user.ivy.practices = A81001\n", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
    MappedUserDirectory d = MappedUserDirectory.load(file);
    assertThat(d.resolve("ivy", "PRACTICE_USER"::equals).orElseThrow().practices())
        .containsExactly("A81001");

    Files.writeString(file, "user.ivy.practices = A81002\n", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.fromMillis(2_000_000));
    assertThat(d.resolve("ivy", "PRACTICE_USER"::equals).orElseThrow().practices())
        .containsExactly("A81002");

    Files.writeString(file, "nonsense = 1\n", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.fromMillis(3_000_000));
    assertThat(d.resolve("ivy", "PRACTICE_USER"::equals).orElseThrow().practices())
        .as("a broken edit keeps the last good mapping")
        .containsExactly("A81002");
  }

  @Test
  void aMissingFileFailsAtStartUp() {
    assertThatThrownBy(() -> MappedUserDirectory.load(dir.resolve("nope.properties")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cannot read the user mapping");
  }
}
