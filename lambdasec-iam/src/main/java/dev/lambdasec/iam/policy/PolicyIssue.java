package dev.lambdasec.iam.policy;

import dev.lambdasec.model.Origin;

/** Something wrong with how a policy is written, found while parsing or linting it. */
public record PolicyIssue(Kind kind, String message, Origin origin) {

  /** Kinds of policy grammar problems. */
  public enum Kind {
    /** No {@code Version}: IAM applies the 2008-10-17 rules, where policy variables do not work. */
    MISSING_VERSION,
    OLD_VERSION,
    /** A key IAM does not know; IAM rejects or ignores it. */
    UNKNOWN_KEY,
    /** A key written twice in one object; readers keep only one of them. */
    DUPLICATE_KEY,
    /** An effect other than {@code Allow} or {@code Deny}, including other letter cases. */
    INVALID_EFFECT,
    MISSING_ELEMENT,
    CONFLICTING_ELEMENTS,
    /** Two statements with the same {@code Sid}. */
    DUPLICATE_SID,
    /** A condition operator IAM does not know, or one written in another letter case. */
    UNKNOWN_OPERATOR,
    /** A condition value the operator cannot compare, or a qualifier the operator does not take. */
    MALFORMED_CONDITION,
    /** An action that is not {@code *} or {@code service:action}. */
    MALFORMED_ACTION,
    /** A service prefix the action catalog does not know. */
    UNKNOWN_SERVICE,
    /** An action the action catalog does not know (a typo, or newer than the catalog). */
    UNKNOWN_ACTION,
    /** An element IAM does not allow in this kind of policy (a Principal in an identity policy). */
    MISPLACED_ELEMENT,
    MALFORMED
  }
}
