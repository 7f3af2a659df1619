package org.ltcreports.source;

/** The source database could not be read; the message names the table or the cause in one line. */
public final class SourceAccessException extends RuntimeException {
  public SourceAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
