package org.ltcreports.review;

/** A save that would overwrite someone else's newer version of the same review. */
public final class ReviewConflict extends RuntimeException {
  public ReviewConflict(String message) {
    super(message);
  }
}
