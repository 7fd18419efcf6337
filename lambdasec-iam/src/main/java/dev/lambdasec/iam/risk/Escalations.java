package dev.lambdasec.iam.risk;

import dev.lambdasec.iam.Arn;
import dev.lambdasec.iam.ConditionEvaluator;
import dev.lambdasec.iam.EffectivePermissions;
import dev.lambdasec.iam.ExpandedStatement;
import dev.lambdasec.iam.Glob;
import dev.lambdasec.iam.Match;
import dev.lambdasec.iam.RequestContext;
import dev.lambdasec.iam.Scope;
import dev.lambdasec.iam.catalog.ActionCatalog;
import dev.lambdasec.iam.catalog.ActionInfo;
import dev.lambdasec.iam.catalog.ActionSet;
import dev.lambdasec.iam.policy.Condition;
import dev.lambdasec.model.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which privilege-escalation methods a set of permissions grants in full.
 *
 * <p>A method is granted when every one of its required actions is allowed (after explicit denies
 * and the permissions boundary; possibly each through a different policy) through a statement that
 * <em>qualifies</em> for the method:
 *
 * <ul>
 *   <li>Resource scope. An action that cannot be scoped to resources qualifies wherever it is
 *       allowed. Otherwise the statement must leave the resource open: {@code "Resource": "*"},
 *       {@code NotResource}, or a pattern with a wildcard in the resource part ({@code
 *       arn:aws:iam::*:role/*}, {@code role/app-*}) that can match the action's resource type. A
 *       statement naming specific resources ({@code iam:PassRole} on one role ARN, {@code
 *       lambda:UpdateFunctionCode} on one function) does not qualify: lambdasec cannot tell that
 *       the named resource is more privileged than the principal, and the field's tools agree that
 *       such scoping is the fix. One exception: a pattern that names the principal itself (a role
 *       allowed {@code iam:PutRolePolicy} on its own ARN) qualifies, since that is escalation by
 *       definition.
 *   <li>Conditions. For {@code iam:PassRole}, a condition on {@code iam:PassedToService} is
 *       evaluated against the service the method passes the role to ({@code <prefix>.amazonaws.com}
 *       of its other actions, or a written value naming that prefix): a condition that limits the
 *       pass to another service disqualifies the statement. Any other condition is kept: the method
 *       is then reported as conditional.
 * </ul>
 *
 * A required action written as a pattern ({@code iam:Put*}) needs every action it expands to.
 */
public final class Escalations {

  private static final String PASS_ROLE = "iam:passrole";
  private static final String PASSED_TO_SERVICE = "iam:PassedToService";

  private Escalations() {}

  /** One required action and the statements that grant it. */
  public record Step(String requiredAction, List<ExpandedStatement> grants) {
    public Step {
      grants = List.copyOf(grants);
    }
  }

  /** A method granted in full. */
  public record Escalation(PrivescMethod method, List<Step> steps, boolean conditional) {
    public Escalation {
      steps = List.copyOf(steps);
    }

    /** The distinct statements that together grant the method. */
    public List<ExpandedStatement> statements() {
      Set<ExpandedStatement> out = new LinkedHashSet<>();
      steps.forEach(s -> out.addAll(s.grants()));
      return List.copyOf(out);
    }
  }

  /**
   * The methods granted in full.
   *
   * @param self resource patterns that name the principal itself ({@code ${MyRole.Arn}}, its ARN)
   */
  public static List<Escalation> of(
      EffectivePermissions permissions, RiskCatalog risks, Set<String> self) {
    ActionCatalog catalog = permissions.catalog();
    ActionSet allowed = permissions.allowed();
    List<Escalation> out = new ArrayList<>();
    for (PrivescMethod method : risks.methods()) {
      Escalation e = evaluate(method, permissions, catalog, allowed, self);
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * The methods of {@code granted} that no other granted method's actions are a strict subset of:
   * the simplest ways in, for messages.
   */
  public static List<Escalation> minimal(List<Escalation> granted) {
    List<Escalation> out = new ArrayList<>();
    for (Escalation e : granted) {
      Set<String> mine = lower(e.method().requiredActions());
      boolean dominated = false;
      for (Escalation other : granted) {
        Set<String> theirs = lower(other.method().requiredActions());
        if (other != e && mine.containsAll(theirs) && !theirs.containsAll(mine)) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        out.add(e);
      }
    }
    return out;
  }

  private static Set<String> lower(List<String> actions) {
    Set<String> out = new HashSet<>();
    actions.forEach(a -> out.add(a.toLowerCase(Locale.ROOT)));
    return out;
  }

  private static @org.jspecify.annotations.Nullable Escalation evaluate(
      PrivescMethod method,
      EffectivePermissions permissions,
      ActionCatalog catalog,
      ActionSet allowed,
      Set<String> self) {
    List<Step> steps = new ArrayList<>();
    boolean conditional = false;
    for (String required : method.requiredActions()) {
      ActionSet targets = catalog.expand(required);
      if (targets.isEmpty() || !allowed.containsAll(targets)) {
        return null;
      }
      Set<ExpandedStatement> grants = new LinkedHashSet<>();
      for (ActionInfo action : catalog.actions(targets).toList()) {
        boolean sure = false;
        boolean any = false;
        for (ExpandedStatement g : permissions.grantsOf(action)) {
          Match q = qualifies(g, action, method, catalog, self);
          if (q != Match.NO) {
            any = true;
            sure |= q == Match.YES;
            grants.add(g);
          }
        }
        if (!any) {
          return null;
        }
        conditional |= !sure;
      }
      steps.add(new Step(required, List.copyOf(grants)));
    }
    return new Escalation(method, steps, conditional);
  }

  /** YES: qualifies; MAYBE: qualifies under conditions lambdasec keeps; NO: does not qualify. */
  private static Match qualifies(
      ExpandedStatement g,
      ActionInfo action,
      PrivescMethod method,
      ActionCatalog catalog,
      Set<String> self) {
    if (!scopeQualifies(g.scope(), action, catalog, self)) {
      return Match.NO;
    }
    if (g.statement().conditions().isEmpty()) {
      return Match.YES;
    }
    if (!action.fullName().toLowerCase(Locale.ROOT).equals(PASS_ROLE)) {
      return ConditionEvaluator.all(g.statement().conditions(), RequestContext.unknown());
    }
    Set<String> services = passedTo(method, g.statement().conditions());
    if (services.isEmpty()) {
      return ConditionEvaluator.all(g.statement().conditions(), RequestContext.unknown());
    }
    Match best = Match.NO;
    for (String service : services) {
      RequestContext request =
          RequestContext.partial(Map.of(PASSED_TO_SERVICE, List.of(service)), Set.of());
      best = Match.or(best, ConditionEvaluator.all(g.statement().conditions(), request));
    }
    return best;
  }

  /** The service principals a method passes its role to, for {@code iam:PassedToService}. */
  private static Set<String> passedTo(PrivescMethod method, List<Condition> conditions) {
    Set<String> prefixes = new LinkedHashSet<>();
    for (String a : method.requiredActions()) {
      int colon = a.indexOf(':');
      String prefix = colon > 0 ? a.substring(0, colon).toLowerCase(Locale.ROOT) : "";
      if (!prefix.isEmpty() && !prefix.equals("iam") && !prefix.equals("sts")) {
        prefixes.add(prefix);
      }
    }
    Set<String> out = new LinkedHashSet<>();
    for (String prefix : prefixes) {
      out.add(prefix + ".amazonaws.com");
      for (Condition c : conditions) {
        if (c.key().equalsIgnoreCase(PASSED_TO_SERVICE)) {
          c.known().stream()
              .filter(v -> v.toLowerCase(Locale.ROOT).contains(prefix))
              .forEach(out::add);
        }
      }
    }
    return out;
  }

  /**
   * Whether a resource pattern can match resources of an ARN format, field by field: the service
   * and the resource part must be compatible (partition, region and account never decide the type).
   */
  static boolean mayMatch(String pattern, String format) {
    Optional<Arn> p = Arn.parse(pattern);
    Optional<Arn> f = Arn.parse(format);
    if (p.isPresent() && f.isPresent()) {
      return Glob.resource(p.get().service(), f.get().service()) != Match.NO
          && Glob.resource(p.get().resource(), f.get().resource()) != Match.NO;
    }
    return Glob.resource(pattern, format) != Match.NO;
  }

  private static boolean scopeQualifies(
      Scope scope, ActionInfo action, ActionCatalog catalog, Set<String> self) {
    if (!action.supportsResourceScoping() || scope.unscoped()) {
      return true;
    }
    List<String> formats = catalog.arnFormats(action);
    for (Value<String> v : scope.patterns()) {
      if (v.isUnresolved()) {
        continue;
      }
      String pattern = v.orElse("");
      if (self.contains(pattern)) {
        return true;
      }
      if (Scope.unpinned(pattern)
          && (formats.isEmpty() || formats.stream().anyMatch(f -> mayMatch(pattern, f)))) {
        return true;
      }
    }
    return false;
  }
}
