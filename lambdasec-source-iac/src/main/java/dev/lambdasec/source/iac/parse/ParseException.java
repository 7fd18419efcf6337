package dev.lambdasec.source.iac.parse;

/**
 * A document that could not be parsed. The message describes the problem only; it never quotes the
 * document, which may hold secrets.
 */
public final class ParseException extends Exception {

  private final int line;
  private final int column;

  /**
   * @param line 1-based line, or 0 when unknown
   * @param column 1-based column, or 0 when unknown
   */
  public ParseException(String message, int line, int column) {
    super(message);
    this.line = line;
    this.column = column;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
