package org.ltcreports.access;

/** Thrown when {@link Permissions#require} says no; the web layer turns it into a 403. */
public final class AccessDenied extends RuntimeException {
  private final transient Decision decision;

  public AccessDenied(Decision decision) {
    super(decision.reason());
    this.decision = decision;
  }

  public Decision decision() {
    return decision;
  }
}
