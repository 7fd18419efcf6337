package dev.lambdasec.rules.support;

import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.Subject;
import dev.lambdasec.iam.AttachedPolicy;
import dev.lambdasec.iam.EffectivePermissions;
import dev.lambdasec.iam.ExpandedStatement;
import dev.lambdasec.iam.Grant;
import dev.lambdasec.iam.PolicySet;
import dev.lambdasec.iam.catalog.ActionInfo;
import dev.lambdasec.model.IamGroup;
import dev.lambdasec.model.IamUser;
import dev.lambdasec.model.ManagedPolicy;
import dev.lambdasec.model.Resource;
import dev.lambdasec.model.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The policy text the application's authors wrote, grouped by the resource that holds it: each
 * role, user and group with its inline policies, and each customer managed policy. Rules about how
 * statements are written report on the holder, where the fix goes.
 */
public final class Grants {

  private static final int SHOWN = 5;

  private Grants() {}

  /** A resource holding authored statements, with their effective permissions. */
  public record Holder(Resource resource, PolicySet policies, EffectivePermissions permissions) {

    public Subject subject() {
      return Subject.of(resource);
    }

    public List<Grant> grants() {
      return policies.grants().toList();
    }

    public boolean isEmpty() {
      return policies.grants().findAny().isEmpty() && policies.gaps().isEmpty();
    }

    /**
     * True when a policy or a statement's effect or actions cannot be read, so a rule about actions
     * cannot pass the holder.
     */
    public boolean unreadableActions() {
      return !policies.gaps().isEmpty()
          || permissions.allows().stream().anyMatch(ExpandedStatement::unresolvedActions)
          || policies.grants().anyMatch(g -> g.statement().effect().isUnresolved());
    }

    /** Also true when a statement's resources cannot be read. */
    public boolean unreadableScope() {
      return unreadableActions()
          || permissions.allows().stream().anyMatch(e -> e.scope().hasUnresolved());
    }

    /** What the holder is, for messages: "Role OrdersRole", "Managed policy Readers". */
    public String describe() {
      return Grants.describe(resource);
    }
  }

  /**
   * Every holder of authored statements, in model order: roles, users, groups, managed policies.
   */
  public static List<Holder> authored(RuleContext ctx) {
    List<Holder> out = new ArrayList<>();
    Stream.<List<? extends Resource>>of(
            ctx.app().roles(), ctx.app().users(), ctx.app().groups(), ctx.app().managedPolicies())
        .flatMap(List::stream)
        .forEach(r -> {
          PolicySet set = ctx.iam().authoredPolicies(r);
          out.add(new Holder(r, set, ctx.iam().permissions(set)));
        });
    return out;
  }

  /**
   * "Role X", "User X", "Group X", "Managed policy X", "Policy X" (a policy resource attached to
   * principals outside the template), for messages.
   */
  public static String describe(Resource r) {
    return switch (r) {
          case Role x -> "Role ";
          case IamUser x -> "User ";
          case IamGroup x -> "Group ";
          case ManagedPolicy x when x.resourceType().equals("AWS::IAM::ManagedPolicy") ->
              "Managed policy ";
          case ManagedPolicy x -> "Policy ";
          default -> "";
        }
        + r.id();
  }

  /** "inline policy P (statement S)", "the AWS managed policy P", for messages. */
  public static String where(Grant g) {
    AttachedPolicy p = g.policy();
    return switch (p.kind()) {
      case AWS_MANAGED -> "the AWS managed policy " + p.name();
      case CUSTOMER_MANAGED ->
          (p.holder() instanceof ManagedPolicy mp
                      && !mp.resourceType().equals("AWS::IAM::ManagedPolicy")
                  ? "policy "
                  : "managed policy ")
              + p.name()
              + " (statement "
              + g.statement().label()
              + ")";
      case INLINE -> "policy " + p.name() + " (statement " + g.statement().label() + ")";
    };
  }

  /**
   * The resources a statement covers, for messages: "every resource", "every resource except X".
   */
  public static String resources(dev.lambdasec.iam.policy.Statement s) {
    if (s.resource().present()) {
      return s.resource().contains("*") ? "every resource" : summary(s.resource().known());
    }
    if (s.notResource().present()) {
      return "every resource except " + summary(s.notResource().known());
    }
    return "every resource";
  }

  /** The first few names, and how many more. */
  public static String summary(Collection<String> names) {
    String shown = String.join(", ", names.stream().limit(SHOWN).toList());
    return names.size() > SHOWN ? shown + " and " + (names.size() - SHOWN) + " more" : shown;
  }

  /** The actions of {@code found} grouped by the statement that grants each, in policy order. */
  public static Map<ExpandedStatement, List<ActionInfo>> byStatement(
      Map<ActionInfo, List<ExpandedStatement>> found) {
    Map<ExpandedStatement, List<ActionInfo>> out = new LinkedHashMap<>();
    found.forEach((action, statements) ->
        statements.forEach(s -> out.computeIfAbsent(s, k -> new ArrayList<>()).add(action)));
    return out;
  }
}
