package dev.lambdasec.engine;

import dev.lambdasec.model.InputError;
import dev.lambdasec.model.SourceUnit;
import java.time.Instant;
import java.util.List;

/**
 * Everything one scan produced; every output writer renders this record and nothing else.
 *
 * @param findings PASS, FAIL and UNKNOWN results (NOT_APPLICABLE ones are only counted in the
 *     checklist)
 * @param rules the rules that ran
 * @param inputs what was scanned
 * @param errors inputs or parts of inputs that could not be read
 */
public record Report(
    ToolInfo tool,
    Instant scannedAt,
    List<SourceUnit> inputs,
    List<RuleDescriptor> rules,
    List<Finding> findings,
    List<ChecklistEntry> checklist,
    List<InputError> errors) {

  public Report {
    inputs = List.copyOf(inputs);
    rules = List.copyOf(rules);
    findings = List.copyOf(findings);
    checklist = List.copyOf(checklist);
    errors = List.copyOf(errors);
  }

  /** The tool's name and version as reported in outputs. */
  public record ToolInfo(String name, String version, String informationUri) {}
}
