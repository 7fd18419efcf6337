package dev.lambdasec.iam;

import dev.lambdasec.iam.policy.Condition;
import java.util.List;

/**
 * Whether a principal may perform an action on a resource, and the statements that decide it.
 *
 * @param allowedBy the allow statements that (may) apply
 * @param deniedBy the deny statements that (may) apply
 * @param reason for UNKNOWN, what lambdasec could not see
 */
public record Decision(
    Outcome outcome, List<Grant> allowedBy, List<Grant> deniedBy, String reason) {

  /** Outcomes, from the most to the least permissive. */
  public enum Outcome {
    /** An unconditional allow applies and no deny can apply. */
    ALLOWED,
    /** Allowed only when conditions hold, or a conditional deny may block it. */
    CONDITIONAL,
    /** Depends on values or policies lambdasec cannot see. */
    UNKNOWN,
    /** No allow applies (implicit deny). */
    NOT_ALLOWED,
    /** An unconditional explicit deny applies. */
    DENIED
  }

  public Decision {
    allowedBy = List.copyOf(allowedBy);
    deniedBy = List.copyOf(deniedBy);
  }

  public boolean allowed() {
    return outcome == Outcome.ALLOWED || outcome == Outcome.CONDITIONAL;
  }

  /**
   * The conditions under which the request is allowed or denied: those of every applying allow and
   * deny statement, for messages ("allowed when aws:SourceVpce = vpce-1").
   */
  public List<Condition> conditions() {
    return java.util.stream.Stream.concat(allowedBy.stream(), deniedBy.stream())
        .flatMap(g -> g.statement().conditions().stream())
        .toList();
  }
}
