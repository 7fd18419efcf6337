package dev.lambdasec.report.console;

/** Applies styles when colour is on and leaves text untouched otherwise. */
record Painter(boolean color) {

  String paint(String text, Style style) {
    return color && !text.isEmpty() ? style.apply(text) : text;
  }
}
