package org.ltcreports.api.source;

import java.util.List;
import java.util.Optional;

/** One table (or view) of the source contract. Optional tables may be absent from a host. */
public record SourceTable(String name, boolean optional, List<SourceColumn> columns) {
  public SourceTable {
    columns = List.copyOf(columns);
  }

  public Optional<SourceColumn> column(String columnName) {
    return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
  }

  /**
   * Portable CREATE TABLE statement (H2 and PostgreSQL), used by fixtures and tests.
   *
   * @param constraints whether to declare NOT NULL and PRIMARY KEY; without them the table behaves
   *     like a carelessly written host view, which the bad-data tests need
   */
  public String createTableDdl(boolean constraints) {
    StringBuilder sql = new StringBuilder("CREATE TABLE ").append(name).append(" (\n");
    for (int i = 0; i < columns.size(); i++) {
      SourceColumn c = columns.get(i);
      sql.append("  ").append(c.name()).append(' ').append(c.ddlType());
      if (!constraints) {
        // no constraint
      } else if (c.primaryKey()) {
        sql.append(" PRIMARY KEY");
      } else if (c.notNull()) {
        sql.append(" NOT NULL");
      }
      sql.append(i < columns.size() - 1 ? ",\n" : "\n");
    }
    return sql.append(")").toString();
  }
}
