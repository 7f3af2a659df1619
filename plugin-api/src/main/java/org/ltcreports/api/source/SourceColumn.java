package org.ltcreports.api.source;

/**
 * One column of a source table as the contract fixes it.
 *
 * @param length character length for VARCHAR/CHAR, precision for DECIMAL; 0 otherwise
 * @param scale scale for DECIMAL; 0 otherwise
 * @param mayBeAbsent a column a host may leave out of its view altogether (read as null; the
 *     figures that need it say "not recorded"); every other column must be there
 */
public record SourceColumn(
    String name,
    ColumnType type,
    int length,
    int scale,
    boolean notNull,
    boolean primaryKey,
    boolean mayBeAbsent) {

  /** A column every host must have (it may still hold nulls unless {@code notNull}). */
  public SourceColumn(
      String name, ColumnType type, int length, int scale, boolean notNull, boolean primaryKey) {
    this(name, type, length, scale, notNull, primaryKey, false);
  }

  /** The column's type as portable DDL, e.g. {@code VARCHAR(64)}. */
  public String ddlType() {
    return switch (type) {
      case VARCHAR, CHAR -> type.name() + "(" + length + ")";
      case DECIMAL -> "DECIMAL(" + length + "," + scale + ")";
      default -> type.name();
    };
  }
}
