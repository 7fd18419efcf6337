package dev.lambdasec.model;

import java.util.List;

/**
 * An IAM user, for the policies attached to it (long-lived credentials belong nowhere near Lambda).
 */
public record IamUser(
    Meta meta,
    Value<String> name,
    List<PolicyDocument> inlinePolicies,
    List<Value<Ref>> managedPolicies,
    Value<Ref> permissionsBoundary)
    implements Resource {
  public IamUser {
    inlinePolicies = List.copyOf(inlinePolicies);
    managedPolicies = List.copyOf(managedPolicies);
  }
}
