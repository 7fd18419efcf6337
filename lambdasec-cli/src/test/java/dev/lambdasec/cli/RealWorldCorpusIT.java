package dev.lambdasec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdasec.testkit.Paths;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every file under {@code ../shared/corpus/realworld} scans without a crash: malformed ones land in
 * {@code errors} with a plain message, no rule fails internally, and the process exits normally.
 * Skips when the corpus is not next to the repository.
 */
class RealWorldCorpusIT {

  @Test
  void everyRealWorldFileScansWithoutACrash() throws IOException {
    assumeTrue(Paths.corpus().isPresent(), "../shared/corpus is not present");
    Path realworld = Paths.corpus().get().resolve("realworld");
    Cli cli = Cli.run("scan", realworld.toString(), "-f", "json", "--fail-on", "none");
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.OK);
    JsonNode report = new ObjectMapper().readTree(cli.out());
    List<String> crashes = new ArrayList<>();
    for (JsonNode e : report.path("errors")) {
      String message = e.path("message").asText();
      if (e.hasNonNull("rule")
          || message.contains("internal error")
          || message.contains("Exception")) {
        crashes.add(e.path("file").asText() + ": " + message);
      }
    }
    assertThat(crashes).isEmpty();
    assertThat(report.path("summary").path("resources").path("functions").asInt())
        .isGreaterThan(500);
  }
}
