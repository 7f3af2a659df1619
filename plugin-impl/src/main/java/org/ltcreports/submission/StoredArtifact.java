package org.ltcreports.submission;

import org.ltcreports.api.report.Format;

/** A stored file of a submission (its bytes are read with {@link Submissions#artifact}). */
public record StoredArtifact(Format format, String fileName, long byteSize, String sha256) {}
