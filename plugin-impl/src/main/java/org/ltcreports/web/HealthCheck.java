package org.ltcreports.web;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.ltcreports.source.SchemaValidator;
import org.ltcreports.source.SchemaValidator.Finding;
import org.ltcreports.source.SourceTables;
import org.ltcreports.store.PluginDatabase;

/**
 * {@code /api/health}: source database reachable, source schema valid, the plugin's own database
 * reachable and its migrations applied.
 */
public final class HealthCheck {
  private final DataSource source;
  private final SourceTables tables;
  private final PluginDatabase plugin;

  public HealthCheck(DataSource source, SourceTables tables, PluginDatabase plugin) {
    this.source = source;
    this.tables = tables;
    this.plugin = plugin;
  }

  public Map<String, Object> status() {
    Map<String, Object> s = new LinkedHashMap<>();
    boolean reachable;
    long schemaProblems = -1;
    try (Connection c = source.getConnection()) {
      reachable = c.isValid(5);
      List<Finding> findings = new SchemaValidator(tables).validate(c);
      schemaProblems = findings.stream().filter(Finding::problem).count();
    } catch (Exception e) {
      reachable = false;
    }
    boolean pluginReachable = plugin.reachable();
    boolean migrated = plugin.pendingMigrations() == 0;
    s.put("ok", reachable && schemaProblems == 0 && pluginReachable && migrated);
    s.put("database_reachable", reachable);
    s.put("schema_valid", schemaProblems == 0);
    s.put("schema_problems", Math.max(schemaProblems, 0));
    s.put("plugin_database_reachable", pluginReachable);
    s.put("migrations_applied", migrated);
    return s;
  }
}
