package org.ltcreports.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.api.spi.Role;

/** The template layer escapes every value and refuses markup it cannot make safe. */
class MarkupTest {
  static final String EVIL = "<script>alert('x')</script>\"&";

  @Test
  void textAndAttributeValuesAreEscaped() {
    String html = new Markup().el("p", EVIL, "title", EVIL, "data-x", "a\"b").toString();
    assertThat(html).doesNotContain("<script>").doesNotContain("'x'");
    assertThat(html)
        .isEqualTo(
            "<p title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;\" data-x=\"a&quot;b\">"
                + "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;</p>");
  }

  @Test
  void namesAreCheckedAndLinksStayInside() {
    assertThatThrownBy(() -> new Markup().open("p onclick=x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Markup().open("p", "on click", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Markup().a("javascript:alert(1)", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Markup().a("//evil.example/", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Markup().open("p", "odd"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Markup().a("/ltc/x?a=1&b=2", "x").toString())
        .contains("href=\"/ltc/x?a=1&amp;b=2\"");
  }

  @Test
  void nullAttributesAreLeftOutAndFlagsWork() {
    assertThat(
            new Markup()
                .empty("input", "checked", Markup.flag(false, "checked"), "name", "n")
                .toString())
        .isEqualTo("<input name=\"n\">");
    assertThat(new Markup().empty("input", "checked", Markup.flag(true, "checked")).toString())
        .isEqualTo("<input checked=\"checked\">");
  }

  @Test
  void pageLayoutHasSkipLinkLandmarksAndEscapedUser() {
    HostUser u = new HostUser("<b>eve</b>", Set.of(Role.AUDITOR), Set.of(), Set.of());
    Page p = new Page("/ltc", u, "tok", "Title & <more>");
    p.body().el("p", "body");
    String html = p.render();
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">");
    assertThat(html).contains("class=\"skip-link\"").contains("<main id=\"main\"");
    assertThat(html).contains("<nav aria-label=\"Main\">").contains("Audit log");
    assertThat(html).doesNotContain("<b>eve</b>").contains("&lt;b&gt;eve&lt;/b&gt;");
    assertThat(html).contains("<h1>Title &amp; &lt;more&gt;</h1>");
    assertThat(html).doesNotContain("Submissions"); // an auditor has no returns
  }
}
