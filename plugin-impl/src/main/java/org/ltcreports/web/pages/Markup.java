package org.ltcreports.web.pages;

import java.util.regex.Pattern;
import org.ltcreports.render.html.Html;

/**
 * The template layer of the web pages: a tiny HTML builder in which every value is escaped. Tag and
 * attribute names are constants of the calling code and are checked against a strict pattern; text
 * and attribute values are always passed through {@link Html#escape}. There is no method that
 * writes a value unescaped, so a page cannot concatenate untrusted text into its markup.
 *
 * <pre>
 * m.open("p", "class", "lead").text("Practice ").el("strong", practiceName).close("p");
 * </pre>
 */
public final class Markup {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
  private final StringBuilder out = new StringBuilder(4096);

  /** Opens a tag with attribute name/value pairs; a null value leaves the attribute out. */
  public Markup open(String tag, String... attributes) {
    out.append('<').append(name(tag));
    attrs(attributes);
    out.append('>');
    return this;
  }

  /** A tag without content ({@code input}, {@code meta}, {@code link}). */
  public Markup empty(String tag, String... attributes) {
    return open(tag, attributes);
  }

  public Markup close(String tag) {
    out.append("</").append(name(tag)).append('>');
    return this;
  }

  /** Escaped text. */
  public Markup text(Object value) {
    out.append(Html.escape(value == null ? "" : String.valueOf(value)));
    return this;
  }

  /** {@code <tag attrs>text</tag>}. */
  public Markup el(String tag, Object text, String... attributes) {
    return open(tag, attributes).text(text).close(tag);
  }

  /**
   * A link within the plugin (a path, a fragment or a query: never a scheme such as javascript:).
   */
  public Markup a(String href, Object text, String... attributes) {
    if (href == null
        || !(href.startsWith("/") || href.startsWith("#") || href.startsWith("?"))
        || href.startsWith("//")) {
      throw new IllegalArgumentException("links stay within the plugin: " + href);
    }
    String[] all = new String[attributes.length + 2];
    all[0] = "href";
    all[1] = href;
    System.arraycopy(attributes, 0, all, 2, attributes.length);
    return el("a", text, all);
  }

  /** A labelled control's label. */
  public Markup label(String forId, Object text) {
    return el("label", text, "for", forId);
  }

  /** A labelled checkbox in its own {@code div.check}: the one shape every tick list uses. */
  public Markup checkbox(String id, String name, String value, boolean checked, Object label) {
    open("div", "class", "check");
    empty(
        "input",
        "type",
        "checkbox",
        "id",
        id,
        "name",
        name,
        "value",
        value,
        "checked",
        flag(checked, "checked"));
    label(id, label);
    return close("div");
  }

  /** Appends another fragment built the same way (already escaped). */
  public Markup add(Markup other) {
    out.append(other.out);
    return this;
  }

  /** Attribute-only boolean helper: "checked"/"selected"/"disabled" when the flag is set. */
  public static String flag(boolean on, String name) {
    return on ? name : null;
  }

  private void attrs(String[] attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name/value pairs");
    }
    for (int i = 0; i < attributes.length; i += 2) {
      String value = attributes[i + 1];
      if (value == null) {
        continue;
      }
      out.append(' ')
          .append(name(attributes[i]))
          .append("=\"")
          .append(Html.escape(value))
          .append('"');
    }
  }

  private static String name(String n) {
    if (n == null || !NAME.matcher(n).matches()) {
      throw new IllegalArgumentException("not a tag or attribute name: " + n);
    }
    return n;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
