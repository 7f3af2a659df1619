package org.ltcreports.audit;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.spi.Role;

/**
 * One thing to write to the audit log. The time, sequence number and hashes are added by {@link
 * AuditLog#record}. Parameters are what the request asked for (month, formats, filters); values
 * under secret-looking keys and anything that looks like a JDBC URL are replaced by {@code
 * [redacted]} before they are stored (see {@link AuditParameters}). Never put patient data or free
 * text from admission reviews here.
 *
 * @param role the role the user acted in, or null for the system (CLI batch, start-up)
 * @param artifactSha256 the SHA-256 (hex) of the file produced, if any
 * @param policyVersion the disclosure control policy version the output was made under
 */
public record AuditEvent(
    String userName,
    Role role,
    AuditAction action,
    ReportType reportType,
    String practiceCode,
    String localityCode,
    YearMonth month,
    Audience audience,
    Map<String, Object> parameters,
    String artifactSha256,
    AuditOutcome outcome,
    String policyVersion) {

  public AuditEvent {
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(outcome, "outcome");
    parameters = parameters == null ? Map.of() : new LinkedHashMap<>(parameters);
  }

  public static Builder builder(String userName, AuditAction action) {
    return new Builder(userName, action);
  }

  /** Fills an event field by field; the outcome defaults to SUCCESS. */
  public static final class Builder {
    private final String userName;
    private final AuditAction action;
    private Role role;
    private ReportType reportType;
    private String practiceCode;
    private String localityCode;
    private YearMonth month;
    private Audience audience;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private String artifactSha256;
    private AuditOutcome outcome = AuditOutcome.SUCCESS;
    private String policyVersion;

    private Builder(String userName, AuditAction action) {
      this.userName = userName;
      this.action = action;
    }

    public Builder role(Role role) {
      this.role = role;
      return this;
    }

    public Builder report(ReportType reportType) {
      this.reportType = reportType;
      return this;
    }

    public Builder practice(String practiceCode) {
      this.practiceCode = practiceCode;
      return this;
    }

    public Builder locality(String localityCode) {
      this.localityCode = localityCode;
      return this;
    }

    public Builder month(YearMonth month) {
      this.month = month;
      return this;
    }

    public Builder audience(Audience audience) {
      this.audience = audience;
      return this;
    }

    public Builder parameter(String key, Object value) {
      this.parameters.put(key, value);
      return this;
    }

    public Builder parameters(Map<String, ?> values) {
      this.parameters.putAll(values);
      return this;
    }

    public Builder artifactSha256(String sha256) {
      this.artifactSha256 = sha256;
      return this;
    }

    public Builder outcome(AuditOutcome outcome) {
      this.outcome = outcome;
      return this;
    }

    public Builder policyVersion(String policyVersion) {
      this.policyVersion = policyVersion;
      return this;
    }

    public AuditEvent build() {
      return new AuditEvent(
          userName,
          role,
          action,
          reportType,
          practiceCode,
          localityCode,
          month,
          audience,
          parameters,
          artifactSha256,
          outcome,
          policyVersion);
    }
  }
}
