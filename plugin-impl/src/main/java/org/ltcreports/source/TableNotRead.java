package org.ltcreports.source;

import java.util.AbstractList;

/**
 * The rows of a table a run chose not to read ({@link SourceData#practicesOnly}): asking for them
 * is a programming error, never an empty table, so a family that still needs rows cannot quietly
 * count nothing.
 */
final class TableNotRead<T> extends AbstractList<T> {
  private final String table;

  TableNotRead(String table) {
    this.table = table;
  }

  @Override
  public T get(int index) {
    throw notRead();
  }

  @Override
  public int size() {
    throw notRead();
  }

  private IllegalStateException notRead() {
    return new IllegalStateException(
        "The " + table + " rows were not read for this run, and a figure asked for them");
  }
}
