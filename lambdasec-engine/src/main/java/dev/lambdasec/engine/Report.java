package dev.lambdasec.engine;

import dev.lambdasec.model.InputError;
import dev.lambdasec.model.SourceUnit;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one scan produced; every output writer renders this record and nothing else.
 *
 * @param findings PASS, FAIL and UNKNOWN results (NOT_APPLICABLE ones are only counted in the
 *     checklist)
 * @param rules the rules that ran
 * @param inputs what was scanned
 * @param errors inputs or parts of inputs that could not be read
 * @param ruleErrors rules that failed with an internal error (a bug in lambdasec; exit code 4)
 * @param resourceCounts how many resources of each kind the scanned application has, by plural noun
 *     ({@code functions}, {@code roles}, {@code apiRoutes}…)
 */
public record Report(
    ToolInfo tool,
    Instant scannedAt,
    List<SourceUnit> inputs,
    List<RuleDescriptor> rules,
    List<Finding> findings,
    List<ChecklistEntry> checklist,
    List<InputError> errors,
    List<RuleError> ruleErrors,
    Map<String, Integer> resourceCounts) {

  public Report {
    inputs = List.copyOf(inputs);
    rules = List.copyOf(rules);
    findings = List.copyOf(findings);
    checklist = List.copyOf(checklist);
    errors = List.copyOf(errors);
    ruleErrors = List.copyOf(ruleErrors);
    resourceCounts = Collections.unmodifiableMap(new TreeMap<>(resourceCounts));
  }

  /** The number of resources of a kind, 0 when there are none. */
  public int count(String kind) {
    return resourceCounts.getOrDefault(kind, 0);
  }

  /** A rule that threw instead of reporting; the message names the exception type only. */
  public record RuleError(String ruleId, String message) {}

  /** The tool's name and version as reported in outputs. */
  public record ToolInfo(String name, String version, String informationUri) {}
}
