package dev.lambdasec.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.model.Application;
import dev.lambdasec.source.iac.IacOptions;
import dev.lambdasec.source.iac.IacReader;
import dev.lambdasec.source.iac.SourceResult;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SyntheticTemplateTest {

  @Test
  void generatesAValidSamTemplateWithTheRequestedFunctions() throws IOException {
    StringWriter w = new StringWriter();
    SyntheticTemplate.write(w, 30);
    SourceResult result =
        new IacReader(IacOptions.defaults()).readText("synthetic.yaml", w.toString());
    assertThat(result.errors()).isEmpty();
    Application app = result.application();
    assertThat(app.functions()).hasSize(30);
    assertThat(app.apiRoutes()).hasSize(15);
    assertThat(app.functionUrls()).hasSize(4);
  }
}
