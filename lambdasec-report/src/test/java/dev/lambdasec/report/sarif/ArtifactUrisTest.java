package dev.lambdasec.report.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArtifactUrisTest {

  @Test
  void makesRelativePathsForwardSlashUrisAgainstTheSourceRoot() {
    assertThat(ArtifactUris.of("./templates/orders.yaml"))
        .isEqualTo(new Sarif.ArtifactLocation("templates/orders.yaml", "%SRCROOT%", null));
    assertThat(ArtifactUris.of("infra\\reports\\main.tf").uri()).isEqualTo("infra/reports/main.tf");
  }

  @Test
  void escapesCharactersThatAreNotAllowedInUris() {
    assertThat(ArtifactUris.of("my templates/órders.yaml").uri())
        .isEqualTo("my%20templates/%C3%B3rders.yaml");
    assertThat(ArtifactUris.of("a:b.yaml").uri()).isEqualTo("./a:b.yaml");
  }

  @Test
  void makesAbsolutePathsFileUrisWithoutABase() {
    assertThat(ArtifactUris.of("/srv/app/template.yaml"))
        .isEqualTo(new Sarif.ArtifactLocation("file:///srv/app/template.yaml", null, null));
    assertThat(ArtifactUris.of("C:\\work\\template.yaml").uri())
        .isEqualTo("file:///C:/work/template.yaml");
  }

  @Test
  void turnsRuleTitlesIntoUpperCamelCaseNames() {
    assertThat(SarifReportWriter.upperCamelCase("Execution role grants no wildcard actions"))
        .isEqualTo("ExecutionRoleGrantsNoWildcardActions");
    assertThat(SarifReportWriter.upperCamelCase("API has a WAF; X-Ray tracing is on"))
        .isEqualTo("APIHasAWAFXRayTracingIsOn");
  }
}
