package dev.lambdasec.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The command-line jar {@code package} builds, for tests that run lambdasec as users do. */
final class PackagedCli {

  private PackagedCli() {}

  /** The shaded jar in this module's {@code target}, when the build has packaged it. */
  static Optional<Path> jar() throws IOException {
    Path target = Path.of("target");
    if (!Files.isDirectory(target)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().matches("lambdasec-cli-.*-all\\.jar"))
          .findFirst()
          .map(Path::toAbsolutePath);
    }
  }
}
