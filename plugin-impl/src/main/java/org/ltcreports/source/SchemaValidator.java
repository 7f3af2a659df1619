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
import org.ltcreports.api.source.SourceIndex;
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
    findings.addAll(missingIndexes(c));
    return findings;
  }

  /**
   * A note for each index of {@link SourceSchema#indexes} the host lacks on a table it has: an
   * index of any name serves when its leading columns are the ones asked for, in order.
   */
  public List<Finding> missingIndexes(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return missingIndexes(c);
    } catch (SQLException e) {
      throw new SourceAccessException(
          "cannot read the source database's indexes: " + e.getMessage(), e);
    }
  }

  private List<Finding> missingIndexes(Connection c) throws SQLException {
    List<Finding> findings = new ArrayList<>();
    String schema = SourceReader.effectiveSchema(c, tables.schema());
    DatabaseMetaData md = c.getMetaData();
    Map<String, List<List<String>>> byTable = new TreeMap<>();
    for (SourceIndex wanted : SourceSchema.indexes()) {
      String physical = tables.physical(wanted.table());
      if (!SourceReader.tableExists(c, tables.schema(), physical)) {
        continue; // an absent optional table has its own note; a missing one is an error above
      }
      List<List<String>> present =
          byTable.computeIfAbsent(physical, t -> indexColumns(md, schema, t));
      if (present.stream().noneMatch(cols -> leads(cols, wanted.columns()))) {
        findings.add(
            new Finding(
                physical,
                String.join(", ", wanted.columns()),
                "no index on it: "
                    + wanted.why()
                    + "; without it reports take longer (on H2 with measures.engine=sql, many"
                    + " minutes). docs/performance.md lists the indexes a host is asked for",
                false));
      }
    }
    return findings;
  }

  private static boolean leads(List<String> index, List<String> wanted) {
    return index.size() >= wanted.size() && index.subList(0, wanted.size()).equals(wanted);
  }

  /** Each index of the table as its columns in order, lower case. */
  private static List<List<String>> indexColumns(DatabaseMetaData md, String schema, String table) {
    try {
      for (String name :
          List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
        Map<String, TreeMap<Integer, String>> byIndex = new TreeMap<>();
        try (ResultSet rs = md.getIndexInfo(null, schema, name, false, true)) {
          while (rs.next()) {
            String index = rs.getString("INDEX_NAME");
            String column = rs.getString("COLUMN_NAME");
            if (index != null && column != null) {
              byIndex
                  .computeIfAbsent(index, k -> new TreeMap<>())
                  .put((int) rs.getShort("ORDINAL_POSITION"), column.toLowerCase(Locale.ROOT));
            }
          }
        }
        if (!byIndex.isEmpty()) {
          return byIndex.values().stream().map(cols -> List.copyOf(cols.values())).toList();
        }
      }
      return List.of();
    } catch (SQLException e) {
      throw new SourceAccessException(
          "cannot read the indexes of " + table + ": " + e.getMessage(), e);
    }
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
