package org.ltcreports.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The chain hash of an event: SHA-256 (lower-case hex) over the UTF-8 of its canonical
 * serialisation ({@link CanonicalJson}), a JSON array of a format tag, every field in column order
 * (seq first, JSON null for an empty field, the time as ISO-8601 UTC) and the previous event's
 * hash. JSON escaping makes the form unambiguous: no value can imitate a field boundary. Changing
 * this format breaks the verification of every existing log, so it is tagged {@value #FORMAT} and
 * pinned by a test.
 */
final class AuditHash {
  static final String FORMAT = "ltc-audit-v1";
  static final String GENESIS = "0".repeat(64);

  private AuditHash() {}

  static String of(AuditEntry e) {
    return withSeq(e, e.seq());
  }

  /** The hash the entry's fields would have at another position (to recognise a moved event). */
  static String withSeq(AuditEntry e, long seq) {
    Object[] fields = {
      FORMAT,
      seq,
      e.eventTime().toString(),
      e.userName(),
      e.role(),
      e.action(),
      e.reportType(),
      e.practiceCode(),
      e.localityCode(),
      e.month(),
      e.audience(),
      e.parametersJson(),
      e.artifactSha256(),
      e.outcome(),
      e.policyVersion(),
      e.prevHash()
    };
    return sha256(CanonicalJson.write(Arrays.asList(fields)));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("SHA-256 is not available", ex);
    }
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
