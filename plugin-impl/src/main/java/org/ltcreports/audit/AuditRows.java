package org.ltcreports.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.mapper.RowMapper;

/** Reading {@code ltc_audit_event} and {@code ltc_audit_head} rows. Times are stored as UTC. */
final class AuditRows {
  static final String COLUMNS =
      "seq, event_time, user_name, user_role, action, report_type, practice_code, locality_code,"
          + " report_month, audience, parameters, artifact_sha256, outcome, policy_version,"
          + " prev_hash, hash";

  static final RowMapper<AuditEntry> ENTRY =
      (rs, ctx) ->
          new AuditEntry(
              rs.getLong("seq"),
              instant(rs, "event_time"),
              rs.getString("user_name"),
              rs.getString("user_role"),
              rs.getString("action"),
              rs.getString("report_type"),
              rs.getString("practice_code"),
              rs.getString("locality_code"),
              rs.getString("report_month"),
              rs.getString("audience"),
              rs.getString("parameters"),
              rs.getString("artifact_sha256"),
              rs.getString("outcome"),
              rs.getString("policy_version"),
              rs.getString("prev_hash"),
              rs.getString("hash"));

  static final RowMapper<AuditHead> HEAD =
      (rs, ctx) ->
          new AuditHead(
              rs.getLong("event_count"), rs.getString("head_hash"), instant(rs, "updated_at"));

  private AuditRows() {}

  static LocalDateTime utc(Instant t) {
    return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime t = rs.getObject(column, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }
}
