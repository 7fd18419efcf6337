package dev.lambdasec.source.aws.snapshot;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * IAM as {@code GetAccountAuthorizationDetails} returns it, with policy documents decoded to JSON
 * text.
 */
public final class IamFacts {

  private IamFacts() {}

  /** The global IAM facts of an account. */
  public record Iam(List<Role> roles, List<Policy> policies, List<User> users, List<Group> groups) {
    static final Iam EMPTY = new Iam(List.of(), List.of(), List.of(), List.of());

    public Iam {
      roles = Snapshot.copy(roles);
      policies = Snapshot.copy(policies);
      users = Snapshot.copy(users);
      groups = Snapshot.copy(groups);
    }
  }

  /**
   * A role.
   *
   * @param trustPolicy the assume-role policy document (JSON)
   * @param managedPolicies ARNs of attached managed policies
   * @param permissionsBoundary ARN of the boundary policy, or {@code null}
   */
  public record Role(
      String arn,
      String name,
      @Nullable String trustPolicy,
      List<InlinePolicy> inlinePolicies,
      List<String> managedPolicies,
      @Nullable String permissionsBoundary,
      Map<String, String> tags) {
    public Role {
      inlinePolicies = Snapshot.copy(inlinePolicies);
      managedPolicies = Snapshot.copy(managedPolicies);
      tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
  }

  /** An inline policy: its name and document (JSON). */
  public record InlinePolicy(String name, String document) {}

  /** A customer managed policy with its default version's document (JSON). */
  public record Policy(String arn, String name, String document) {}

  /** A user, for the policies attached to it. */
  public record User(
      String arn,
      String name,
      List<InlinePolicy> inlinePolicies,
      List<String> managedPolicies,
      @Nullable String permissionsBoundary) {
    public User {
      inlinePolicies = Snapshot.copy(inlinePolicies);
      managedPolicies = Snapshot.copy(managedPolicies);
    }
  }

  /** A group, for the policies attached to it. */
  public record Group(
      String arn, String name, List<InlinePolicy> inlinePolicies, List<String> managedPolicies) {
    public Group {
      inlinePolicies = Snapshot.copy(inlinePolicies);
      managedPolicies = Snapshot.copy(managedPolicies);
    }
  }
}
