package dev.lambdasec.engine.api;

/** The outcome of a rule for one resource. */
public enum Status {
  /** The resource meets the rule: evidence that the control is in place. */
  PASS,
  /** The resource breaks the rule. */
  FAIL,
  /** The rule cannot decide because a value it needs is unresolved or could not be collected. */
  UNKNOWN,
  /** The rule does not concern the resource (or the application has nothing it checks). */
  NOT_APPLICABLE
}
