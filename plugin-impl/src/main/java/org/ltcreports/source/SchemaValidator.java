package org.ltcreports.source;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.ltcreports.api.source.SourceColumn;
import org.ltcreports.api.source.SourceSchema;
import org.ltcreports.api.source.SourceTable;

/**
 * Checks a host database against the source contract and lists every problem at once: missing
 * tables, missing columns, incompatible types. Optional tables may be absent (noted, not a
 * problem).
 */
public final class SchemaValidator {

  /** One finding; {@code problem} false for notes such as "optional table absent". */
  public record Finding(String table, String column, String message, boolean problem) {
    @Override
    public String toString() {
      return (problem ? "ERROR " : "NOTE  ")
          + table
          + (column == null ? "" : "." + column)
          + ": "
          + message;
    }
  }

  private final SourceTables tables;

  public SchemaValidator(SourceTables tables) {
    this.tables = tables;
  }

  public List<Finding> validate(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return validate(c);
    } catch (SQLException e) {
      throw new SourceAccessException(
          "cannot connect to the source database: " + e.getMessage(), e);
    }
  }

  public List<Finding> validate(Connection c) throws SQLException {
    List<Finding> findings = new ArrayList<>();
    DatabaseMetaData md = c.getMetaData();
    for (SourceTable t : SourceSchema.tables()) {
      String physical = tables.physical(t.name());
      if (!SourceReader.tableExists(c, tables.schema(), physical)) {
        findings.add(
            t.optional()
                ? new Finding(
                    physical,
                    null,
                    "optional table absent: the measures that need it will say 'not available'",
                    false)
                : new Finding(physical, null, "table is missing", true));
        continue;
      }
      Map<String, String> actual =
          columnTypes(md, SourceReader.effectiveSchema(c, tables.schema()), physical);
      for (SourceColumn col : t.columns()) {
        String type = actual.get(col.name().toLowerCase(Locale.ROOT));
        if (type == null && col.mayBeAbsent()) {
          findings.add(
              new Finding(
                  physical,
                  col.name(),
                  "optional column absent: the figures that need it will say 'not recorded'",
                  false));
        } else if (type == null) {
          findings.add(
              new Finding(
                  physical,
                  col.name(),
                  "column is missing (expected " + col.ddlType() + ")",
                  true));
        } else if (!col.type().acceptsDatabaseType(type)) {
          findings.add(
              new Finding(
                  physical, col.name(), "has type " + type + ", expected " + col.ddlType(), true));
        }
      }
    }
    return findings;
  }

  /** The table's columns (lower case) and their database type names. */
  static Map<String, String> columnTypes(DatabaseMetaData md, String schema, String table)
      throws SQLException {
    Map<String, String> found = new TreeMap<>();
    for (String name :
        List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
      try (ResultSet rs = md.getColumns(null, schema, name, null)) {
        while (rs.next()) {
          found.putIfAbsent(
              rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getString("TYPE_NAME"));
        }
      }
      if (!found.isEmpty()) {
        break;
      }
    }
    return found;
  }
}
