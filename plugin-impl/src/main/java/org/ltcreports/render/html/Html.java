package org.ltcreports.render.html;

/** Escaping for HTML text and attribute values (and inline SVG, which follows the same rules). */
public final class Html {
  private Html() {}

  /**
   * Escapes {@code & < > " '} so the text can go anywhere in element content or in a quoted
   * attribute value; null becomes the empty string.
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (replacement == null && (c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
        replacement = "";
      }
      if (replacement != null) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16);
          out.append(text, 0, i);
        }
        out.append(replacement);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }
}
