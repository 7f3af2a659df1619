package org.ltcreports.api.source;

import java.util.List;

/**
 * An index the plugin expects a host to keep on one of its activity tables: the reads of one
 * locality filter on patient ids, the SQL engine ({@code measures.engine=sql}) joins on them, and
 * without these a table is scanned once per row (docs/performance.md "Source indexes expected on
 * the host").
 *
 * @param name the name the fixtures give it (a host's own index may have any name)
 * @param table canonical table name
 * @param columns the leading columns an index must have, in order, to serve
 * @param why what the plugin uses it for, in words for the person who administers the database
 */
public record SourceIndex(String name, String table, List<String> columns, String why) {
  public SourceIndex {
    columns = List.copyOf(columns);
  }

  /** {@code CREATE INDEX} for the canonical table. */
  public String createDdl() {
    return "CREATE INDEX " + name + " ON " + table + " (" + String.join(", ", columns) + ")";
  }

  /** How a person reads it: {@code hospital_spell (patient_id)}. */
  public String describe() {
    return table + " (" + String.join(", ", columns) + ")";
  }
}
