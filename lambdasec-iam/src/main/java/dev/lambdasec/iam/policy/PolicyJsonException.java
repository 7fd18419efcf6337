package dev.lambdasec.iam.policy;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Policy text that is not one well-formed JSON value, with where the reader stopped. */
public final class PolicyJsonException extends IOException {

  private static final long serialVersionUID = 1L;

  private final @Nullable String file;
  private final int line;
  private final int column;

  public PolicyJsonException(String message, @Nullable String file, int line, int column) {
    super(
        (file != null ? file + ":" : "")
            + (line > 0 ? line + ":" + column + ": " : (file != null ? " " : ""))
            + message);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  public @Nullable String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
