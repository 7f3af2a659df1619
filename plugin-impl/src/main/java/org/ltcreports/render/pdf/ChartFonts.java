package org.ltcreports.render.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The DejaVu Sans faces that {@code jasperreports-fonts} ships, as AWT fonts for chart text, so
 * charts use the same face as the text of the PDF on any host (no system fonts needed).
 */
final class ChartFonts {
  private static final String DIR = "/net/sf/jasperreports/fonts/dejavu/";
  private static final Font REGULAR = load("DejaVuSans.ttf");
  private static final Font BOLD = load("DejaVuSans-Bold.ttf");

  private ChartFonts() {}

  static Font regular(float size) {
    return REGULAR.deriveFont(Font.PLAIN, size);
  }

  static Font bold(float size) {
    return BOLD.deriveFont(Font.PLAIN, size);
  }

  private static Font load(String file) {
    try (InputStream in = ChartFonts.class.getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new IllegalStateException(
            "font " + file + " missing: is jasperreports-fonts on the classpath?");
      }
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("cannot read font " + file, e);
    }
  }
}
