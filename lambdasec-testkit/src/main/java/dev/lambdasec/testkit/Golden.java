package dev.lambdasec.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.NullMarked;

/**
 * Golden-file assertions. With the system property {@code golden.update=true} (Maven: {@code
 * -Dgolden.update=true}) the golden file is rewritten with the actual text instead, and the diff is
 * reviewed in the pull request.
 */
@NullMarked
public final class Golden {

  /** The system property that switches from comparing to rewriting. */
  public static final String UPDATE_PROPERTY = "golden.update";

  private Golden() {}

  /**
   * Asserts that {@code actual} equals the content of {@code golden} (line ends normalised to
   * {@code \n}), or rewrites {@code golden} when updating.
   */
  public static void assertMatches(Path golden, String actual) {
    try {
      if (updating()) {
        Path parent = golden.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(golden)
          .as("golden file %s is missing; run with -D%s=true to create it", golden, UPDATE_PROPERTY)
          .exists();
      String expected = Files.readString(golden, StandardCharsets.UTF_8).replace("\r\n", "\n");
      assertThat(actual)
          .as("output differs from %s; run with -D%s=true to accept it", golden, UPDATE_PROPERTY)
          .isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True when golden files are being rewritten rather than compared. */
  public static boolean updating() {
    return Boolean.parseBoolean(System.getProperty(UPDATE_PROPERTY, "false"));
  }
}
