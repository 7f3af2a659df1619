package org.ltcreports.api.source;

/**
 * The portable SQL types of the source contract, and the JDBC type names a database may report for
 * them.
 */
public enum ColumnType {
  VARCHAR(
      "CHARACTER VARYING",
      "VARCHAR",
      "TEXT",
      "CHARACTER",
      "CHAR",
      "BPCHAR",
      "CHARACTER LARGE OBJECT"),
  CHAR("CHARACTER", "CHAR", "BPCHAR", "CHARACTER VARYING", "VARCHAR", "TEXT"),
  DATE("DATE"),
  DECIMAL(
      "DECIMAL",
      "NUMERIC",
      "DOUBLE PRECISION",
      "DOUBLE",
      "FLOAT8",
      "REAL",
      "FLOAT4",
      "INTEGER",
      "INT4"),
  INTEGER("INTEGER", "INT", "INT4", "BIGINT", "INT8", "SMALLINT", "INT2"),
  SMALLINT("SMALLINT", "INT2", "INTEGER", "INT4", "TINYINT"),
  BOOLEAN("BOOLEAN", "BOOL", "BIT");

  private final java.util.Set<String> compatibleNames;

  ColumnType(String... compatibleNames) {
    this.compatibleNames = java.util.Set.of(compatibleNames);
  }

  /** Whether a column the database reports with this type name can be read as this type. */
  public boolean acceptsDatabaseType(String databaseTypeName) {
    return compatibleNames.contains(databaseTypeName.toUpperCase(java.util.Locale.ROOT).trim());
  }
}
