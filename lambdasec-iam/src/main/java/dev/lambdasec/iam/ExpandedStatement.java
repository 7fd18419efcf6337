package dev.lambdasec.iam;

import dev.lambdasec.iam.catalog.ActionCatalog;
import dev.lambdasec.iam.catalog.ActionSet;
import dev.lambdasec.iam.policy.Element;
import dev.lambdasec.iam.policy.Statement;
import dev.lambdasec.model.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement with its actions expanded against the action catalog: wildcards resolved, {@code
 * NotAction} complemented.
 *
 * @param actions the catalog actions the statement covers for sure
 * @param unknownActions actions or patterns the catalog does not know (typos, newer actions)
 * @param unresolvedActions the action element has values lambdasec cannot read: the statement may
 *     cover any action
 * @param conditional the statement has conditions; they are kept, not assumed
 */
public record ExpandedStatement(
    Grant grant,
    ActionSet actions,
    List<String> unknownActions,
    boolean unresolvedActions,
    Scope scope,
    boolean conditional) {

  public ExpandedStatement {
    unknownActions = List.copyOf(unknownActions);
  }

  public static ExpandedStatement of(Grant grant, ActionCatalog catalog) {
    Statement s = grant.statement();
    boolean negated = !s.action().present() && s.notAction().present();
    Element element = negated ? s.notAction() : s.action();
    ActionSet named = catalog.none();
    List<String> unknown = new ArrayList<>();
    boolean unresolved = s.effect().isUnresolved();
    for (Value<String> v : element.values()) {
      if (v.isUnresolved()) {
        unresolved = true;
        continue;
      }
      String pattern = v.orElse("");
      ActionSet expanded = catalog.expand(pattern);
      if (expanded.isEmpty() && !pattern.contains("${")) {
        unknown.add(pattern);
      }
      named = named.union(expanded);
    }
    return new ExpandedStatement(
        grant,
        negated ? named.complement() : named,
        negated ? List.of() : unknown,
        unresolved,
        Scope.of(s),
        !s.conditions().isEmpty());
  }

  public Statement statement() {
    return grant.statement();
  }

  public boolean unconditional() {
    return !conditional;
  }
}
