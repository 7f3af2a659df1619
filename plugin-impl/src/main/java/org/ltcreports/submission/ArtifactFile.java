package org.ltcreports.submission;

import java.util.Objects;
import org.ltcreports.api.report.Format;

/** One file of a return as rendered, to be stored byte for byte. */
public record ArtifactFile(Format format, String fileName, byte[] bytes) {
  public ArtifactFile {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(fileName, "fileName");
    bytes = Objects.requireNonNull(bytes, "bytes").clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }
}
