package dev.lambdasec.iam.policy;

import dev.lambdasec.model.Origin;

/** Something wrong with how a policy is written, found while parsing it. */
public record PolicyIssue(Kind kind, String message, Origin origin) {

  /** Kinds of policy grammar problems. */
  public enum Kind {
    MISSING_VERSION,
    OLD_VERSION,
    UNKNOWN_KEY,
    DUPLICATE_KEY,
    INVALID_EFFECT,
    MISSING_ELEMENT,
    CONFLICTING_ELEMENTS,
    MALFORMED
  }
}
