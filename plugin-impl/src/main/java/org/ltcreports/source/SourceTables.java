package org.ltcreports.source;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.api.source.SourceTable;

/**
 * The physical names of the canonical tables in the host database: the schema, and per-table
 * overrides from configuration. Names are identifiers, not values, so they cannot be bound
 * parameters; they are checked against a strict pattern instead, which keeps SQL injection out.
 */
public final class SourceTables {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private final String schema;
  private final Map<String, String> names = new TreeMap<>();

  public SourceTables(String schema, Map<String, String> overrides) {
    if (schema != null && !schema.isBlank()) {
      requireIdentifier("source schema", schema);
    }
    this.schema = schema == null || schema.isBlank() ? null : schema;
    for (SourceTable t : SourceSchema.tables()) {
      String name = overrides.getOrDefault(t.name(), t.name());
      requireIdentifier("table name for " + t.name(), name);
      names.put(t.name(), name);
    }
    for (String key : overrides.keySet()) {
      if (SourceSchema.table(key).isEmpty()) {
        throw new IllegalArgumentException("table override for unknown table '" + key + "'");
      }
    }
  }

  public static SourceTables defaults() {
    return new SourceTables(null, Map.of());
  }

  /** The qualified name to use in SQL for a canonical table. */
  public String sql(String canonical) {
    String name = names.get(canonical);
    if (name == null) {
      throw new IllegalArgumentException("unknown table " + canonical);
    }
    return schema == null ? name : schema + "." + name;
  }

  public String schema() {
    return schema;
  }

  /** The physical table name, without schema. */
  public String physical(String canonical) {
    return names.get(canonical);
  }

  private static void requireIdentifier(String what, String value) {
    if (!IDENTIFIER.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what + " must be a plain SQL identifier, got '" + value.toLowerCase(Locale.ROOT) + "'");
    }
  }
}
