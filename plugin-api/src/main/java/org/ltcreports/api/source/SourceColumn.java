package org.ltcreports.api.source;

/**
 * One column of a source table as the contract fixes it.
 *
 * @param length character length for VARCHAR/CHAR, precision for DECIMAL; 0 otherwise
 * @param scale scale for DECIMAL; 0 otherwise
 */
public record SourceColumn(
    String name, ColumnType type, int length, int scale, boolean notNull, boolean primaryKey) {

  /** The column's type as portable DDL, e.g. {@code VARCHAR(64)}. */
  public String ddlType() {
    return switch (type) {
      case VARCHAR, CHAR -> type.name() + "(" + length + ")";
      case DECIMAL -> "DECIMAL(" + length + "," + scale + ")";
      default -> type.name();
    };
  }
}
