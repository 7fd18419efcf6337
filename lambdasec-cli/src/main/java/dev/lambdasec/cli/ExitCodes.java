package dev.lambdasec.cli;

/** Process exit codes, as documented in the README. */
public final class ExitCodes {
  /** Nothing at or above the fail-on severity. */
  public static final int OK = 0;

  /** Findings at or above the fail-on severity. */
  public static final int FINDINGS = 1;

  /** Bad command line. */
  public static final int USAGE = 2;

  /** An input path or credential could not be read. */
  public static final int INPUT = 3;

  /** A bug in lambdasec. */
  public static final int INTERNAL = 4;

  private ExitCodes() {}
}
