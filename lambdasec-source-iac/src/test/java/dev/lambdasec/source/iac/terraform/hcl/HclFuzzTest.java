package dev.lambdasec.source.iac.terraform.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lambdasec.model.InputError;
import dev.lambdasec.source.iac.IacOptions;
import dev.lambdasec.source.iac.IacReader;
import dev.lambdasec.source.iac.SourceResult;

/**
 * Any text as a {@code .tf} file through the HCL parser, the evaluator and the mapper: the reader
 * returns a result, and every problem is an input error on that file with a line, never an
 * exception and never the catch-all "internal error" that hides one. In the normal build this
 * replays the committed inputs under {@code HclFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class HclFuzzTest {

  private static final IacReader READER = new IacReader(IacOptions.defaults());

  @FuzzTest(maxDuration = "5m")
  void readsAnyText(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    SourceResult result = READER.readText("main.tf", text);
    for (InputError e : result.errors()) {
      assertThat(e.message()).as(e.toString()).doesNotStartWith("internal error");
      assertThat(e.file()).as(e.toString()).endsWith("main.tf");
      if (!e.message().startsWith("expands to more than")) {
        assertThat(e.line()).as(e.toString()).isPositive();
      }
    }
  }
}
