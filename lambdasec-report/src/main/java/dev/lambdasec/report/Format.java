package dev.lambdasec.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The output formats a report can be written in. */
public enum Format {
  /** Human-readable text grouped by checklist control. */
  CONSOLE,
  /** The documented JSON report. */
  JSON,
  /** SARIF 2.1.0, for code scanning dashboards. */
  SARIF;

  /**
   * The format named by {@code text}, ignoring case and surrounding blanks.
   *
   * @throws IllegalArgumentException naming the valid formats when {@code text} is none of them
   */
  public static Format parse(String text) {
    String wanted = text.trim().toUpperCase(Locale.ROOT);
    for (Format f : values()) {
      if (f.name().equals(wanted)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown format '" + text.trim() + "'; expected one of " + names());
  }

  /** The lower-case name used on the command line. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The valid names, comma-separated, for help and error messages. */
  public static String names() {
    return Arrays.stream(values()).map(Format::toString).collect(Collectors.joining(", "));
  }
}
