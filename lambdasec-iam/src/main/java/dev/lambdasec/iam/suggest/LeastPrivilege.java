package dev.lambdasec.iam.suggest;

import dev.lambdasec.iam.EffectivePermissions;
import dev.lambdasec.iam.ExpandedStatement;
import dev.lambdasec.iam.Scope;
import dev.lambdasec.iam.catalog.ActionCatalog;
import dev.lambdasec.iam.catalog.ActionInfo;
import dev.lambdasec.iam.catalog.ActionSet;
import dev.lambdasec.iam.policy.Condition;
import dev.lambdasec.iam.policy.Effect;
import dev.lambdasec.iam.policy.Element;
import dev.lambdasec.iam.policy.Policy;
import dev.lambdasec.iam.policy.Statement;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares what a principal is granted with what its code needs, and proposes the smallest policy
 * that still grants the needs.
 *
 * <p>The proposal keeps, for every needed action, the resources the current policies already allow
 * it on (so a need granted on one table stays on that table; a need granted on {@code *} stays on
 * {@code *} and is listed as one to narrow) and the conditions of the granting statements. Needed
 * actions the principal is not granted are reported, not invented into the proposal. Statements are
 * grouped by service, then by identical resources and conditions.
 */
public final class LeastPrivilege {

  /**
   * The comparison.
   *
   * @param needed the catalog actions the needs name (patterns expanded)
   * @param unknownNeeds needs the action catalog does not know
   * @param unneeded granted actions no need names
   * @param missing needed actions the principal is not granted
   * @param broad needed actions the proposal keeps on {@code *} because the source allows nothing
   *     narrower
   * @param suggestion the proposed policy (empty statements when nothing needed is granted)
   */
  public record Result(
      ActionSet needed,
      List<String> unknownNeeds,
      ActionSet unneeded,
      ActionSet missing,
      Set<String> broad,
      Policy suggestion) {

    public Result {
      unknownNeeds = List.copyOf(unknownNeeds);
      broad = Collections.unmodifiableSortedSet(new TreeSet<>(broad));
    }
  }

  private LeastPrivilege() {}

  public static Result analyze(EffectivePermissions permissions, Collection<String> needs) {
    ActionCatalog catalog = permissions.catalog();
    ActionSet needed = catalog.none();
    List<String> unknown = new ArrayList<>();
    for (String n : needs) {
      ActionSet expanded = catalog.expand(n.trim());
      if (expanded.isEmpty()) {
        unknown.add(n.trim());
      }
      needed = needed.union(expanded);
    }
    ActionSet granted = permissions.allowed();
    ActionSet kept = needed.intersect(granted);
    Map<String, Group> groups = new TreeMap<>();
    Set<String> broad = new TreeSet<>();
    for (ActionInfo a : catalog.actions(kept).toList()) {
      List<ExpandedStatement> by = permissions.grantsOf(a);
      if (by.isEmpty()) {
        continue;
      }
      Set<String> resources = new TreeSet<>();
      // Granted only under conditions: keep those of the first granting statement (joining several
      // statements' conditions would demand all of them at once).
      List<Condition> conditions =
          by.stream().allMatch(ExpandedStatement::conditional)
              ? by.get(0).statement().conditions()
              : List.of();
      boolean everywhere = false;
      for (ExpandedStatement s : by) {
        Scope scope = s.scope();
        if (scope.unscoped()) {
          everywhere = true;
        } else {
          scope.patterns().forEach(v -> v.known().ifPresent(resources::add));
        }
      }
      if (everywhere || resources.isEmpty()) {
        resources.clear();
        resources.add("*");
        if (a.supportsResourceScoping()) {
          broad.add(a.fullName());
        }
      }
      String key = a.service() + "|" + resources + "|" + conditionKey(conditions);
      groups
          .computeIfAbsent(key, k -> new Group(a.service(), resources, conditions))
          .actions
          .add(a.fullName());
    }
    return new Result(
        needed,
        unknown,
        granted.minus(needed),
        needed.minus(granted),
        broad,
        policy(groups.values()));
  }

  private static String conditionKey(List<Condition> conditions) {
    List<String> parts = new ArrayList<>();
    for (Condition c : conditions) {
      parts.add(c.operator() + " " + c.key() + "=" + c.known());
    }
    parts.sort(null);
    return String.join(";", parts);
  }

  private static final class Group {
    final String service;
    final Set<String> resources;
    final List<Condition> conditions;
    final Set<String> actions = new TreeSet<>();

    Group(String service, Set<String> resources, List<Condition> conditions) {
      this.service = service;
      this.resources = new LinkedHashSet<>(resources);
      this.conditions = List.copyOf(conditions);
    }
  }

  private static Policy policy(Collection<Group> groups) {
    Origin o = Origin.NONE;
    List<Statement> statements = new ArrayList<>();
    Map<String, Integer> perService = new LinkedHashMap<>();
    for (Group g : groups) {
      int n = perService.merge(g.service, 1, Integer::sum);
      String sid = sid(g.service) + (n > 1 ? Integer.toString(n) : "");
      statements.add(
          new Statement(
              statements.size(),
              sid,
              Value.set(Effect.ALLOW, o),
              null,
              null,
              element(g.actions),
              Element.absent(o),
              element(g.resources),
              Element.absent(o),
              g.conditions,
              o));
    }
    return new Policy("suggested", "2012-10-17", null, statements, List.of(), o, null);
  }

  private static Element element(Collection<String> values) {
    return new Element(
        true, values.stream().map(v -> Value.set(v, Origin.NONE)).toList(), Origin.NONE);
  }

  /** {@code dynamodb} → {@code Dynamodb}, {@code cognito-idp} → {@code CognitoIdp}. */
  private static String sid(String service) {
    StringBuilder b = new StringBuilder();
    boolean upper = true;
    for (char c : service.toCharArray()) {
      if (!Character.isLetterOrDigit(c)) {
        upper = true;
        continue;
      }
      b.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = false;
    }
    return b.toString();
  }
}
