package dev.lambdasec.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdasec.engine.Report;
import dev.lambdasec.report.Output;
import dev.lambdasec.report.SampleReport;
import dev.lambdasec.report.SchemaCheck;
import dev.lambdasec.testkit.Golden;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {

  private static final SchemaCheck SCHEMA =
      new SchemaCheck("/dev/lambdasec/report/json/report.schema.json");

  private final Report report = SampleReport.create();
  private final String json = Output.of(new JsonReportWriter(), report);
  private final JsonNode doc = SchemaCheck.parse(json);

  @Test
  void matchesTheGoldenReport() {
    Golden.assertMatches(Path.of("src/test/resources/golden/report.json"), json);
  }

  @Test
  void followsItsSchema() {
    assertThat(SCHEMA.violations(doc)).isEmpty();
  }

  @Test
  void schemaRejectsAFindingWithoutItsFingerprint() {
    ObjectNode broken = doc.deepCopy();
    ((ObjectNode) broken.get("findings").get(0)).remove("fingerprint");

    assertThat(SCHEMA.violations(broken))
        .singleElement(InstanceOfAssertFactories.STRING)
        .contains("fingerprint");
  }

  @Test
  void keepsTheContractKeysInOrder() {
    assertThat(keys(doc)).containsSubsequence("tool", "findings", "checklist", "errors");
    assertThat(keys(doc.get("findings").get(0)))
        .containsSubsequence(
            "ruleId",
            "status",
            "severity",
            "controls",
            "resource",
            "location",
            "message",
            "fingerprint");
    assertThat(keys(doc.get("checklist").get(0)))
        .containsSubsequence("control", "status", "failed", "passed");
  }

  @Test
  void writesEveryResultWhateverItsStatus() {
    assertThat(doc.get("findings")).hasSize(report.findings().size());
  }

  @Test
  void givesALiveFindingNoFileButItsArn() {
    JsonNode location = finding("DEPS-001", "FAIL").get("location");

    assertThat(location.get("file").isNull()).isTrue();
    assertThat(location.get("line").isNull()).isTrue();
    assertThat(location.get("arn").asText()).isEqualTo(SampleReport.LEGACY_ARN);
  }

  @Test
  void namesTheGeneratorOfAGeneratedResourceAndThePartOfAResource() {
    assertThat(finding("IAM-001", "FAIL").at("/resource/definedBy").asText())
        .isEqualTo("OrdersApiFunction");
    assertThat(finding("SECRET-001", "FAIL").at("/resource/part").asText())
        .isEqualTo("Environment.STRIPE_API_KEY");
    assertThat(finding("AUTH-001", "FAIL").get("resource").has("definedBy")).isFalse();
    assertThat(finding("AUTH-001", "FAIL").get("location").has("arn")).isFalse();
  }

  @Test
  void keepsASuppressedFindingMarkedWithItsReasonAndWhereItIsWritten() {
    JsonNode suppression = finding("LOG-001", "FAIL").get("suppression");

    assertThat(suppression.get("reason").asText())
        .isEqualTo("Payment logs are kept for the 10-year audit duty (RISK-31)");
    assertThat(suppression.at("/location/line").asInt()).isEqualTo(70);
    assertThat(doc.at("/summary/suppressed").asInt()).isEqualTo(1);
    assertThat(finding("AUTH-001", "FAIL").has("suppression")).isFalse();
  }

  @Test
  void writesTheSameBytesEveryTime() {
    assertThat(Output.of(new JsonReportWriter(), SampleReport.create())).isEqualTo(json);
  }

  private JsonNode finding(String ruleId, String status) {
    return StreamSupport.stream(doc.get("findings").spliterator(), false)
        .filter(f -> f.get("ruleId").asText().equals(ruleId))
        .filter(f -> f.get("status").asText().equals(status))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
