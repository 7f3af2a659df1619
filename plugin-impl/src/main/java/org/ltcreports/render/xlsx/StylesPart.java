package org.ltcreports.render.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A set of named cell styles made once with POI, in a workbook of their own: the styles part
 * ({@code xl/styles.xml}) every workbook of the set carries, as bytes, and each style's index,
 * which cells refer to. Until issue 21 (session 15) each workbook made its styles again as XmlBeans
 * objects.
 */
final class StylesPart {
  private final byte[] xml;

  private StylesPart(byte[] xml) {
    this.xml = xml;
  }

  byte[] xml() {
    return xml;
  }

  /**
   * The styles {@code recipe} makes in a new workbook, by name, with their part.
   *
   * @param <K> the styles' names
   */
  record Named<K extends Enum<K>>(StylesPart part, Map<K, Integer> index) {
    /** A style's index; no style is the workbook's default, 0. */
    int of(K name) {
      return name == null ? 0 : index.get(name);
    }
  }

  static <K extends Enum<K>> Named<K> of(
      Class<K> names, Function<Workbook, Map<K, CellStyle>> recipe) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Map<K, Integer> index = new EnumMap<>(names);
      recipe.apply(wb).forEach((k, s) -> index.put(k, (int) s.getIndex()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.getStylesSource().writeTo(out);
      return new Named<>(new StylesPart(out.toByteArray()), Map.copyOf(index));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
