package org.ltcreports.web.security;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.api.spi.Role;
import org.ltcreports.api.spi.UserDirectory;
import org.ltcreports.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link UserDirectory}: roles come from the container ({@code isUserInRole}), the
 * practices and localities a user acts for come from a small properties file kept by the practice's
 * system administrator. The plugin never stores passwords.
 *
 * <pre>
 * # which practices and localities each container user acts for (codes, comma-separated)
 * user.alice.practices  = A81001, A81002
 * user.bob.localities   = L01
 * # which case managers (source case_manager_id, as stored) a CASE_MANAGER user is
 * user.carol.case-managers = CM0001
 * # optional: container role names that grant each plugin role (default: the plugin role's name)
 * role.PRACTICE_USER    = PRACTICE_USER, gp-staff
 * </pre>
 *
 * A user holding none of the plugin's roles is unknown to the plugin ({@link #resolve} is empty); a
 * user with roles but absent from the file has roles and no practices or localities, which is
 * enough for an AUDITOR and nothing else. The file is re-read when it changes; a change that does
 * not parse is logged and the previous mapping kept.
 */
public final class MappedUserDirectory implements UserDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(MappedUserDirectory.class);

  /** One parsed file: user scopes and container role names per plugin role. */
  record Mapping(Map<String, Scope> users, Map<Role, Set<String>> roleNames) {}

  /** The practices and localities of one user. */
  record Scope(Set<String> practices, Set<String> localities, Set<String> caseManagers) {}

  private static final String CASE_MANAGERS = ".case-managers";

  private final Path file;
  private volatile Mapping mapping;
  private volatile FileTime loadedAt;

  private MappedUserDirectory(Path file, Mapping mapping, FileTime loadedAt) {
    this.file = file;
    this.mapping = mapping;
    this.loadedAt = loadedAt;
  }

  /** Reads the mapping file; throws {@link ConfigException} listing every problem in it. */
  public static MappedUserDirectory load(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    FileTime time = modified(abs);
    return new MappedUserDirectory(abs, parse(read(abs), abs.toString()), time);
  }

  /** From properties already read (tests, or a host that keeps the mapping elsewhere). */
  public static MappedUserDirectory of(Properties properties) {
    return new MappedUserDirectory(null, parse(properties, "user mapping"), null);
  }

  /** No file: container roles only, no practices or localities for anyone. */
  public static MappedUserDirectory empty() {
    return of(new Properties());
  }

  @Override
  public Optional<HostUser> resolve(String principalName, Predicate<String> isInRole) {
    if (principalName == null || principalName.isBlank()) {
      return Optional.empty();
    }
    Mapping m = current();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Map.Entry<Role, Set<String>> e : m.roleNames().entrySet()) {
      if (e.getValue().stream().anyMatch(isInRole)) {
        roles.add(e.getKey());
      }
    }
    if (roles.isEmpty()) {
      return Optional.empty();
    }
    Scope scope = m.users().getOrDefault(principalName, new Scope(Set.of(), Set.of(), Set.of()));
    return Optional.of(
        new HostUser(
            principalName, roles, scope.practices(), scope.localities(), scope.caseManagers()));
  }

  /** The container role names that grant each plugin role. */
  public Map<Role, Set<String>> roleNames() {
    return current().roleNames();
  }

  private Mapping current() {
    if (file != null) {
      FileTime now = modifiedOrNull(file);
      if (now != null && !now.equals(loadedAt)) {
        try {
          mapping = parse(read(file), file.toString());
          LOG.info("re-read the user mapping {}", file);
        } catch (RuntimeException e) {
          LOG.error(
              "the user mapping {} changed but cannot be used; keeping the previous one: {}",
              file,
              e.getMessage());
        }
        loadedAt = now;
      }
    }
    return mapping;
  }

  static Mapping parse(Properties p, String where) {
    List<String> problems = new ArrayList<>();
    Map<String, Set<String>> practices = new TreeMap<>();
    Map<String, Set<String>> localities = new TreeMap<>();
    Map<String, Set<String>> caseManagers = new TreeMap<>();
    Map<Role, Set<String>> roleNames = new EnumMap<>(Role.class);
    for (Role r : Role.values()) {
      roleNames.put(r, Set.of(r.name()));
    }
    for (String key : new TreeMap<>(toMap(p)).keySet()) {
      String value = p.getProperty(key);
      if (key.startsWith("role.")) {
        String name = key.substring("role.".length()).trim();
        Optional<Role> role =
            Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst();
        if (role.isEmpty()) {
          problems.add(
              where
                  + ": "
                  + key
                  + ": no plugin role called '"
                  + name
                  + "' (roles: "
                  + Arrays.toString(Role.values())
                  + ")");
          continue;
        }
        Set<String> names = list(value, false);
        if (names.isEmpty()) {
          problems.add(where + ": " + key + " must name at least one container role");
        }
        roleNames.put(role.get(), names);
      } else if (key.startsWith("user.")
          && key.endsWith(".practices")
          && key.length() > "user..practices".length()) {
        practices.put(
            key.substring("user.".length(), key.length() - ".practices".length()),
            list(value, true));
      } else if (key.startsWith("user.")
          && key.endsWith(".localities")
          && key.length() > "user..localities".length()) {
        localities.put(
            key.substring("user.".length(), key.length() - ".localities".length()),
            list(value, true));
      } else if (key.startsWith("user.")
          && key.endsWith(CASE_MANAGERS)
          && key.length() > ("user." + CASE_MANAGERS).length()) {
        // ids as the source stores them: case managers' ids are not upper-cased codes
        caseManagers.put(
            key.substring("user.".length(), key.length() - CASE_MANAGERS.length()),
            list(value, false));
      } else {
        problems.add(
            where
                + ": unknown key '"
                + key
                + "' (expected user.<name>.practices, user.<name>.localities,"
                + " user.<name>.case-managers or role.<ROLE>)");
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    Map<String, Scope> users = new TreeMap<>();
    Set<String> names = new LinkedHashSet<>(practices.keySet());
    names.addAll(localities.keySet());
    names.addAll(caseManagers.keySet());
    for (String name : names) {
      users.put(
          name,
          new Scope(
              practices.getOrDefault(name, Set.of()),
              localities.getOrDefault(name, Set.of()),
              caseManagers.getOrDefault(name, Set.of())));
    }
    return new Mapping(Map.copyOf(users), Map.copyOf(roleNames));
  }

  private static Map<String, String> toMap(Properties p) {
    Map<String, String> m = new TreeMap<>();
    for (String k : p.stringPropertyNames()) {
      m.put(k, p.getProperty(k));
    }
    return m;
  }

  private static Set<String> list(String value, boolean codes) {
    Set<String> out = new LinkedHashSet<>();
    if (value != null) {
      for (String s : value.split(",")) {
        String t = s.trim();
        if (!t.isEmpty()) {
          out.add(codes ? t.toUpperCase(Locale.ROOT) : t);
        }
      }
    }
    return Set.copyOf(out);
  }

  private static Properties read(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new ConfigException(
          List.of("cannot read the user mapping " + file + ": " + e.getMessage()));
    }
    return p;
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new ConfigException(
          List.of("cannot read the user mapping " + file + ": " + e.getMessage()));
    }
  }

  private static FileTime modifiedOrNull(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return null;
    }
  }
}
