package org.ltcreports.measures;

/**
 * The version of the measure rules (measures.md as implemented here). Written into every output so
 * a figure can be traced to the rule that made it; bump it whenever a rule's result can change.
 */
public final class RulesVersion {
  public static final String VALUE = "ltc-rules-2026.11.1";

  private RulesVersion() {}
}
