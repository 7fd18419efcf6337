package dev.lambdasec.report;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.lambdasec.testkit.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The testkit's golden-file helper, as the writer tests rely on it. */
class GoldenTest {

  @TempDir Path dir;

  @BeforeEach
  void onlyWhenComparing() {
    assumeFalse(Golden.updating(), "golden files are being rewritten");
  }

  @Test
  void passesWhenTheTextMatchesIgnoringCarriageReturns() throws IOException {
    Path golden = Files.writeString(dir.resolve("out.txt"), "one\r\ntwo\r\n");

    assertThatCode(() -> Golden.assertMatches(golden, "one\ntwo\n")).doesNotThrowAnyException();
  }

  @Test
  void failsWhenTheTextDiffers() throws IOException {
    Path golden = Files.writeString(dir.resolve("out.txt"), "one\ntwo\n");

    assertThatThrownBy(() -> Golden.assertMatches(golden, "one\nthree\n"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("golden.update=true");
  }

  @Test
  void failsWhenTheGoldenFileIsMissing() {
    assertThatThrownBy(() -> Golden.assertMatches(dir.resolve("absent.txt"), "text"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("missing");
  }
}
