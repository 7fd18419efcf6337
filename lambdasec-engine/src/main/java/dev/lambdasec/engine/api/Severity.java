package dev.lambdasec.engine.api;

import java.util.Locale;

/**
 * How much a failed rule matters. The score is SARIF's {@code security-severity} (CVSS-like, 0–10).
 */
public enum Severity {
  CRITICAL(9.5),
  HIGH(8.0),
  MEDIUM(5.5),
  LOW(3.0),
  INFO(0.0);

  private final double score;

  Severity(double score) {
    this.score = score;
  }

  public double score() {
    return score;
  }

  /** True when this severity is at least as serious as {@code other}. */
  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }

  public static Severity parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
