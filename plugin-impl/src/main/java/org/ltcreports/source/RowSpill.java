package org.ltcreports.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import org.ltcreports.api.source.SourceColumn;
import org.ltcreports.api.source.SourceSchema;

/**
 * A table's rows as the reader's SELECT gave them, written to a file and read back as {@link Cells}
 * that give exactly what the result set gave: each column's value is taken the way its row mapper
 * takes it ({@link RowMappers}: text, day, integer, decimal or boolean by the column's type), nulls
 * kept. Used while a hub's rows wait for their locality ({@link RoutedRows}).
 *
 * <p>The files hold patients' rows, so they are encrypted (AES in counter mode) with a key that
 * lives only in the run's memory: once the run ends, a file left behind by a crash cannot be read.
 */
final class RowSpill {
  private RowSpill() {}

  /** How a column is read, by its type in the source contract. */
  enum Kind {
    TEXT,
    DAY,
    INT,
    DECIMAL,
    BOOL
  }

  static Kind[] kinds(String canonical) {
    List<SourceColumn> columns = SourceSchema.table(canonical).orElseThrow().columns();
    if (columns.size() > 16) {
      throw new IllegalArgumentException(canonical + " has more columns than a row's null mask");
    }
    Kind[] kinds = new Kind[columns.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] =
          switch (columns.get(i).type()) {
            case VARCHAR, CHAR -> Kind.TEXT;
            case DATE -> Kind.DAY;
            case INTEGER, SMALLINT -> Kind.INT;
            case DECIMAL -> Kind.DECIMAL;
            case BOOLEAN -> Kind.BOOL;
          };
    }
    return kinds;
  }

  /**
   * The current row of a result set, taken column by column and encoded. A text is taken as the
   * driver's bytes where that is the same text ({@link RawText}), and made a string only when asked
   * for: the router needs the ids' bytes, not strings.
   */
  static final class Row {
    private final Kind[] kinds;
    private final int[] textFrom; // each text column's UTF-8 bytes in the row's bytes
    private final int[] textLength;
    private final String[] texts; // each text column's last string made
    private final byte[][] textBytes; // and its bytes
    private final int[] textBytesLength;
    private ResultSet source;
    private boolean[] raw;
    private byte[] bytes = new byte[256];
    private int length;
    private int nulls;

    Row(Kind[] kinds) {
      this.kinds = kinds;
      textFrom = new int[kinds.length];
      textLength = new int[kinds.length];
      texts = new String[kinds.length];
      textBytes = new byte[kinds.length][16];
      textBytesLength = new int[kinds.length];
      Arrays.fill(textBytesLength, -1);
    }

    /** Takes the result set's current row. */
    void take(ResultSet rs) throws SQLException {
      if (rs != source) {
        source = rs;
        raw = RawText.columns(rs);
      }
      length = 2;
      nulls = 0;
      for (int i = 0; i < kinds.length; i++) {
        int at = i + 1;
        boolean isNull =
            switch (kinds[i]) {
              case TEXT -> !takeText(rs, i);
              case DAY -> {
                LocalDate v = rs.getObject(at, LocalDate.class);
                if (v != null) {
                  putSigned(v.toEpochDay());
                }
                yield v == null;
              }
              case INT -> {
                int v = rs.getInt(at);
                boolean wasNull = rs.wasNull();
                if (!wasNull) {
                  putSigned(v);
                }
                yield wasNull;
              }
              case DECIMAL -> {
                BigDecimal v = rs.getBigDecimal(at);
                if (v != null) {
                  putDecimal(v);
                }
                yield v == null;
              }
              case BOOL -> {
                boolean v = rs.getBoolean(at);
                boolean wasNull = rs.wasNull();
                if (!wasNull) {
                  room(1);
                  bytes[length++] = (byte) (v ? 1 : 0);
                }
                yield wasNull;
              }
            };
        if (isNull) {
          nulls |= 1 << i;
        }
      }
      bytes[0] = (byte) nulls;
      bytes[1] = (byte) (nulls >>> 8);
    }

    /** Takes a text column's value; false for a null. */
    private boolean takeText(ResultSet rs, int i) throws SQLException {
      int at = i + 1;
      byte[] b = raw[at] ? RawText.ascii(rs, at) : null;
      if (b != null) {
        putUnsigned(b.length);
        putBytes(i, b, b.length);
        return true;
      }
      String v = rs.getString(at);
      if (v == null) {
        return false;
      }
      putText(i, v);
      return true;
    }

    private boolean isNull(int at) {
      return (nulls & (1 << (at - 1))) != 0;
    }

    /**
     * A text column's value in the row taken (position from 1), or null: the same string as the
     * last one made for the column when its bytes are the same.
     */
    String text(int at) {
      if (isNull(at)) {
        return null;
      }
      int i = at - 1;
      int from = textFrom[i];
      int n = textLength[i];
      if (textBytesLength[i] == n && Arrays.equals(bytes, from, from + n, textBytes[i], 0, n)) {
        return texts[i];
      }
      if (textBytes[i].length < n) {
        textBytes[i] = new byte[Math.max(n, 2 * textBytes[i].length)];
      }
      System.arraycopy(bytes, from, textBytes[i], 0, n);
      textBytesLength[i] = n;
      return texts[i] = new String(bytes, from, n, StandardCharsets.UTF_8);
    }

    /** A text column's key ({@link KeyMasks}) from its bytes; 0 for a null. */
    int key(int at, KeyMasks.Key key) {
      return isNull(at) ? 0 : key.of(bytes, textFrom[at - 1], textLength[at - 1]);
    }

    /** Writes the row after its length, so that a reader can take the whole row at once. */
    void writeTo(Out out) {
      out.writeRow(bytes, length);
    }

    /** A text column's UTF-8 bytes after their count; ASCII (almost every id and code) copied. */
    private void putText(int column, String v) {
      int n = v.length();
      int start = length;
      putUnsigned(n);
      room(n);
      textFrom[column] = length;
      textLength[column] = n;
      for (int i = 0; i < n; i++) {
        char c = v.charAt(i);
        if (c >= 0x80) {
          length = start;
          byte[] b = v.getBytes(StandardCharsets.UTF_8);
          putUnsigned(b.length);
          putBytes(column, b, b.length);
          return;
        }
        bytes[length++] = (byte) c;
      }
    }

    private void putBytes(int column, byte[] b, int n) {
      room(n);
      System.arraycopy(b, 0, bytes, length, n);
      textFrom[column] = length;
      textLength[column] = n;
      length += n;
    }

    /** Its scale, then its unscaled value: as a number if it fits in 62 bits, else as text. */
    private void putDecimal(BigDecimal v) {
      putSigned(v.scale());
      BigInteger unscaled = v.unscaledValue();
      if (unscaled.bitLength() <= 62) {
        putSigned(2 * unscaled.longValue());
      } else {
        putSigned(1);
        byte[] digits = unscaled.toString().getBytes(StandardCharsets.US_ASCII);
        putUnsigned(digits.length);
        room(digits.length);
        System.arraycopy(digits, 0, bytes, length, digits.length);
        length += digits.length;
      }
    }

    /** ZigZag, then seven bits a byte: small numbers of either sign in few bytes. */
    private void putSigned(long v) {
      putUnsigned((v << 1) ^ (v >> 63));
    }

    private void putUnsigned(long v) {
      room(10);
      while ((v & ~0x7fL) != 0) {
        bytes[length++] = (byte) ((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      bytes[length++] = (byte) v;
    }

    private void room(int n) {
      if (length + n > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
      }
    }
  }

  /** A spill file being written, encrypted as it is flushed. */
  static final class Out implements AutoCloseable {
    private final FileChannel file;
    private final Cipher cipher;
    private final ByteBuffer plain = ByteBuffer.allocate(1 << 15);
    private final ByteBuffer sealed = ByteBuffer.allocate((1 << 15) + 32);

    Out(Path path, SecretKey key, byte[] iv) {
      try {
        file = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        cipher = cipher(Cipher.ENCRYPT_MODE, key, iv);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private final byte[] count = new byte[5];

    void writeRow(byte[] b, int length) {
      int n = 0;
      int v = length;
      while ((v & ~0x7f) != 0) {
        count[n++] = (byte) ((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      count[n++] = (byte) v;
      write(count, n);
      write(b, length);
    }

    private void write(byte[] b, int length) {
      int off = 0;
      while (off < length) {
        if (!plain.hasRemaining()) {
          flush();
        }
        int n = Math.min(plain.remaining(), length - off);
        plain.put(b, off, n);
        off += n;
      }
    }

    private void flush() {
      plain.flip();
      sealed.clear();
      try {
        cipher.update(plain, sealed);
        sealed.flip();
        while (sealed.hasRemaining()) {
          file.write(sealed);
        }
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      plain.clear();
    }

    @Override
    public void close() {
      try (file) {
        flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * A spill file read back row by row: the current row's {@link Cells}. A row is taken whole (its
   * length comes first) and its texts are made only when asked for, straight from the row's bytes:
   * a text column read as its pool's instance is looked up by its bytes, so a value the pool holds
   * is never made again.
   */
  static final class In implements Cells, AutoCloseable {
    private final FileChannel file;
    private final Cipher cipher;
    private final Kind[] kinds;
    private final ByteBuffer sealed = ByteBuffer.allocate(1 << 15);
    private ByteBuffer plain = ByteBuffer.allocate((1 << 15) + 32).flip();
    private final String[] texts; // each text column's last value made
    private final byte[][] textBytes; // and its bytes
    private final int[] textLengths;
    private final int[] textFrom; // the current row's text, in the row's bytes
    private final int[] textLength;
    private final long[] numbers;
    private final BigDecimal[] decimals;
    private byte[] row; // the current row's bytes (the plain buffer's array) and where it is read
    private int at;
    private int nulls;
    private boolean ended;

    In(Path path, SecretKey key, byte[] iv, Kind[] kinds) {
      try {
        file = FileChannel.open(path, StandardOpenOption.READ);
        cipher = cipher(Cipher.DECRYPT_MODE, key, iv);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      this.kinds = kinds;
      texts = new String[kinds.length];
      textBytes = new byte[kinds.length][16];
      textLengths = new int[kinds.length];
      Arrays.fill(textLengths, -1);
      textFrom = new int[kinds.length];
      textLength = new int[kinds.length];
      numbers = new long[kinds.length];
      decimals = new BigDecimal[kinds.length];
    }

    /** Moves to the next row; false at the end of the file. */
    boolean next() {
      if (!available(1)) {
        return false;
      }
      int length = 0;
      for (int shift = 0; ; shift += 7) {
        need(1);
        byte b = plain.get();
        length |= (b & 0x7f) << shift;
        if (b >= 0) {
          break;
        }
      }
      need(length);
      // the row stays where it is in the buffer until the next row is asked for
      row = plain.array();
      at = plain.arrayOffset() + plain.position();
      int end = at + length;
      plain.position(plain.position() + length);
      nulls = (row[at] & 0xff) | (row[at + 1] & 0xff) << 8;
      at += 2;
      for (int i = 0; i < kinds.length; i++) {
        if ((nulls & (1 << i)) != 0) {
          continue;
        }
        switch (kinds[i]) {
          case TEXT -> {
            int n = (int) unsigned();
            textFrom[i] = at;
            textLength[i] = n;
            at += n;
          }
          case DAY, INT -> numbers[i] = signed();
          case DECIMAL -> decimals[i] = decimal();
          case BOOL -> numbers[i] = row[at++];
        }
      }
      if (at != end) {
        throw new UncheckedIOException(new EOFException("spill file row of the wrong length"));
      }
      return true;
    }

    private boolean isNull(int at) {
      return (nulls & (1 << (at - 1))) != 0;
    }

    @Override
    public String text(int at) {
      return text(at, null);
    }

    /**
     * A text column's value: the same string as the row before's when its bytes are the same (a
     * patient's or spell's rows come one after another), so it is neither decoded nor made again;
     * else found in the pool by its bytes, or made from them when no pool is given.
     */
    @Override
    public String text(int at, RowMappers.Pool pool) {
      if (isNull(at)) {
        return null;
      }
      int column = at - 1;
      int from = textFrom[column];
      int n = textLength[column];
      byte[] last = textBytes[column];
      if (textLengths[column] == n && Arrays.equals(row, from, from + n, last, 0, n)) {
        return texts[column];
      }
      String v =
          pool == null
              ? new String(row, from, n, StandardCharsets.UTF_8)
              : pool.canonical(row, from, n);
      remember(column, v);
      return v;
    }

    private void remember(int column, String v) {
      int n = textLength[column];
      byte[] last = textBytes[column];
      if (last.length < n) {
        last = textBytes[column] = new byte[Math.max(n, 2 * last.length)];
      }
      System.arraycopy(row, textFrom[column], last, 0, n);
      textLengths[column] = n;
      texts[column] = v;
    }

    @Override
    public LocalDate day(int at) {
      return isNull(at) ? null : LocalDate.ofEpochDay(numbers[at - 1]);
    }

    @Override
    public long epochDay(int at) {
      return isNull(at) ? NO_DAY : numbers[at - 1];
    }

    @Override
    public int intValue(int at) {
      return isNull(at) ? 0 : (int) numbers[at - 1];
    }

    @Override
    public Integer integer(int at) {
      return isNull(at) ? null : (int) numbers[at - 1];
    }

    @Override
    public BigDecimal decimal(int at) {
      return isNull(at) ? null : decimals[at - 1];
    }

    @Override
    public Boolean bool(int at) {
      return isNull(at) ? null : numbers[at - 1] != 0;
    }

    private BigDecimal decimal() {
      int scale = (int) signed();
      long tagged = signed(); // twice the unscaled value, or 1: the unscaled value as text follows
      if (tagged != 1) {
        return BigDecimal.valueOf(tagged / 2, scale);
      }
      int n = (int) unsigned();
      String digits = new String(row, at, n, StandardCharsets.UTF_8);
      at += n;
      return new BigDecimal(new BigInteger(digits), scale);
    }

    private long signed() {
      long v = unsigned();
      return (v >>> 1) ^ -(v & 1);
    }

    private long unsigned() {
      long v = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = row[at++];
        v |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          return v;
        }
      }
    }

    private void need(int n) {
      if (!available(n)) {
        throw new UncheckedIOException(new EOFException("spill file ends inside a row"));
      }
    }

    /** Whether {@code n} more bytes can be had, reading and decrypting more if needed. */
    private boolean available(int n) {
      while (plain.remaining() < n && !ended) {
        if (plain.capacity() < n + sealed.capacity()) {
          plain = ByteBuffer.allocate(n + sealed.capacity() + 32).put(plain).flip();
        }
        plain.compact();
        sealed.clear();
        try {
          int read = file.read(sealed);
          if (read < 0) {
            ended = true;
          } else {
            sealed.flip();
            cipher.update(sealed, plain);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException(e);
        }
        plain.flip();
      }
      return plain.remaining() >= n;
    }

    @Override
    public void close() {
      try {
        file.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static Cipher cipher(int mode, SecretKey key, byte[] iv) {
    try {
      Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
      c.init(mode, key, new IvParameterSpec(iv));
      return c;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CTR is part of every Java runtime", e);
    }
  }
}
