package dev.lambdasec.source.iac.terraform;

import java.nio.file.Path;

/** Paths as shown to users: forward slashes, {@code ..} resolved where the text allows. */
final class Displays {

  private Displays() {}

  /** A file of the folder shown as {@code folder}. */
  static String file(String folder, String name) {
    return folder.equals(".") ? name : folder + "/" + name;
  }

  /** The folder {@code relative} names, seen from the folder shown as {@code base}. */
  static String child(String base, String relative) {
    String joined = Path.of(base).resolve(relative).normalize().toString().replace('\\', '/');
    return joined.isEmpty() ? "." : joined;
  }
}
