package dev.lambdasec.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeCatalogReaderTest {

  @Test
  void aRefreshedTableIsUsedOnlyWhenValid(@TempDir Path dir) throws IOException {
    Path file = dir.resolve(RuntimeCatalogReader.FILE);
    assertThat(RuntimeCatalogReader.readValid(file)).isEmpty();
    Files.writeString(file, "not,a,table\n");
    assertThat(RuntimeCatalogReader.readValid(file)).isEmpty();
    StringBuilder csv =
        new StringBuilder(
            "runtime_id,language,operating_system,deprecation_date,block_function_create_date,"
                + "block_function_update_date,successor,source,notes\n");
    for (int i = 0; i < 25; i++) {
      csv.append("python3.")
          .append(i)
          .append(",Python,Amazon Linux 2023,2030-01-01,not scheduled,,,test,\n");
    }
    Files.writeString(file, csv.toString());
    assertThat(RuntimeCatalogReader.readValid(file))
        .get()
        .satisfies(c -> {
          assertThat(c.runtimes()).hasSize(25);
          assertThat(c.source()).startsWith("refreshed ");
          assertThat(c.find("python3.7").orElseThrow().deprecation()).hasToString("2030-01-01");
        });
  }

  @Test
  void theBuildNeverSeesAUsersRefreshedTable() {
    assertThat(RuntimeCatalogReader.installed().source()).startsWith("bundled");
  }
}
