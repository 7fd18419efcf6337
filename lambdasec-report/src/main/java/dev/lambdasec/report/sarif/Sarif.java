package dev.lambdasec.report.sarif;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lambdasec.engine.api.Control;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The subset of SARIF 2.1.0 lambdasec writes, as records named after the objects of the
 * specification. Absent ({@code null}) properties are left out.
 */
final class Sarif {

  private Sarif() {}

  @JsonInclude(Include.NON_NULL)
  record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {}

  @JsonInclude(Include.NON_NULL)
  record Run(
      Tool tool,
      List<Invocation> invocations,
      Map<String, ArtifactLocation> originalUriBaseIds,
      List<Result> results) {}

  record Tool(ToolComponent driver) {}

  @JsonInclude(Include.NON_NULL)
  record ToolComponent(
      String name,
      String version,
      String semanticVersion,
      String informationUri,
      List<ReportingDescriptor> rules) {}

  record ReportingDescriptor(
      String id,
      String name,
      Message shortDescription,
      Message fullDescription,
      MultiformatMessage help,
      ReportingConfiguration defaultConfiguration,
      RuleProperties properties) {}

  /** A plain-text message; also used where the schema asks for a multiformat string. */
  record Message(String text) {}

  record MultiformatMessage(String text, String markdown) {}

  record ReportingConfiguration(String level) {}

  record RuleProperties(
      @JsonProperty("security-severity") String securitySeverity,
      List<String> tags,
      String precision) {}

  @JsonInclude(Include.NON_NULL)
  record Result(
      String ruleId,
      @Nullable Integer ruleIndex,
      String kind,
      String level,
      Message message,
      List<Location> locations,
      Map<String, String> partialFingerprints,
      @JsonInclude(Include.NON_EMPTY) List<Suppression> suppressions,
      ResultProperties properties) {}

  /** SARIF's record that a result was reviewed and accepted in the source. */
  record Suppression(String kind, String status, String justification) {}

  @JsonInclude(Include.NON_NULL)
  record Location(
      @Nullable PhysicalLocation physicalLocation,
      @Nullable List<LogicalLocation> logicalLocations) {}

  @JsonInclude(Include.NON_NULL)
  record PhysicalLocation(ArtifactLocation artifactLocation, @Nullable Region region) {}

  @JsonInclude(Include.NON_NULL)
  record ArtifactLocation(
      @Nullable String uri, @Nullable String uriBaseId, @Nullable Message description) {}

  @JsonInclude(Include.NON_NULL)
  record Region(int startLine, @Nullable Integer startColumn) {}

  record LogicalLocation(String name, String fullyQualifiedName, String kind) {}

  /**
   * lambdasec's own result properties.
   *
   * @param part the part of the resource the result is about, such as one environment variable
   * @param evidence the facts the rule recorded for the verdict
   */
  @JsonInclude(Include.NON_NULL)
  record ResultProperties(
      String status,
      List<Control> controls,
      String resourceType,
      @Nullable String definedBy,
      @Nullable String part,
      @JsonInclude(Include.NON_EMPTY) Map<String, String> evidence) {}

  record Invocation(boolean executionSuccessful, List<Notification> toolExecutionNotifications) {}

  record Notification(String level, Message message, List<Location> locations) {}
}
