package dev.lambdasec.iam;

import dev.lambdasec.iam.policy.Statement;

/** One statement of one attached policy. */
public record Grant(AttachedPolicy policy, Statement statement) {

  /** {@code policyName/Sid} or {@code policyName/#n}. */
  public String label() {
    return policy.name() + "/" + statement.label();
  }
}
