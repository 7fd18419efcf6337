package dev.lambdasec.source.iac.parse;

import dev.lambdasec.model.Origin;
import org.jspecify.annotations.Nullable;

/** Builds the origins of one document: JSON-pointer paths and the enclosing resource. */
final class Origins {

  private final String file;

  Origins(String file) {
    this.file = file;
  }

  Origin at(int line, int column, @Nullable String resourceId, String path) {
    return new Origin(file, line, column, resourceId, path.isEmpty() ? "/" : path);
  }

  /** The path of a map entry, escaped as in a JSON pointer. */
  static String child(String path, String key) {
    return path + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  static String child(String path, int index) {
    return path + "/" + index;
  }

  /**
   * The resource a child of {@code path} belongs to: the key under {@code /Resources}, else the
   * parent's.
   */
  static @Nullable String resourceOf(String parentPath, String key, @Nullable String parent) {
    return "/Resources".equals(parentPath) ? key : parent;
  }
}
