package dev.lambdasec.iam;

import dev.lambdasec.iam.policy.Policy;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * A policy as it applies to a role, with where it is written.
 *
 * @param holder the resource whose source text holds the statements: the role for inline policies,
 *     the managed policy resource for customer managed ones, {@code null} for AWS managed policies
 * @param attachedAt where the attachment is written (the inline policy, or the ARN in the role)
 */
public record AttachedPolicy(
    Kind kind, String name, Policy policy, @Nullable Resource holder, Origin attachedAt) {

  /** Where a policy comes from. */
  public enum Kind {
    INLINE,
    CUSTOMER_MANAGED,
    AWS_MANAGED
  }

  /** True for policies whose text the application's authors wrote (inline or customer managed). */
  public boolean authored() {
    return kind != Kind.AWS_MANAGED;
  }
}
