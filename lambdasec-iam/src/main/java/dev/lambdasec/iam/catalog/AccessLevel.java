package dev.lambdasec.iam.catalog;

/** Access levels as the Service Authorization Reference lists them. */
public enum AccessLevel {
  LIST,
  READ,
  WRITE,
  PERMISSIONS_MANAGEMENT,
  TAGGING;

  static AccessLevel parse(String text) {
    return switch (text) {
      case "List" -> LIST;
      case "Read" -> READ;
      case "Write" -> WRITE;
      case "Permissions management" -> PERMISSIONS_MANAGEMENT;
      case "Tagging" -> TAGGING;
      default -> throw new IllegalArgumentException("unknown access level " + text);
    };
  }
}
