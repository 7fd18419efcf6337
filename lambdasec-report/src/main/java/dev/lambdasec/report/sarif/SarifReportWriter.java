package dev.lambdasec.report.sarif;

import dev.lambdasec.engine.Finding;
import dev.lambdasec.engine.Report;
import dev.lambdasec.engine.RuleDescriptor;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.engine.api.Status;
import dev.lambdasec.engine.api.Subject;
import dev.lambdasec.model.InputError;
import dev.lambdasec.model.Origin;
import dev.lambdasec.report.JsonSupport;
import dev.lambdasec.report.ReportWriter;
import dev.lambdasec.report.WriterOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Writes SARIF 2.1.0: one run whose driver lists every rule that ran, FAIL and UNKNOWN results
 * (PASS ones too when asked), physical locations for findings in files, logical locations for every
 * resource, and the input errors as tool execution notifications.
 */
public final class SarifReportWriter implements ReportWriter {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String FINGERPRINT_KEY = "lambdasec/v1";

  private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]+");

  private final WriterOptions options;

  public SarifReportWriter(WriterOptions options) {
    this.options = options;
  }

  @Override
  public void write(Report report, OutputStream out) throws IOException {
    JsonSupport.write(log(report), out);
  }

  private Sarif.Log log(Report report) {
    Map<String, Integer> ruleIndex = new HashMap<>();
    List<Sarif.ReportingDescriptor> rules = new ArrayList<>();
    for (RuleDescriptor rule : report.rules()) {
      ruleIndex.put(rule.id(), rules.size());
      rules.add(descriptor(rule));
    }
    Report.ToolInfo tool = report.tool();
    Sarif.ToolComponent driver =
        new Sarif.ToolComponent(
            tool.name(), tool.version(), tool.version(), tool.informationUri(), rules);
    List<Sarif.Result> results =
        report.findings().stream()
            .filter(f -> f.status() != Status.PASS || options.showPassed())
            .map(f -> result(f, ruleIndex.get(f.ruleId())))
            .toList();
    Sarif.Invocation invocation =
        new Sarif.Invocation(
            report.ruleErrors().isEmpty(),
            Stream.concat(
                    report.errors().stream().map(SarifReportWriter::notification),
                    report.ruleErrors().stream().map(SarifReportWriter::notification))
                .toList());
    Sarif.Run run =
        new Sarif.Run(
            new Sarif.Tool(driver),
            List.of(invocation),
            Map.of(
                ArtifactUris.SRCROOT,
                new Sarif.ArtifactLocation(
                    null,
                    null,
                    new Sarif.Message(
                        "The directory lambdasec ran in; file paths are as given on the command"
                            + " line."))),
            results);
    return new Sarif.Log(SCHEMA, "2.1.0", List.of(run));
  }

  private static Sarif.ReportingDescriptor descriptor(RuleDescriptor rule) {
    List<String> tags = new ArrayList<>();
    tags.add("security");
    rule.controls().forEach(c -> tags.add(c.name()));
    return new Sarif.ReportingDescriptor(
        rule.id(),
        upperCamelCase(rule.title()),
        new Sarif.Message(rule.title()),
        new Sarif.Message(rule.summary()),
        new Sarif.MultiformatMessage(rule.doc(), rule.doc()),
        new Sarif.ReportingConfiguration(level(rule.severity())),
        new Sarif.RuleProperties(
            String.format(Locale.ROOT, "%.1f", rule.severity().score()), tags, "high"));
  }

  private static Sarif.Result result(Finding f, @Nullable Integer ruleIndex) {
    Subject s = f.subject();
    Sarif.LogicalLocation logical =
        new Sarif.LogicalLocation(s.id(), s.key().toString(), "resource");
    Sarif.Location location = new Sarif.Location(physical(f.origin()), List.of(logical));
    return new Sarif.Result(
        f.ruleId(),
        ruleIndex,
        kind(f.status()),
        f.status() == Status.FAIL ? level(f.severity()) : levelOf(f.status()),
        new Sarif.Message(f.message()),
        List.of(location),
        Map.of(FINGERPRINT_KEY, f.fingerprint()),
        f.suppression() == null
            ? List.of()
            : List.of(
                new Sarif.Suppression(
                    "inSource", "accepted", String.valueOf(f.suppression().reason()))),
        new Sarif.ResultProperties(
            f.status().name(),
            f.controls(),
            s.type(),
            s.definedBy(),
            s.discriminator(),
            new TreeMap<>(f.evidence())));
  }

  private static Sarif.Notification notification(Report.RuleError e) {
    return new Sarif.Notification("error", new Sarif.Message(e.message()), List.of());
  }

  private static Sarif.Notification notification(InputError e) {
    Origin at = new Origin(e.file(), e.line(), e.column(), null, null);
    return new Sarif.Notification(
        e.isNote() ? "note" : "error",
        new Sarif.Message(e.message()),
        List.of(new Sarif.Location(physical(at), null)));
  }

  private static Sarif.@Nullable PhysicalLocation physical(Origin origin) {
    String file = origin.file();
    if (file == null) {
      return null;
    }
    Sarif.Region region =
        origin.line() > 0
            ? new Sarif.Region(origin.line(), origin.column() > 0 ? origin.column() : null)
            : null;
    return new Sarif.PhysicalLocation(ArtifactUris.of(file), region);
  }

  private static String kind(Status status) {
    return switch (status) {
      case FAIL -> "fail";
      case PASS -> "pass";
      case UNKNOWN -> "review";
      case NOT_APPLICABLE -> "notApplicable";
    };
  }

  /** The level of a result that is not a failure. */
  private static String levelOf(Status status) {
    return status == Status.UNKNOWN ? "note" : "none";
  }

  static String level(Severity severity) {
    return switch (severity) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /** "Execution role grants no wildcard actions" becomes "ExecutionRoleGrantsNoWildcardActions". */
  static String upperCamelCase(String title) {
    StringBuilder name = new StringBuilder();
    for (String word : NON_ALPHANUMERIC.split(title, -1)) {
      if (!word.isEmpty()) {
        name.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
      }
    }
    return name.toString();
  }
}
