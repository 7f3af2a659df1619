package org.ltcreports.measures;

import java.util.List;

/** A trim point file that cannot be used: every problem, each naming the file and line. */
public final class TrimPointsException extends RuntimeException {
  private final List<String> problems;

  public TrimPointsException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
