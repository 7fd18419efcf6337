package dev.lambdasec.report.console;

/** The ANSI styles the console report uses (SGR parameters). */
enum Style {
  BOLD("1"),
  DIM("2"),
  RED("31"),
  BOLD_RED("1;31"),
  GREEN("32"),
  YELLOW("33"),
  CYAN("36");

  private final String sgr;

  Style(String sgr) {
    this.sgr = sgr;
  }

  /** {@code text} wrapped in this style's escape sequence and a reset. */
  String apply(String text) {
    return "\u001B[" + sgr + "m" + text + "\u001B[0m";
  }
}
