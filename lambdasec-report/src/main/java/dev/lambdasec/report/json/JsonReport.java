package dev.lambdasec.report.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.lambdasec.engine.ChecklistEntry;
import dev.lambdasec.engine.ChecklistStatus;
import dev.lambdasec.engine.Finding;
import dev.lambdasec.engine.Report;
import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.engine.api.Status;
import dev.lambdasec.engine.api.Subject;
import dev.lambdasec.model.InputError;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.SourceUnit;
import dev.lambdasec.model.Suppression;
import dev.lambdasec.report.ReportSummary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** The JSON document; record components are written in declaration order. */
record JsonReport(
    Tool tool,
    String scannedAt,
    List<Input> inputs,
    Summary summary,
    List<JsonFinding> findings,
    List<JsonChecklistEntry> checklist,
    List<JsonError> errors,
    List<JsonError> notes) {

  static JsonReport of(Report report) {
    Report.ToolInfo t = report.tool();
    return new JsonReport(
        new Tool(t.name(), t.version(), t.informationUri()),
        report.scannedAt().toString(),
        report.inputs().stream().map(Input::of).toList(),
        Summary.of(ReportSummary.of(report), report),
        report.findings().stream().map(JsonFinding::of).toList(),
        report.checklist().stream().map(JsonChecklistEntry::of).toList(),
        Stream.concat(
                report.errors().stream().filter(e -> !e.isNote()).map(JsonError::of),
                report.ruleErrors().stream().map(JsonError::of))
            .toList(),
        report.errors().stream().filter(InputError::isNote).map(JsonError::of).toList());
  }

  record Tool(String name, String version, String informationUri) {}

  record Input(String scope, SourceKind kind) {
    static Input of(SourceUnit unit) {
      return new Input(unit.scope(), unit.kind());
    }
  }

  record Summary(
      int failed,
      int passed,
      int unknown,
      Map<Severity, Integer> failedBySeverity,
      Map<ChecklistStatus, Integer> controls,
      int errors,
      int notes,
      int suppressed,
      Map<String, Integer> resources) {
    static Summary of(ReportSummary s, Report report) {
      return new Summary(
          s.failed(),
          s.passed(),
          s.unknown(),
          s.failedBySeverity(),
          s.controls(),
          s.errors(),
          s.notes(),
          s.suppressed(),
          report.resourceCounts());
    }
  }

  record JsonFinding(
      String ruleId,
      String title,
      Status status,
      Severity severity,
      List<Control> controls,
      Resource resource,
      Location location,
      String message,
      String fingerprint,
      @JsonInclude(Include.NON_EMPTY) Map<String, String> evidence,
      @JsonInclude(Include.NON_NULL) @Nullable JsonSuppression suppression) {

    static JsonFinding of(Finding f) {
      Suppression accepted = f.suppression();
      return new JsonFinding(
          f.ruleId(),
          f.title(),
          f.status(),
          f.severity(),
          f.controls(),
          Resource.of(f.subject()),
          Location.of(f.origin(), f.subject()),
          f.message(),
          f.fingerprint(),
          new TreeMap<>(f.evidence()),
          accepted == null
              ? null
              : new JsonSuppression(
                  accepted.reason() == null ? "" : accepted.reason(),
                  Location.of(accepted.origin(), f.subject())));
    }
  }

  /** The inline suppression that accepts a finding: it stays in the report, marked. */
  record JsonSuppression(String reason, Location location) {}

  /**
   * The resource a finding is about.
   *
   * @param scope the input the resource came from (template path, configuration, account/region)
   * @param part the part of the resource the finding is about, such as one environment variable
   */
  record Resource(
      String id,
      String type,
      @Nullable String name,
      String scope,
      @JsonInclude(Include.NON_NULL) @Nullable String definedBy,
      @JsonInclude(Include.NON_NULL) @Nullable String part) {

    static Resource of(Subject s) {
      return new Resource(
          s.id(), s.type(), s.name(), s.key().scope(), s.definedBy(), s.discriminator());
    }
  }

  /**
   * Where a finding points. Live resources have no file; their ARN is given instead.
   *
   * @param line 1-based, or {@code null} when unknown
   * @param column 1-based, or {@code null} when unknown
   */
  record Location(
      @Nullable String file,
      @Nullable Integer line,
      @Nullable Integer column,
      @JsonInclude(Include.NON_NULL) @Nullable String arn) {

    static Location of(Origin o, Subject subject) {
      String arn = null;
      if (o.file() == null) {
        String holder = o.resourceId();
        String id = holder != null ? holder : subject.id();
        arn = id.startsWith("arn:") ? id : null;
      }
      return new Location(o.file(), positive(o.line()), positive(o.column()), arn);
    }
  }

  record JsonChecklistEntry(
      Control control,
      String title,
      ChecklistStatus status,
      int failed,
      int passed,
      int unknown,
      int suppressed,
      List<String> rules) {
    static JsonChecklistEntry of(ChecklistEntry e) {
      return new JsonChecklistEntry(
          e.control(),
          e.control().title(),
          e.status(),
          e.failed(),
          e.passed(),
          e.unknown(),
          e.suppressed(),
          e.rules());
    }
  }

  record JsonError(
      @Nullable String file,
      @Nullable Integer line,
      @Nullable Integer column,
      String message,
      @JsonInclude(Include.NON_NULL) @Nullable String rule) {
    static JsonError of(InputError e) {
      return new JsonError(e.file(), positive(e.line()), positive(e.column()), e.message(), null);
    }

    static JsonError of(Report.RuleError e) {
      return new JsonError(null, null, null, e.message(), e.ruleId());
    }
  }

  private static @Nullable Integer positive(int n) {
    return n > 0 ? n : null;
  }
}
