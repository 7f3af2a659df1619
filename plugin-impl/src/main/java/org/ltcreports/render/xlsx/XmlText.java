package org.ltcreports.render.xlsx;

/**
 * Text escaped for the parts of a workbook as the libraries that wrote them until issue 21 escaped
 * it, so the bytes stay the same: cell text as POI's {@code SheetDataWriter}, element text and
 * attribute values as XmlBeans, the core properties as the JDK's XML transformer.
 */
final class XmlText {
  private XmlText() {}

  /** A cell's text or formula ({@code SheetDataWriter.outputEscapedString}). */
  static void cell(StringBuilder b, String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\n' -> b.append("&#xa;");
        case '\r' -> b.append("&#xd;");
        case '\t' -> b.append("&#x9;");
        case '\u00A0' -> b.append("&#xa0;");
        default -> {
          // control characters and the two non-characters become '?', as XmlBeans would have
          if (cp < ' ' || cp == '\uFFFE' || cp == '\uFFFF') {
            b.append('?');
          } else {
            b.appendCodePoint(cp);
          }
        }
      }
    }
  }

  /** Element text as XmlBeans wrote it: {@code >} only escaped after {@code ]]}. */
  static void content(StringBuilder b, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '<') {
        b.append("&lt;");
      } else if (c == '&') {
        b.append("&amp;");
      } else if (c == '>' && i >= 2 && s.charAt(i - 1) == ']' && s.charAt(i - 2) == ']') {
        b.append("&gt;");
      } else {
        b.append(c);
      }
    }
  }

  /** An attribute value (in double quotes) as XmlBeans wrote it. */
  static void attribute(StringBuilder b, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '<') {
        b.append("&lt;");
      } else if (c == '&') {
        b.append("&amp;");
      } else if (c == '"') {
        b.append("&quot;");
      } else {
        b.append(c);
      }
    }
  }

  /**
   * Element text as the JDK's transformer wrote the core properties: characters outside the basic
   * plane and control characters as numeric references.
   */
  static void transformed(StringBuilder b, String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '<') {
        b.append("&lt;");
      } else if (cp == '&') {
        b.append("&amp;");
      } else if (cp == '>') {
        b.append("&gt;");
      } else if ((cp < ' ' && cp != '\t' && cp != '\n')
          || (cp >= 0x7F && cp <= 0x9F)
          || cp > 0xFFFF) {
        b.append("&#").append(cp).append(';');
      } else {
        b.appendCodePoint(cp);
      }
    }
  }
}
