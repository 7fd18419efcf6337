package dev.lambdasec.report;

import dev.lambdasec.engine.ChecklistEntry;
import dev.lambdasec.engine.ChecklistStatus;
import dev.lambdasec.engine.Finding;
import dev.lambdasec.engine.Report;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.engine.api.Status;
import dev.lambdasec.model.InputError;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The totals every format shows: results by status, failures by severity, controls by checklist
 * status.
 *
 * @param failedBySeverity every severity, most severe first, with its count of failures
 * @param controls every checklist status with the number of controls in it
 * @param errors inputs that could not be read, and rules that failed internally
 * @param notes parts of inputs that were read but not evaluated
 * @param suppressed failures and unknowns accepted by an inline suppression with a reason (not
 *     counted in {@code failed} or {@code unknown})
 */
public record ReportSummary(
    int failed,
    int passed,
    int unknown,
    Map<Severity, Integer> failedBySeverity,
    Map<ChecklistStatus, Integer> controls,
    int errors,
    int notes,
    int suppressed) {

  public ReportSummary {
    failedBySeverity = Collections.unmodifiableMap(new EnumMap<>(failedBySeverity));
    controls = Collections.unmodifiableMap(new EnumMap<>(controls));
  }

  public static ReportSummary of(Report report) {
    Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      bySeverity.put(s, 0);
    }
    Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
    int suppressed = 0;
    for (Finding f : report.findings()) {
      if (f.isSuppressed()) {
        suppressed++;
        continue;
      }
      byStatus.merge(f.status(), 1, Integer::sum);
      if (f.status() == Status.FAIL) {
        bySeverity.merge(f.severity(), 1, Integer::sum);
      }
    }
    Map<ChecklistStatus, Integer> controls = new EnumMap<>(ChecklistStatus.class);
    for (ChecklistStatus s : ChecklistStatus.values()) {
      controls.put(s, 0);
    }
    for (ChecklistEntry e : report.checklist()) {
      controls.merge(e.status(), 1, Integer::sum);
    }
    return new ReportSummary(
        byStatus.getOrDefault(Status.FAIL, 0),
        byStatus.getOrDefault(Status.PASS, 0),
        byStatus.getOrDefault(Status.UNKNOWN, 0),
        bySeverity,
        controls,
        (int) report.errors().stream().filter(e -> !e.isNote()).count()
            + report.ruleErrors().size(),
        (int) report.errors().stream().filter(InputError::isNote).count(),
        suppressed);
  }

  /** The number of controls in {@code status}. */
  public int controls(ChecklistStatus status) {
    return controls.getOrDefault(status, 0);
  }

  /** The number of checklist controls. */
  public int controlCount() {
    return controls.values().stream().mapToInt(Integer::intValue).sum();
  }
}
