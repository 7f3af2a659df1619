package org.ltcreports.report;

import java.nio.file.Path;
import java.util.List;

/** The files a batch wrote and the reports it could not write, each with its reason. */
public record BatchResult(List<Path> written, List<String> failures) {
  public boolean complete() {
    return failures.isEmpty();
  }
}
