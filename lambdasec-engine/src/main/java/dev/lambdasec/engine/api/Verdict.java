package dev.lambdasec.engine.api;

import dev.lambdasec.model.Origin;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One rule result for one subject.
 *
 * @param origin where the offending (or proving) value is; the resource declaration when there is
 *     none
 * @param message the concrete fact, naming the resource; never a secret value
 * @param severity overrides the rule's severity for this verdict (graded rules), or {@code null}
 * @param evidence facts that back the verdict, for JSON and SARIF properties
 */
public record Verdict(
    Status status,
    Subject subject,
    Origin origin,
    String message,
    @Nullable Severity severity,
    Map<String, String> evidence) {

  public Verdict {
    evidence = Map.copyOf(evidence);
  }

  public Verdict withSeverity(Severity s) {
    return new Verdict(status, subject, origin, message, s, evidence);
  }

  public Verdict withEvidence(Map<String, String> facts) {
    return new Verdict(status, subject, origin, message, severity, facts);
  }
}
