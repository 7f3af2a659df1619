package org.ltcreports.web.pages;

import java.time.YearMonth;
import org.ltcreports.submission.StoredArtifact;
import org.ltcreports.submission.Submission;

/**
 * The files stored for one version of a return — name (linked to the exact bytes), size and SHA-256
 * — as the confirmation page and the history page show them.
 */
final class StoredFilesTable {
  private StoredFilesTable() {}

  static void show(Markup m, Exchange x, String code, YearMonth month, Submission s) {
    m.open("table").el("caption", "Stored files of version " + s.version());
    m.open("thead")
        .open("tr")
        .el("th", "File", "scope", "col")
        .el("th", "Bytes", "scope", "col", "class", "num")
        .el("th", "SHA-256", "scope", "col")
        .close("tr")
        .close("thead")
        .open("tbody");
    String versions = x.base() + "/practices/" + code + "/returns/" + month + "/versions/";
    for (StoredArtifact a : s.artifacts()) {
      m.open("tr")
          .open("td")
          .a(versions + s.version() + "/" + a.format().extension(), a.fileName())
          .close("td")
          .el("td", a.byteSize(), "class", "num")
          .open("td")
          .el("code", a.sha256())
          .close("td")
          .close("tr");
    }
    m.close("tbody").close("table");
  }
}
