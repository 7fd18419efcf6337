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
 * NotAction} complemented. A computed view of one statement of one attached policy, compared by
 * identity (two views are equal only when they are the same view), so sets and maps of them stay
 * cheap.
 */
public final class ExpandedStatement {

  private final Grant grant;
  private final ActionSet actions;
  private final List<String> unknownActions;
  private final boolean unresolvedActions;
  private final Scope scope;

  private ExpandedStatement(
      Grant grant,
      ActionSet actions,
      List<String> unknownActions,
      boolean unresolvedActions,
      Scope scope) {
    this.grant = grant;
    this.actions = actions;
    this.unknownActions = List.copyOf(unknownActions);
    this.unresolvedActions = unresolvedActions;
    this.scope = scope;
  }

  public static ExpandedStatement of(Grant grant, ActionCatalog catalog) {
    Statement s = grant.statement();
    boolean negated = !s.action().present() && s.notAction().present();
    Element element = negated ? s.notAction() : s.action();
    ActionSet named = catalog.none();
    List<String> unknown = new ArrayList<>();
    boolean unresolved = s.effect().isUnresolved();
    for (Value<String> v : element.values()) {
      String pattern = v.orElse("");
      if (v.isUnresolved() || placeholder(pattern)) {
        unresolved = true;
        continue;
      }
      ActionSet expanded = catalog.expand(pattern);
      if (expanded.isEmpty()) {
        unknown.add(pattern);
      }
      named = named.union(expanded);
    }
    return new ExpandedStatement(
        grant,
        negated ? named.complement() : named,
        negated ? List.of() : unknown,
        unresolved,
        Scope.of(s));
  }

  /**
   * True when an action holds a placeholder ({@code ${ssm:…}}, {@code s3:${var.verb}}): IAM has no
   * policy variables in actions, so it stands for a value known only at deployment.
   */
  public static boolean placeholder(String action) {
    return action.contains("${");
  }

  public Grant grant() {
    return grant;
  }

  /** The catalog actions the statement covers for sure. */
  public ActionSet actions() {
    return actions;
  }

  /** Actions or patterns the catalog does not know (typos, newer actions). */
  public List<String> unknownActions() {
    return unknownActions;
  }

  /** The action element has values lambdasec cannot read: the statement may cover any action. */
  public boolean unresolvedActions() {
    return unresolvedActions;
  }

  public Scope scope() {
    return scope;
  }

  public Statement statement() {
    return grant.statement();
  }

  /** The statement has conditions; they are kept, not assumed. */
  public boolean conditional() {
    return !grant.statement().conditions().isEmpty();
  }

  public boolean unconditional() {
    return !conditional();
  }

  @Override
  public String toString() {
    return "ExpandedStatement[" + grant.label() + ", " + actions + "]";
  }
}
