package dev.lambdasec.rules.support;

import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.Subject;
import dev.lambdasec.iam.AttachedPolicy;
import dev.lambdasec.iam.Grant;
import dev.lambdasec.iam.policy.Policy;
import dev.lambdasec.model.ManagedPolicy;
import dev.lambdasec.model.PolicyDocument;
import dev.lambdasec.model.Resource;
import dev.lambdasec.model.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy text the application's authors wrote, grouped by the resource that holds it: each role
 * with its inline policies, and each customer managed policy. Rules about how statements are
 * written report on the holder, where the fix goes.
 */
public final class Grants {

  private Grants() {}

  /** A resource holding authored statements. */
  public record Holder(Resource resource, List<Grant> grants) {
    public Subject subject() {
      return Subject.of(resource);
    }
  }

  public static List<Holder> authored(RuleContext ctx) {
    List<Holder> out = new ArrayList<>();
    for (Role role : ctx.app().roles()) {
      List<Grant> grants = new ArrayList<>();
      for (PolicyDocument doc : role.inlinePolicies()) {
        grants.addAll(grantsOf(ctx, AttachedPolicy.Kind.INLINE, doc.name(), doc, role));
      }
      out.add(new Holder(role, grants));
    }
    for (ManagedPolicy mp : ctx.app().managedPolicies()) {
      out.add(
          new Holder(
              mp,
              grantsOf(
                  ctx,
                  AttachedPolicy.Kind.CUSTOMER_MANAGED,
                  mp.name().known().orElse(mp.id()),
                  mp.document(),
                  mp)));
    }
    return out;
  }

  private static List<Grant> grantsOf(
      RuleContext ctx, AttachedPolicy.Kind kind, String name, PolicyDocument doc, Resource holder) {
    Policy policy = ctx.iam().policy(doc);
    AttachedPolicy attached = new AttachedPolicy(kind, name, policy, holder, doc.origin());
    return policy.statements().stream().map(s -> new Grant(attached, s)).toList();
  }

  /** "Role X" / "Managed policy X", for messages. */
  public static String describe(Resource r) {
    return (r instanceof Role ? "Role " : r instanceof ManagedPolicy ? "Managed policy " : "")
        + r.id();
  }
}
