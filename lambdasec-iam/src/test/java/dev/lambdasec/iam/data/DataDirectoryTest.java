package dev.lambdasec.iam.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {

  @Test
  void propertyWinsThenEnvironmentThenXdgThenHome() {
    assertThat(DataDirectory.resolve("/p", "/e", "/x", "/h")).contains(Path.of("/p"));
    assertThat(DataDirectory.resolve(null, "/e", "/x", "/h")).contains(Path.of("/e"));
    assertThat(DataDirectory.resolve(null, null, "/x", "/h"))
        .contains(Path.of("/x/lambdasec/data"));
    assertThat(DataDirectory.resolve(null, "", "", "/h"))
        .contains(Path.of("/h/.cache/lambdasec/data"));
    assertThat(DataDirectory.resolve(null, null, null, null)).isEmpty();
  }

  @Test
  void anEmptyPropertyTurnsRefreshedDataOff() {
    assertThat(DataDirectory.resolve("", "/e", "/x", "/h")).isEmpty();
  }
}
