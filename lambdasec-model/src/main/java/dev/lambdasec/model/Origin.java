package dev.lambdasec.model;

import org.jspecify.annotations.Nullable;

/**
 * Where a value came from: a file with a 1-based line and column, and the resource that holds it (a
 * logical id, a Terraform address or an ARN). Live values have no file; their {@code resourceId} is
 * the ARN.
 *
 * @param file the file as given on the command line, or {@code null} for values without a file
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param resourceId logical id, Terraform address or ARN of the resource holding the value
 * @param path a path to the value inside its document (JSON pointer style), when known
 */
public record Origin(
    @Nullable String file,
    int line,
    int column,
    @Nullable String resourceId,
    @Nullable String path) {

  /** An origin that says nothing; used for values produced by defaults outside any document. */
  public static final Origin NONE = new Origin(null, 0, 0, null, null);

  public static Origin at(String file, int line, int column) {
    return new Origin(file, line, column, null, null);
  }

  public static Origin ofResource(String resourceId) {
    return new Origin(null, 0, 0, resourceId, null);
  }

  public Origin withResource(@Nullable String id) {
    return new Origin(file, line, column, id, path);
  }

  public Origin withPath(@Nullable String newPath) {
    return new Origin(file, line, column, resourceId, newPath);
  }

  public boolean hasPosition() {
    return file != null && line > 0;
  }

  /** {@code file:line:column}, or the resource id when there is no file. */
  public String display() {
    if (file != null) {
      return line > 0 ? file + ":" + line + ":" + column : file;
    }
    return resourceId != null ? resourceId : "<unknown>";
  }
}
