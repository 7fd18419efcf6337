package dev.lambdasec.rules.support;

import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.iam.AttachedPolicy;
import dev.lambdasec.iam.PolicySet;
import dev.lambdasec.model.IamGroup;
import dev.lambdasec.model.IamUser;
import dev.lambdasec.model.ManagedPolicy;
import dev.lambdasec.model.Placeholders;
import dev.lambdasec.model.Resource;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.Value;
import java.util.LinkedHashSet;
import java.util.Set;

/** How policies may name a principal of the application in their {@code Resource} element. */
public final class Principals {

  private Principals() {}

  /**
   * Resource patterns that name {@code principal} itself or a customer managed policy attached to
   * it: its {@link Placeholders#arnOf ARN placeholders}, {@code
   * arn:aws:iam::${AWS::AccountId}:role/${Id}}, its literal ARN or name-based ARN, {@code
   * ${Policy}} ({@code Ref} of a managed policy is its ARN).
   */
  public static Set<String> self(RuleContext ctx, Resource principal) {
    Set<String> out = new LinkedHashSet<>();
    String kind =
        switch (principal) {
          case Role r -> "role";
          case IamUser u -> "user";
          case IamGroup g -> "group";
          default -> null;
        };
    if (kind == null) {
      return out;
    }
    String id = principal.id();
    out.addAll(Placeholders.arnOf(principal));
    for (String partition : new String[] {"aws", "${AWS::Partition}"}) {
      out.add("arn:" + partition + ":iam::${AWS::AccountId}:" + kind + "/${" + id + "}");
      name(principal)
          .known()
          .ifPresent(
              n -> out.add("arn:" + partition + ":iam::${AWS::AccountId}:" + kind + "/" + n));
    }
    if (principal instanceof Role r) {
      r.arn().known().ifPresent(out::add);
    }
    PolicySet set = ctx.iam().principalPolicies(principal);
    for (AttachedPolicy p : set.identity()) {
      if (p.holder() instanceof ManagedPolicy mp) {
        out.addAll(Placeholders.arnOf(mp));
        mp.arn().known().ifPresent(out::add);
      }
    }
    return out;
  }

  private static Value<String> name(Resource principal) {
    return switch (principal) {
      case Role r -> r.name();
      case IamUser u -> u.name();
      case IamGroup g -> g.name();
      default -> Value.absent(principal.origin());
    };
  }
}
