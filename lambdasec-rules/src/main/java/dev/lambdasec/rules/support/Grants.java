package dev.lambdasec.rules.support;

import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.Subject;
import dev.lambdasec.iam.AttachedPolicy;
import dev.lambdasec.iam.EffectivePermissions;
import dev.lambdasec.iam.ExpandedStatement;
import dev.lambdasec.iam.Gap;
import dev.lambdasec.iam.Grant;
import dev.lambdasec.iam.PolicySet;
import dev.lambdasec.iam.catalog.ActionInfo;
import dev.lambdasec.iam.policy.Element;
import dev.lambdasec.iam.policy.Statement;
import dev.lambdasec.model.IamGroup;
import dev.lambdasec.model.IamUser;
import dev.lambdasec.model.ManagedPolicy;
import dev.lambdasec.model.Resource;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** What lambdasec cannot read in the holder's policies (scope: resources too), if anything. */
    public Optional<Gap> unread(boolean scope) {
      return Grants.unread(policies, scope);
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

  /**
   * The first policy or statement value lambdasec cannot read, named with its statement, for
   * UNKNOWN verdicts: the effect, an action (also one holding a deployment-time placeholder) and,
   * with {@code scope}, a resource.
   */
  public static Optional<Gap> unread(PolicySet set, boolean scope) {
    if (!set.gaps().isEmpty()) {
      return Optional.of(set.gaps().get(0));
    }
    for (Grant g : set.grants().toList()) {
      Statement s = g.statement();
      String where = "statement " + s.label() + " of policy " + g.policy().name() + ": ";
      if (s.effect().isUnresolved()) {
        return Optional.of(new Gap(where + "Effect " + s.effect().describe(), s.effect().origin()));
      }
      Map<String, Element> elements = new LinkedHashMap<>();
      elements.put("Action", s.action());
      elements.put("NotAction", s.notAction());
      if (scope) {
        elements.put("Resource", s.resource());
        elements.put("NotResource", s.notResource());
      }
      for (Map.Entry<String, Element> e : elements.entrySet()) {
        boolean action = e.getKey().endsWith("Action");
        for (Value<String> v : e.getValue().values()) {
          if (v.isUnresolved()) {
            return Optional.of(new Gap(where + e.getKey() + " " + v.describe(), v.origin()));
          }
          if (action && ExpandedStatement.placeholder(v.orElse(""))) {
            return Optional.of(
                new Gap(
                    where + e.getKey() + " " + v.orElse("") + " is known only at deployment",
                    v.origin()));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Reports the holder UNKNOWN at what cannot be read, naming it after {@code text}. */
  public static void unknown(Results out, Holder holder, boolean scope, String text) {
    Optional<Gap> gap = holder.unread(scope);
    out.unknown(
        holder.subject(),
        gap.map(Gap::origin).orElse(holder.resource().origin()),
        holder.describe() + text + gap.map(g -> ": " + g.reason()).orElse(""));
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
  public static String resources(Statement s) {
    if (s.resource().present()) {
      return s.resource().contains("*") ? "every resource" : listed(s.resource());
    }
    if (s.notResource().present()) {
      return "every resource except " + listed(s.notResource());
    }
    return "every resource";
  }

  private static String listed(Element e) {
    List<String> names = new ArrayList<>(e.known());
    if (e.hasUnresolved()) {
      names.add("resources lambdasec cannot resolve");
    }
    return summary(names);
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
