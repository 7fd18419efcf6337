package dev.lambdasec.iam.data;

import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where {@code lambdasec data update} keeps refreshed reference data, and where the loaders look
 * for it before falling back to the copies in the jar: the system property {@code
 * lambdasec.data.dir}, else the environment variable {@code LAMBDASEC_DATA_DIR}, else {@code
 * $XDG_CACHE_HOME/lambdasec/data}, else {@code ~/.cache/lambdasec/data}. Setting the property to an
 * empty string turns refreshed data off; the build points it at an empty directory, so tests always
 * judge with the bundled data.
 */
public final class DataDirectory {

  public static final String PROPERTY = "lambdasec.data.dir";
  public static final String ENVIRONMENT = "LAMBDASEC_DATA_DIR";

  private DataDirectory() {}

  /** The user data directory, or empty when refreshed data is turned off. */
  public static Optional<Path> user() {
    return resolve(
        System.getProperty(PROPERTY),
        System.getenv(ENVIRONMENT),
        System.getenv("XDG_CACHE_HOME"),
        System.getProperty("user.home"));
  }

  /** The rule above, over explicit inputs. */
  static Optional<Path> resolve(
      @Nullable String property,
      @Nullable String environment,
      @Nullable String xdgCacheHome,
      @Nullable String home) {
    if (property != null) {
      return property.isBlank() ? Optional.empty() : Optional.of(Path.of(property));
    }
    if (environment != null && !environment.isBlank()) {
      return Optional.of(Path.of(environment));
    }
    if (xdgCacheHome != null && !xdgCacheHome.isBlank()) {
      return Optional.of(Path.of(xdgCacheHome, "lambdasec", "data"));
    }
    if (home != null && !home.isBlank()) {
      return Optional.of(Path.of(home, ".cache", "lambdasec", "data"));
    }
    return Optional.empty();
  }
}
