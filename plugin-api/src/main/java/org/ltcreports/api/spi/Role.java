package org.ltcreports.api.spi;

/**
 * The plugin's roles (governance.md "Access control"). Host containers map their roles to these.
 */
public enum Role {
  PRACTICE_USER,
  PRACTICE_LEAD,
  LOCALITY_MANAGER,
  COMMISSIONER,
  AUDITOR
}
