package dev.lambdasec.model;

/**
 * An input that could not be read, or a part of it that was skipped. Messages are plain sentences
 * without stack traces and never quote file contents, which may hold secrets.
 *
 * @param file the file as given on the command line
 * @param line 1-based line, or 0 when the whole file is concerned
 * @param column 1-based column, or 0
 * @param kind an error (the input or a part of it was not read) or a note (read, with something
 *     left unevaluated, such as an API definition stored outside the template)
 */
public record InputError(String file, int line, int column, String message, Kind kind) {

  /** How serious the problem is. */
  public enum Kind {
    ERROR,
    NOTE
  }

  public InputError(String file, int line, int column, String message) {
    this(file, line, column, message, Kind.ERROR);
  }

  public static InputError note(String file, int line, int column, String message) {
    return new InputError(file, line, column, message, Kind.NOTE);
  }

  public boolean isNote() {
    return kind == Kind.NOTE;
  }
}
