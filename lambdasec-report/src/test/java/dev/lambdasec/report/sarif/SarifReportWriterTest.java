package dev.lambdasec.report.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdasec.engine.Report;
import dev.lambdasec.report.Output;
import dev.lambdasec.report.SampleReport;
import dev.lambdasec.report.SchemaCheck;
import dev.lambdasec.report.WriterOptions;
import dev.lambdasec.testkit.Golden;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SarifReportWriterTest {

  /** The official OASIS schema; see src/test/resources/sarif/README.md. */
  private static final SchemaCheck OASIS = new SchemaCheck("/sarif/sarif-schema-2.1.0.json");

  private final Report report = SampleReport.create();

  private String sarif(boolean showPassed) {
    return Output.of(new SarifReportWriter(new WriterOptions(false, showPassed)), report);
  }

  private JsonNode run(boolean showPassed) {
    return SchemaCheck.parse(sarif(showPassed)).get("runs").get(0);
  }

  @Test
  void theSchemaIsTheOasisSarif210One() {
    JsonNode schema = OASIS.schemaNode();

    assertThat(schema.get("title").asText())
        .isEqualTo("Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema");
    assertThat(schema.get("$id").asText())
        .isEqualTo(
            "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/"
                + "sarif-schema-2.1.0.json");
  }

  @Test
  void matchesTheGoldenLog() {
    Golden.assertMatches(Path.of("src/test/resources/golden/report.sarif.json"), sarif(false));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void isValidAgainstTheOasisSchema(boolean showPassed) {
    assertThat(OASIS.violations(sarif(showPassed))).isEmpty();
  }

  @Test
  void theOasisSchemaRejectsALevelSarifDoesNotKnow() {
    JsonNode log = SchemaCheck.parse(sarif(false));
    ((ObjectNode) log.at("/runs/0/results/0")).put("level", "critical");

    assertThat(OASIS.violations(log)).isNotEmpty().anySatisfy(v -> assertThat(v).contains("level"));
  }

  @Test
  void describesEveryRuleThatRan() {
    JsonNode rules = run(false).at("/tool/driver/rules");
    JsonNode iam = rules.get(4);

    assertThat(rules).hasSize(report.rules().size());
    assertThat(iam.get("id").asText()).isEqualTo("IAM-001");
    assertThat(iam.get("name").asText()).isEqualTo("ExecutionRoleGrantsNoWildcardActions");
    assertThat(iam.at("/shortDescription/text").asText())
        .isEqualTo("Execution role grants no wildcard actions");
    assertThat(iam.at("/fullDescription/text").asText())
        .startsWith("Execution role grants no wildcard actions is checked because")
        .endsWith("This second line belongs to the same paragraph.");
    assertThat(iam.at("/help/markdown").asText()).startsWith("## Rationale");
    assertThat(iam.at("/defaultConfiguration/level").asText()).isEqualTo("error");
    assertThat(iam.at("/properties/security-severity").asText()).isEqualTo("8.0");
    assertThat(iam.at("/properties/tags").toString()).isEqualTo("[\"security\",\"LP\"]");
    assertThat(iam.at("/properties/precision").asText()).isEqualTo("high");
  }

  @Test
  void reportsFailuresAndUnknownsButPassesOnlyWhenAsked() {
    assertThat(kinds(run(false))).containsOnly("fail", "review").contains("fail", "review");
    assertThat(kinds(run(true))).contains("fail", "review", "pass");
    assertThat(run(true).get("results")).hasSize(report.findings().size());
  }

  @Test
  void mapsSeveritiesAndStatusesToLevels() {
    JsonNode run = run(true);

    assertThat(result(run, "AUTH-001", "fail").get("level").asText()).isEqualTo("error");
    assertThat(result(run, "IAM-002", "fail").get("level").asText()).isEqualTo("warning");
    assertThat(result(run, "ENC-001", "fail").get("level").asText()).isEqualTo("note");
    assertThat(result(run, "LOG-002", "review").get("level").asText()).isEqualTo("note");
    assertThat(result(run, "LOG-001", "pass").get("level").asText()).isEqualTo("none");
  }

  @Test
  void pointsResultsAtTheirRuleAndFile() {
    JsonNode run = run(false);
    JsonNode result = result(run, "SECRET-001", "fail");
    int index = result.get("ruleIndex").asInt();

    assertThat(run.at("/tool/driver/rules/" + index + "/id").asText()).isEqualTo("SECRET-001");
    JsonNode location = result.at("/locations/0");
    assertThat(location.at("/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("templates/payments.json");
    assertThat(location.at("/physicalLocation/artifactLocation/uriBaseId").asText())
        .isEqualTo("%SRCROOT%");
    assertThat(location.at("/physicalLocation/region/startLine").asInt()).isEqualTo(48);
    assertThat(location.at("/physicalLocation/region/startColumn").asInt()).isEqualTo(17);
    assertThat(location.at("/logicalLocations/0/fullyQualifiedName").asText())
        .isEqualTo("templates/payments.json#PaymentsFunction");
    assertThat(result.at("/properties/part").asText()).isEqualTo("Environment.STRIPE_API_KEY");
    assertThat(result.at("/partialFingerprints/lambdasec~1v1").asText())
        .isEqualTo(report.findings().get(3).fingerprint());
  }

  @Test
  void marksASuppressedResultAsAcceptedInSourceWithItsJustification() {
    JsonNode suppressions = result(run(false), "LOG-001", "fail").get("suppressions");

    assertThat(suppressions).hasSize(1);
    assertThat(suppressions.at("/0/kind").asText()).isEqualTo("inSource");
    assertThat(suppressions.at("/0/status").asText()).isEqualTo("accepted");
    assertThat(suppressions.at("/0/justification").asText())
        .isEqualTo("Payment logs are kept for the 10-year audit duty (RISK-31)");
    assertThat(result(run(false), "SECRET-001", "fail").has("suppressions")).isFalse();
  }

  @Test
  void givesALiveResultOnlyALogicalLocation() {
    JsonNode location = result(run(false), "DEPS-001", "fail").at("/locations/0");

    assertThat(location.has("physicalLocation")).isFalse();
    assertThat(location.at("/logicalLocations/0/name").asText()).isEqualTo(SampleReport.LEGACY_ARN);
    assertThat(location.at("/logicalLocations/0/fullyQualifiedName").asText())
        .isEqualTo("123456789012/eu-west-1#" + SampleReport.LEGACY_ARN);
    assertThat(location.at("/logicalLocations/0/kind").asText()).isEqualTo("resource");
  }

  @Test
  void namesTheGeneratorOfAGeneratedResource() {
    JsonNode properties = result(run(false), "IAM-001", "fail").get("properties");

    assertThat(properties.get("definedBy").asText()).isEqualTo("OrdersApiFunction");
    assertThat(properties.get("resourceType").asText()).isEqualTo("AWS::IAM::Role");
    assertThat(properties.get("controls").toString()).isEqualTo("[\"LP\"]");
  }

  @Test
  void reportsInputErrorsAsToolExecutionNotifications() {
    JsonNode invocation = run(false).at("/invocations/0");

    assertThat(invocation.get("executionSuccessful").asBoolean())
        .as("a rule failed internally")
        .isFalse();
    JsonNode notification = invocation.at("/toolExecutionNotifications/0");
    assertThat(notification.get("level").asText()).isEqualTo("error");
    assertThat(notification.at("/message/text").asText()).startsWith("Could not parse YAML");
    assertThat(notification.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("templates/inventory.yaml");
    assertThat(notification.at("/locations/0/physicalLocation/region/startLine").asInt())
        .isEqualTo(7);
  }

  private static List<String> kinds(JsonNode run) {
    return StreamSupport.stream(run.get("results").spliterator(), false)
        .map(r -> r.get("kind").asText())
        .toList();
  }

  private static JsonNode result(JsonNode run, String ruleId, String kind) {
    return StreamSupport.stream(run.get("results").spliterator(), false)
        .filter(r -> r.get("ruleId").asText().equals(ruleId))
        .filter(r -> r.get("kind").asText().equals(kind))
        .findFirst()
        .orElseThrow();
  }
}
