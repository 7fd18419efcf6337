package dev.lambdasec.rules.iam;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.engine.api.Subject;
import dev.lambdasec.iam.AttachedPolicy;
import dev.lambdasec.iam.Grant;
import dev.lambdasec.iam.RolePolicies;
import dev.lambdasec.iam.policy.Statement;
import dev.lambdasec.model.ManagedPolicy;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.ResourceKey;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.rules.support.Grants;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Flags roles, and customer managed policies attached to no role, that allow every action on
 * everything.
 */
@RuleInfo(
    id = "IAM-001",
    title = "Role grants no full administrative access",
    severity = Severity.CRITICAL,
    controls = {Control.LP},
    sources = {SourceKind.CLOUDFORMATION, SourceKind.SAM, SourceKind.TERRAFORM})
public final class RoleGrantsNoAdministratorAccess implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    Set<ResourceKey> attached = new HashSet<>();
    for (Role role : ctx.app().roles()) {
      RolePolicies policies = ctx.iam().policies(role);
      role.managedPolicies().stream()
          .flatMap(v -> v.known().stream())
          .map(Ref::key)
          .filter(Objects::nonNull)
          .forEach(attached::add);
      List<Grant> admin = policies.grants().filter(g -> isAdmin(g.statement())).toList();
      if (!admin.isEmpty()) {
        for (Grant g : admin) {
          out.fail(
              Subject.of(role).part(g.policy().name()),
              origin(g),
              "Role " + role.id() + " allows every action on every resource through " + source(g));
        }
      } else if (!policies.gaps().isEmpty()) {
        out.unknown(
            role,
            policies.gaps().get(0).origin(),
            "Role "
                + role.id()
                + " has policies lambdasec cannot read: "
                + policies.gaps().get(0).reason());
      } else {
        out.pass(role, "Role " + role.id() + " grants no full administrative access");
      }
    }
    for (Grants.Holder holder : Grants.authored(ctx)) {
      if (!(holder.resource() instanceof ManagedPolicy mp) || attached.contains(mp.key())) {
        continue;
      }
      List<Grant> admin = holder.grants().stream().filter(g -> isAdmin(g.statement())).toList();
      for (Grant g : admin) {
        out.fail(
            holder.subject().part(g.statement().label()),
            g.statement().origin(),
            "Managed policy "
                + mp.id()
                + " allows every action on every resource (statement "
                + g.statement().label()
                + ")");
      }
      if (admin.isEmpty()) {
        out.pass(mp, "Managed policy " + mp.id() + " grants no full administrative access");
      }
    }
  }

  /** An allow of {@code *} (or {@code *:*}) on {@code *}. */
  static boolean isAdmin(Statement s) {
    return s.isAllow()
        && (s.action().contains("*") || s.action().contains("*:*"))
        && s.appliesToAllResources();
  }

  private static Origin origin(Grant g) {
    return g.policy().kind() == AttachedPolicy.Kind.AWS_MANAGED
        ? g.policy().attachedAt()
        : g.statement().origin();
  }

  private static String source(Grant g) {
    return switch (g.policy().kind()) {
      case AWS_MANAGED -> "the AWS managed policy " + g.policy().name();
      case CUSTOMER_MANAGED -> "the managed policy " + g.policy().name();
      case INLINE ->
          "inline policy " + g.policy().name() + " (statement " + g.statement().label() + ")";
    };
  }
}
