package dev.lambdasec.source.aws.collect;

import dev.lambdasec.source.aws.snapshot.IamFacts;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * IAM of an account from {@code GetAccountAuthorizationDetails} alone: every role, customer managed
 * policy, user and group with their documents, 1,000 entities per page. No per-role calls. AWS
 * managed policies come from the bundled data, not from the account.
 */
final class IamCollector {

  private final IamClient iam;
  private final Calls calls;

  IamCollector(IamClient iam, Calls calls) {
    this.iam = iam;
    this.calls = calls;
  }

  IamFacts.Iam collect() {
    List<IamFacts.Role> roles = new ArrayList<>();
    List<IamFacts.Policy> policies = new ArrayList<>();
    List<IamFacts.User> users = new ArrayList<>();
    List<IamFacts.Group> groups = new ArrayList<>();
    calls.get(
        "iam:GetAccountAuthorizationDetails",
        "iam",
        null,
        () -> {
          for (GetAccountAuthorizationDetailsResponse page :
              iam.getAccountAuthorizationDetailsPaginator(r ->
                  r.filter(
                          EntityType.ROLE,
                          EntityType.LOCAL_MANAGED_POLICY,
                          EntityType.USER,
                          EntityType.GROUP)
                      .maxItems(1000))) {
            page.roleDetailList().forEach(r -> roles.add(role(r)));
            page.policies().forEach(p -> policy(p, policies));
            page.userDetailList().forEach(u -> users.add(user(u)));
            page.groupDetailList().forEach(g -> groups.add(group(g)));
          }
          return true;
        });
    return new IamFacts.Iam(roles, policies, users, groups);
  }

  private static IamFacts.Role role(RoleDetail r) {
    Map<String, String> tags = new LinkedHashMap<>();
    r.tags().forEach(t -> tags.put(t.key(), t.value()));
    return new IamFacts.Role(
        r.arn(),
        r.roleName(),
        decode(r.assumeRolePolicyDocument()),
        inline(r.rolePolicyList()),
        attached(r.attachedManagedPolicies()),
        r.permissionsBoundary() == null ? null : r.permissionsBoundary().permissionsBoundaryArn(),
        tags);
  }

  private static void policy(ManagedPolicyDetail p, List<IamFacts.Policy> out) {
    for (PolicyVersion v : p.policyVersionList()) {
      if (Boolean.TRUE.equals(v.isDefaultVersion()) || v.versionId().equals(p.defaultVersionId())) {
        String doc = decode(v.document());
        if (doc != null) {
          String name =
              p.policyName() != null
                  ? p.policyName()
                  : p.arn().substring(p.arn().lastIndexOf('/') + 1);
          out.add(new IamFacts.Policy(p.arn(), name, doc));
        }
        return;
      }
    }
  }

  private static IamFacts.User user(UserDetail u) {
    return new IamFacts.User(
        u.arn(),
        u.userName(),
        inline(u.userPolicyList()),
        attached(u.attachedManagedPolicies()),
        u.permissionsBoundary() == null ? null : u.permissionsBoundary().permissionsBoundaryArn());
  }

  private static IamFacts.Group group(GroupDetail g) {
    return new IamFacts.Group(
        g.arn(), g.groupName(), inline(g.groupPolicyList()), attached(g.attachedManagedPolicies()));
  }

  private static List<IamFacts.InlinePolicy> inline(List<PolicyDetail> policies) {
    List<IamFacts.InlinePolicy> out = new ArrayList<>();
    for (PolicyDetail p : policies) {
      String doc = decode(p.policyDocument());
      if (doc != null) {
        out.add(new IamFacts.InlinePolicy(p.policyName(), doc));
      }
    }
    return out;
  }

  private static List<String> attached(List<AttachedPolicy> policies) {
    return policies.stream().map(AttachedPolicy::policyArn).toList();
  }

  /** IAM returns documents URL-encoded (RFC 3986); some emulators return them plain. */
  static @Nullable String decode(@Nullable String document) {
    if (document == null) {
      return null;
    }
    String trimmed = document.trim();
    if (trimmed.startsWith("{")) {
      return trimmed;
    }
    return URLDecoder.decode(document.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
