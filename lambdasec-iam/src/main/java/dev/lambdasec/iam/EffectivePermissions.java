package dev.lambdasec.iam;

import dev.lambdasec.iam.catalog.ActionCatalog;
import dev.lambdasec.iam.catalog.ActionInfo;
import dev.lambdasec.iam.catalog.ActionSet;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a set of identity policies allows, action by action: the union of the allow statements,
 * minus what explicit denies take away, within the permissions boundary. Conditions are kept on
 * each statement as constraints; answers that depend on what lambdasec cannot read are flagged by
 * {@link #uncertain()}.
 */
public final class EffectivePermissions {

  private final PolicySet policies;
  private final ActionCatalog catalog;
  private final List<ExpandedStatement> allows = new ArrayList<>();
  private final List<ExpandedStatement> denies = new ArrayList<>();
  private final @Nullable List<ExpandedStatement> boundary;
  private final boolean uncertain;
  private final ActionSet deniedEverywhere;

  private EffectivePermissions(PolicySet policies, ActionCatalog catalog) {
    this.policies = policies;
    this.catalog = catalog;
    boolean unsure = !policies.gaps().isEmpty();
    for (Grant g : policies.grants().toList()) {
      ExpandedStatement e = ExpandedStatement.of(g, catalog);
      unsure |= e.unresolvedActions() || e.scope().hasUnresolved();
      if (g.statement().isDeny()) {
        denies.add(e);
      } else if (g.statement().isAllow()) {
        allows.add(e);
      }
    }
    AttachedPolicy b = policies.boundary();
    if (b == null) {
      boundary = null;
    } else {
      List<ExpandedStatement> limit = new ArrayList<>();
      unsure |= !b.policy().isResolved();
      for (var s : b.policy().statements()) {
        ExpandedStatement e = ExpandedStatement.of(new Grant(b, s), catalog);
        unsure |= e.unresolvedActions();
        if (s.isAllow()) {
          limit.add(e);
        } else if (s.isDeny()) {
          denies.add(e);
        }
      }
      boundary = List.copyOf(limit);
    }
    this.uncertain = unsure;
    ActionSet denied = catalog.none();
    for (ExpandedStatement d : denies) {
      if (d.unconditional() && d.scope().everything()) {
        denied = denied.union(d.actions());
      }
    }
    this.deniedEverywhere = denied;
  }

  public static EffectivePermissions of(PolicySet policies, ActionCatalog catalog) {
    return new EffectivePermissions(policies, catalog);
  }

  public PolicySet policies() {
    return policies;
  }

  public ActionCatalog catalog() {
    return catalog;
  }

  /** The allow statements of the identity policies, expanded. */
  public List<ExpandedStatement> allows() {
    return List.copyOf(allows);
  }

  /** The deny statements of the identity policies and the boundary, expanded. */
  public List<ExpandedStatement> denies() {
    return List.copyOf(denies);
  }

  /**
   * True when some answer may be incomplete: an attachment lambdasec cannot read, or a statement
   * whose effect, actions or resources are unresolved.
   */
  public boolean uncertain() {
    return uncertain;
  }

  /** Every action allowed on at least some resource, under some conditions. */
  public ActionSet allowed() {
    ActionSet out = catalog.none();
    for (ExpandedStatement a : allows) {
      out = out.union(a.actions());
    }
    return withinBoundary(out.minus(deniedEverywhere), false);
  }

  /**
   * The actions allowed on every resource ({@code "Resource": "*"}); unconditionally only, or also
   * under conditions.
   */
  public ActionSet onEveryResource(boolean includeConditional) {
    return broad(includeConditional, true);
  }

  /**
   * The actions allowed without resource scoping ({@code "Resource": "*"} or {@code NotResource});
   * unconditionally only, or also under conditions.
   */
  public ActionSet unscoped(boolean includeConditional) {
    return broad(includeConditional, false);
  }

  private ActionSet broad(boolean includeConditional, boolean everythingOnly) {
    ActionSet out = catalog.none();
    for (ExpandedStatement a : allows) {
      boolean scopeOk = everythingOnly ? a.scope().everything() : a.scope().unscoped();
      if (scopeOk && (includeConditional || a.unconditional())) {
        out = out.union(a.actions());
      }
    }
    return withinBoundary(out.minus(deniedEverywhere), true);
  }

  private ActionSet withinBoundary(ActionSet actions, boolean unscopedOnly) {
    if (boundary == null) {
      return actions;
    }
    ActionSet limit = catalog.none();
    for (ExpandedStatement b : boundary) {
      if (!unscopedOnly || b.scope().unscoped()) {
        limit = limit.union(b.actions());
      }
    }
    return actions.intersect(limit);
  }

  /**
   * The allow statements through which {@code action} is allowed: those covering it, less those an
   * unconditional deny takes away entirely; none when the boundary does not allow the action.
   */
  public List<ExpandedStatement> grantsOf(ActionInfo action) {
    if (deniedEverywhere.contains(action) || !boundaryAllows(action)) {
      return List.of();
    }
    List<ExpandedStatement> out = new ArrayList<>();
    for (ExpandedStatement a : allows) {
      if (a.actions().contains(action) && !fullyDenied(a, action)) {
        out.add(a);
      }
    }
    return out;
  }

  private boolean boundaryAllows(ActionInfo action) {
    if (boundary == null) {
      return true;
    }
    for (ExpandedStatement b : boundary) {
      if (b.actions().contains(action) || b.unresolvedActions()) {
        return true;
      }
    }
    return false;
  }

  private boolean fullyDenied(ExpandedStatement allow, ActionInfo action) {
    for (ExpandedStatement d : denies) {
      if (d.unconditional() && d.actions().contains(action) && d.scope().covers(allow.scope())) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code action} may be denied under some conditions or on some resources. */
  public List<ExpandedStatement> deniesOf(ActionInfo action) {
    return denies.stream().filter(d -> d.actions().contains(action)).toList();
  }
}
