package dev.lambdasec.engine;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleSettings;
import dev.lambdasec.engine.api.RuntimeCatalog;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.engine.api.Status;
import dev.lambdasec.engine.api.Verdict;
import dev.lambdasec.iam.Iam;
import dev.lambdasec.model.Application;
import dev.lambdasec.model.InputError;
import dev.lambdasec.model.Suppression;
import dev.lambdasec.secrets.SecretDetector;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Runs a rule set over an application and produces the report. */
public final class Engine {

  private final RuleSet rules;
  private final RuntimeCatalog runtimes;
  private final SecretDetector secrets;
  private final Clock clock;
  private final RuleSettings settings;

  public Engine(
      RuleSet rules,
      RuntimeCatalog runtimes,
      SecretDetector secrets,
      Clock clock,
      RuleSettings settings) {
    this.rules = rules;
    this.runtimes = runtimes;
    this.secrets = secrets;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * Evaluates every rule. A rule that throws does not stop the scan: its failure is added to the
   * errors as an internal error, which the CLI turns into exit code 4.
   */
  public Report run(Application app, List<InputError> inputErrors, Report.ToolInfo tool) {
    Context context =
        new Context(app, Iam.of(app), runtimes, secrets, LocalDate.now(clock), settings);
    List<Finding> findings = new ArrayList<>();
    List<Report.RuleError> ruleErrors = new ArrayList<>();
    Map<Control, Tally> tallies = new EnumMap<>(Control.class);
    Suppressions suppressions = new Suppressions(app.suppressions());
    for (LoadedRule rule : rules.rules()) {
      Results out = new Results();
      try {
        rule.rule().evaluate(context, out);
      } catch (RuntimeException e) {
        ruleErrors.add(
            new Report.RuleError(
                rule.id(), "internal error in rule " + rule.id() + ": " + e.getClass().getName()));
        continue;
      }
      for (Verdict v : out.verdicts()) {
        Finding f = toFinding(rule.descriptor(), v, suppressions);
        for (Control c : rule.descriptor().controls()) {
          tallies.computeIfAbsent(c, k -> new Tally()).count(f);
        }
        if (v.status() != Status.NOT_APPLICABLE) {
          findings.add(f);
        }
      }
    }
    findings.sort(ORDER);
    return new Report(
        tool,
        clock.instant(),
        app.sources(),
        rules.descriptors(),
        findings,
        checklist(tallies),
        inputErrors,
        ruleErrors,
        counts(app));
  }

  /** Failures first, then unknowns, then passes; most severe first, then by rule and resource. */
  private static final Comparator<Finding> ORDER =
      Comparator.comparing((Finding f) -> statusRank(f.status()))
          .thenComparing(Finding::severity)
          .thenComparing(Finding::ruleId)
          .thenComparing(f -> f.origin().display())
          .thenComparing(f -> f.subject().label());

  private static int statusRank(Status status) {
    return switch (status) {
      case FAIL -> 0;
      case UNKNOWN -> 1;
      case PASS -> 2;
      case NOT_APPLICABLE -> 3;
    };
  }

  private static Map<String, Integer> counts(Application app) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("functions", app.functions().size());
    counts.put("roles", app.roles().size());
    counts.put("managedPolicies", app.managedPolicies().size());
    counts.put("permissions", app.permissions().size());
    counts.put("functionUrls", app.functionUrls().size());
    counts.put("apis", app.apis().size());
    counts.put("apiRoutes", app.apiRoutes().size());
    counts.put("eventSourceMappings", app.eventSourceMappings().size());
    counts.put("notifications", app.notifications().size());
    counts.put("logGroups", app.logGroups().size());
    counts.put("kmsKeys", app.kmsKeys().size());
    counts.put("layers", app.layers().size());
    counts.put("trails", app.trails().size());
    return counts;
  }

  private static Finding toFinding(RuleDescriptor rule, Verdict v, Suppressions suppressions) {
    Severity severity = v.severity() != null ? v.severity() : rule.severity();
    Suppression accepted =
        v.status() == Status.FAIL || v.status() == Status.UNKNOWN
            ? suppressions.find(rule.id(), v.subject()).orElse(null)
            : null;
    return new Finding(
        rule.id(),
        rule.title(),
        v.status(),
        severity,
        rule.controls(),
        v.subject(),
        v.origin(),
        v.message(),
        Fingerprints.of(rule.id(), v.subject()),
        v.evidence(),
        accepted);
  }

  private List<ChecklistEntry> checklist(Map<Control, Tally> tallies) {
    List<ChecklistEntry> entries = new ArrayList<>();
    for (Control control : Control.values()) {
      Tally t = tallies.getOrDefault(control, new Tally());
      TreeSet<String> serving = new TreeSet<>();
      rules.rules().stream()
          .filter(r -> r.descriptor().controls().contains(control))
          .forEach(r -> serving.add(r.id()));
      entries.add(
          new ChecklistEntry(
              control,
              t.status(),
              t.failed,
              t.passed,
              t.unknown,
              t.suppressed,
              List.copyOf(serving)));
    }
    return entries;
  }

  private static final class Tally {
    int failed;
    int passed;
    int unknown;
    int suppressed;

    void count(Finding f) {
      if (f.isSuppressed()) {
        suppressed++;
        return;
      }
      switch (f.status()) {
        case FAIL -> failed++;
        case PASS -> passed++;
        case UNKNOWN -> unknown++;
        case NOT_APPLICABLE -> {}
      }
    }

    ChecklistStatus status() {
      if (failed > 0) {
        return ChecklistStatus.NOT_MET;
      }
      if (unknown > 0) {
        return ChecklistStatus.UNKNOWN;
      }
      return passed > 0 ? ChecklistStatus.MET : ChecklistStatus.NOT_APPLICABLE;
    }
  }

  private record Context(
      Application app,
      Iam iam,
      RuntimeCatalog runtimes,
      SecretDetector secrets,
      LocalDate today,
      RuleSettings settings)
      implements RuleContext {}
}
