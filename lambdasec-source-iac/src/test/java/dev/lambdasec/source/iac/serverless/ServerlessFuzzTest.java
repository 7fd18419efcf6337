package dev.lambdasec.source.iac.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lambdasec.model.InputError;
import dev.lambdasec.model.Resource;
import dev.lambdasec.source.iac.IacOptions;
import dev.lambdasec.source.iac.IacReader;
import dev.lambdasec.source.iac.SourceResult;
import java.nio.charset.StandardCharsets;

/**
 * Any bytes read as a {@code serverless.yml}, decoded as the command line decodes a file: the
 * reader gives a model and per-file errors or notes, and nothing else: no exception, and no
 * internal error (the reader turns an unexpected exception into one, which would hide a crash). In
 * the normal build this replays the committed inputs under {@code ServerlessFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class ServerlessFuzzTest {

  private static final String FILE = "serverless.yml";
  private static final IacReader READER = new IacReader(IacOptions.defaults());

  @FuzzTest(maxDuration = "5m")
  void readsAnyService(byte[] data) {
    SourceResult result = READER.readText(FILE, new String(data, StandardCharsets.UTF_8));
    for (InputError e : result.errors()) {
      assertThat(e.file()).isEqualTo(FILE);
      assertThat(e.line()).isNotNegative();
      assertThat(e.column()).isNotNegative();
      assertThat(e.message()).doesNotStartWith("internal error").doesNotContain("\n\tat ");
    }
    result.application().resources().map(Resource::key).forEach(k -> assertThat(k).isNotNull());
  }
}
