package dev.lambdasec.model;

import java.util.List;
import java.util.Map;

/**
 * An IAM role.
 *
 * @param trustPolicy the assume-role policy
 * @param inlinePolicies inline policies, including {@code AWS::IAM::Policy} resources attached to
 *     the role
 * @param managedPolicies attached managed policies: AWS managed ones by ARN literal, customer
 *     managed ones by reference when the source defines them
 * @param permissionsBoundary the permissions boundary policy, absent when none
 */
public record Role(
    Meta meta,
    Value<String> name,
    Value<String> arn,
    Value<PolicyDocument> trustPolicy,
    List<PolicyDocument> inlinePolicies,
    List<Value<Ref>> managedPolicies,
    Value<Ref> permissionsBoundary,
    Value<Map<String, Value<String>>> tags)
    implements Resource {
  public Role {
    inlinePolicies = List.copyOf(inlinePolicies);
    managedPolicies = List.copyOf(managedPolicies);
  }
}
