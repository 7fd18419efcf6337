package dev.lambdasec.source.aws.map;

import static dev.lambdasec.source.aws.map.Values.at;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.IamGroup;
import dev.lambdasec.model.IamUser;
import dev.lambdasec.model.ManagedPolicy;
import dev.lambdasec.model.Meta;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.PolicyDocument;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.aws.snapshot.IamFacts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * IAM of one account. Managed policies and boundaries are referenced by ARN: customer managed ones
 * resolve to the collected {@link ManagedPolicy}, AWS managed ones to the bundled documents.
 */
final class IamMapper {

  private final String scope;
  private final Application.Builder app;

  IamMapper(String account, Application.Builder app) {
    this.scope = Scopes.account(account);
    this.app = app;
  }

  /**
   * Maps the roles Lambda can run as (those of the collected functions, and those whose trust
   * policy names the Lambda service), every user and group, and the customer managed policies
   * attached to any of them. Other roles of the account (EC2, ECS, service-linked…) are left out:
   * they are not part of a Lambda application.
   *
   * @param executionRoles role ARNs the collected functions run as
   */
  void map(IamFacts.Iam iam, Set<String> executionRoles) {
    List<IamFacts.Role> roles =
        iam.roles().stream()
            .filter(r -> executionRoles.contains(r.arn()) || trustsLambda(r.trustPolicy()))
            .toList();
    Set<String> attached = new HashSet<>();
    roles.forEach(r -> {
      attached.addAll(r.managedPolicies());
      if (r.permissionsBoundary() != null) {
        attached.add(r.permissionsBoundary());
      }
    });
    iam.users()
        .forEach(u -> {
          attached.addAll(u.managedPolicies());
          if (u.permissionsBoundary() != null) {
            attached.add(u.permissionsBoundary());
          }
        });
    iam.groups().forEach(g -> attached.addAll(g.managedPolicies()));
    iam.policies().stream().filter(p -> attached.contains(p.arn())).forEach(this::policy);
    roles.forEach(this::role);
    iam.users().forEach(this::user);
    iam.groups().forEach(this::group);
  }

  private static boolean trustsLambda(@Nullable String trust) {
    return trust != null
        && (trust.contains("lambda.amazonaws.com") || trust.contains("edgelambda.amazonaws.com"));
  }

  private Meta meta(String arn, String type) {
    return Meta.of(scope, arn, type, Origin.ofResource(arn));
  }

  private void policy(IamFacts.Policy p) {
    app.add(
        new ManagedPolicy(
            meta(p.arn(), "AWS::IAM::ManagedPolicy"),
            Value.set(p.name(), at(p.arn(), "/PolicyName")),
            Value.set(p.arn(), at(p.arn(), "/Arn")),
            new PolicyDocument(
                p.name(), JsonDocuments.toNode(p.document(), p.arn(), "/PolicyDocument"))));
  }

  private void role(IamFacts.Role r) {
    String arn = r.arn();
    Origin o = Origin.ofResource(arn);
    Map<String, Value<String>> tags = new LinkedHashMap<>();
    r.tags().forEach((k, v) -> tags.put(k, Value.set(v, at(arn, "/Tags/" + k))));
    app.add(
        new Role(
            meta(arn, "AWS::IAM::Role"),
            Value.set(r.name(), at(arn, "/RoleName")),
            Value.set(arn, at(arn, "/Arn")),
            r.trustPolicy() == null
                ? Value.absent(o)
                : Value.set(
                    new PolicyDocument(
                        "AssumeRolePolicyDocument",
                        JsonDocuments.toNode(r.trustPolicy(), arn, "/AssumeRolePolicyDocument")),
                    at(arn, "/AssumeRolePolicyDocument")),
            inline(r.inlinePolicies(), arn),
            managed(r.managedPolicies(), arn),
            boundary(r.permissionsBoundary(), arn),
            Value.set(tags, at(arn, "/Tags"))));
  }

  private void user(IamFacts.User u) {
    app.add(
        new IamUser(
            meta(u.arn(), "AWS::IAM::User"),
            Value.set(u.name(), at(u.arn(), "/UserName")),
            inline(u.inlinePolicies(), u.arn()),
            managed(u.managedPolicies(), u.arn()),
            boundary(u.permissionsBoundary(), u.arn())));
  }

  private void group(IamFacts.Group g) {
    app.add(
        new IamGroup(
            meta(g.arn(), "AWS::IAM::Group"),
            Value.set(g.name(), at(g.arn(), "/GroupName")),
            inline(g.inlinePolicies(), g.arn()),
            managed(g.managedPolicies(), g.arn())));
  }

  private static List<PolicyDocument> inline(List<IamFacts.InlinePolicy> policies, String arn) {
    List<PolicyDocument> out = new ArrayList<>();
    for (IamFacts.InlinePolicy p : policies) {
      out.add(
          new PolicyDocument(
              p.name(), JsonDocuments.toNode(p.document(), arn, "/Policies/" + p.name())));
    }
    return out;
  }

  private static List<Value<Ref>> managed(List<String> arns, String owner) {
    List<Value<Ref>> out = new ArrayList<>();
    for (int i = 0; i < arns.size(); i++) {
      out.add(Value.set(Ref.literal(arns.get(i)), at(owner, "/AttachedManagedPolicies/" + i)));
    }
    return out;
  }

  private static Value<Ref> boundary(@Nullable String arn, String owner) {
    Origin o = at(owner, "/PermissionsBoundary");
    return arn == null ? Value.absent(o) : Value.set(Ref.literal(arn), o);
  }
}
