package dev.lambdasec.rules.iam;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.engine.api.Subject;
import dev.lambdasec.iam.AttachedPolicy;
import dev.lambdasec.iam.EffectivePermissions;
import dev.lambdasec.iam.ExpandedStatement;
import dev.lambdasec.iam.Gap;
import dev.lambdasec.iam.Grant;
import dev.lambdasec.iam.PolicySet;
import dev.lambdasec.model.IamGroup;
import dev.lambdasec.model.IamUser;
import dev.lambdasec.model.ManagedPolicy;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.Resource;
import dev.lambdasec.model.ResourceKey;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Value;
import dev.lambdasec.rules.support.Grants;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Flags roles, users and groups whose effective permissions include every action on every resource
 * (after denies and the permissions boundary), and customer managed policies attached to no
 * principal that grant it on their own.
 */
@RuleInfo(
    id = "IAM-001",
    title = "Roles, users and groups grant no full administrative access",
    severity = Severity.CRITICAL,
    controls = {Control.LP},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class RoleGrantsNoAdministratorAccess implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    Set<ResourceKey> attached = new HashSet<>();
    ctx.iam()
        .principals()
        .flatMap(RoleGrantsNoAdministratorAccess::attachments)
        .flatMap(v -> v.known().stream())
        .map(Ref::key)
        .filter(Objects::nonNull)
        .forEach(attached::add);
    ctx.iam().principals().forEach(p -> judge(ctx, p, out));
    for (ManagedPolicy mp : ctx.app().managedPolicies()) {
      if (!attached.contains(mp.key())) {
        judge(ctx, mp, out);
      }
    }
  }

  private static Stream<Value<Ref>> attachments(Resource principal) {
    return switch (principal) {
      case Role r ->
          Stream.concat(r.managedPolicies().stream(), Stream.of(r.permissionsBoundary()));
      case IamUser u ->
          Stream.concat(u.managedPolicies().stream(), Stream.of(u.permissionsBoundary()));
      case IamGroup g -> g.managedPolicies().stream();
      default -> Stream.empty();
    };
  }

  private static void judge(RuleContext ctx, Resource holder, Results out) {
    PolicySet set = ctx.iam().principalPolicies(holder);
    EffectivePermissions p = ctx.iam().permissions(set);
    String who = Grants.describe(holder);
    if (p.onEveryResource(false).isEverything()) {
      List<ExpandedStatement> whole =
          p.allows().stream()
              .filter(
                  s -> s.unconditional() && s.scope().everything() && s.actions().isEverything())
              .toList();
      if (whole.isEmpty()) {
        Set<String> policies = new LinkedHashSet<>();
        p.allows().stream()
            .filter(s -> s.unconditional() && s.scope().everything())
            .forEach(s -> policies.add(s.grant().policy().name()));
        out.fail(
            holder,
            holder.origin(),
            who
                + " allows every action on every resource through the policies "
                + Grants.summary(policies)
                + " together");
        return;
      }
      Set<AttachedPolicy> reported = new LinkedHashSet<>();
      for (ExpandedStatement s : whole) {
        if (reported.add(s.grant().policy())) {
          Grant g = s.grant();
          out.fail(
              holder instanceof ManagedPolicy
                  ? Subject.of(holder).part(g.statement().label())
                  : Subject.of(holder).part(g.policy().name()),
              origin(g),
              who + " allows every action on every resource through " + Grants.where(g));
        }
      }
    } else if (p.uncertain()) {
      Gap gap =
          Grants.unread(set, true)
              .orElse(new Gap("a statement has values lambdasec cannot resolve", holder.origin()));
      out.unknown(
          holder, gap.origin(), who + " has policies lambdasec cannot read: " + gap.reason());
    } else {
      out.pass(holder, who + " grants no full administrative access");
    }
  }

  private static Origin origin(Grant g) {
    return g.policy().kind() == AttachedPolicy.Kind.AWS_MANAGED
        ? g.policy().attachedAt()
        : g.statement().origin();
  }
}
