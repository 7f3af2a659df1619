package org.ltcreports.api.spi;

/**
 * The plugin's roles (governance.md "Access control"). Host containers map their roles to these.
 */
public enum Role {
  PRACTICE_USER,
  PRACTICE_LEAD,
  LOCALITY_MANAGER,
  COMMISSIONER,
  AUDITOR,
  /**
   * A community case manager: the patients on their own caseload (open episodes, and episodes
   * closed in the last 90 days), whatever their practice, and nothing else patient-level. Which
   * case manager(s) the user is comes from the host ({@link HostUser#caseManagers()}).
   */
  CASE_MANAGER
}
