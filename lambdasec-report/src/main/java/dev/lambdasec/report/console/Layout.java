package dev.lambdasec.report.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Fitting plain text into the console width. */
final class Layout {

  /** The terminal width the report is laid out for. */
  static final int WIDTH = 100;

  private static final Pattern BLANKS = Pattern.compile("\\s+");

  private Layout() {}

  /**
   * Splits {@code text} at spaces into lines of at most {@code width} characters; a single word
   * longer than that gets a line of its own.
   */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : BLANKS.split(text.strip(), -1)) {
      if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (!line.isEmpty()) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  /** {@code text} cut to {@code width} characters, ending in an ellipsis when cut. */
  static String truncate(String text, int width) {
    return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "…";
  }

  /** {@code text} padded with spaces to {@code width}, and followed by at least one space. */
  static String cell(String text, int width) {
    return text + " ".repeat(Math.max(1, width - text.length()));
  }
}
