package org.ltcreports.source;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import org.postgresql.jdbc.PgResultSet;

/**
 * Text cells taken as the bytes PostgreSQL's driver received, not made into a string each. The
 * driver keeps every cell as the bytes that came over the wire and makes a new string of a text
 * cell each time it is asked: for a hub's month those strings were about a quarter of all the
 * memory a run asked for, and the garbage collector's work with it (performance.md, session 21).
 *
 * <p>Only where the bytes are the same text: a column the driver reports as characters (so a host's
 * view giving a number where the contract has text is still read by {@code getString}, which turns
 * it into its digits), and a value of ASCII bytes alone (almost every id and code), which reads the
 * same in any encoding. A value with any other byte is read by {@code getString} as before, so the
 * driver still decodes it and still refuses bytes that are not valid in the database's encoding.
 * Other drivers (H2 hands over the string it holds, without making one) are read as before.
 */
public final class RawText {
  private RawText() {}

  /**
   * For each column of the result set (from 1; the first is unused), whether its texts are taken as
   * the driver's bytes.
   */
  public static boolean[] columns(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    boolean[] raw = new boolean[md.getColumnCount() + 1];
    if (rs.isWrapperFor(PgResultSet.class)) {
      for (int i = 1; i < raw.length; i++) {
        int type = md.getColumnType(i);
        raw[i] = type == Types.VARCHAR || type == Types.CHAR;
      }
    }
    return raw;
  }

  /**
   * A text cell's bytes as the driver received them when they are all ASCII; null for a null cell
   * or one beyond ASCII, which the caller reads with {@code getString} (null again for a null).
   */
  public static byte[] ascii(ResultSet rs, int at) throws SQLException {
    byte[] b = rs.getBytes(at);
    return b != null && isAscii(b) ? b : null;
  }

  /** Whether every byte is ASCII (below 0x80). */
  static boolean isAscii(byte[] b) {
    for (byte x : b) {
      if (x < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code v} is the text of the ASCII bytes {@code b[from, from + n)}. */
  static boolean isText(String v, byte[] b, int from, int n) {
    if (v.length() != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (v.charAt(i) != b[from + i]) {
        return false;
      }
    }
    return true;
  }
}
