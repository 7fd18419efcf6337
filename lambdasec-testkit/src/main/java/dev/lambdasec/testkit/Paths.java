package dev.lambdasec.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the repository and the shared evaluation corpus are, for tests. */
public final class Paths {

  private Paths() {}

  /** The repository root (system property {@code lambdasec.root}, set by the build). */
  public static Path repositoryRoot() {
    String root = System.getProperty("lambdasec.root");
    if (root == null || root.isBlank() || root.contains("${")) {
      return Path.of("").toAbsolutePath();
    }
    return Path.of(root);
  }

  /** {@code ../shared/corpus} next to the repository, when present. */
  public static Optional<Path> corpus() {
    Path corpus = repositoryRoot().resolve("../shared/corpus").normalize();
    return Files.isDirectory(corpus) ? Optional.of(corpus) : Optional.empty();
  }
}
