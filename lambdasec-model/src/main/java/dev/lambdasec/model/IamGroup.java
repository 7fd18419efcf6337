package dev.lambdasec.model;

import java.util.List;

/** An IAM group, for the policies attached to it. */
public record IamGroup(
    Meta meta,
    Value<String> name,
    List<PolicyDocument> inlinePolicies,
    List<Value<Ref>> managedPolicies)
    implements Resource {
  public IamGroup {
    inlinePolicies = List.copyOf(inlinePolicies);
    managedPolicies = List.copyOf(managedPolicies);
  }
}
