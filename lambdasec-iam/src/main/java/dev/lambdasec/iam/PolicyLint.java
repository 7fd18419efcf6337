package dev.lambdasec.iam;

import dev.lambdasec.iam.catalog.ActionCatalog;
import dev.lambdasec.iam.policy.Element;
import dev.lambdasec.iam.policy.Policy;
import dev.lambdasec.iam.policy.PolicyIssue;
import dev.lambdasec.iam.policy.Statement;
import dev.lambdasec.model.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems of a policy: the parser's grammar issues, elements the kind of policy does not take
 * (a {@code Principal} in an identity policy, a {@code Resource} in a trust policy), and actions or
 * services the action catalog does not know.
 */
public final class PolicyLint {

  /** Where a policy is used, which decides the elements it must and must not have. */
  public enum Kind {
    /** Identity-based: inline, managed, permissions boundary. */
    IDENTITY,
    /** Resource-based: function, layer, API, key policy. */
    RESOURCE,
    /** A role's trust policy. */
    TRUST
  }

  private PolicyLint() {}

  public static List<PolicyIssue> check(Policy policy, Kind kind, ActionCatalog catalog) {
    List<PolicyIssue> out = new ArrayList<>(policy.issues());
    for (Statement s : policy.statements()) {
      boolean principal = s.principal() != null || s.notPrincipal() != null;
      boolean resource = s.resource().present() || s.notResource().present();
      switch (kind) {
        case IDENTITY -> {
          if (principal) {
            out.add(misplaced(s, "an identity policy takes no Principal or NotPrincipal"));
          }
          if (!resource && !s.effect().isUnresolved()) {
            out.add(
                new PolicyIssue(
                    PolicyIssue.Kind.MISSING_ELEMENT,
                    "statement " + s.label() + " has no Resource or NotResource",
                    s.origin()));
          }
        }
        case RESOURCE, TRUST -> {
          if (!principal && !s.effect().isUnresolved()) {
            out.add(
                new PolicyIssue(
                    PolicyIssue.Kind.MISSING_ELEMENT,
                    "statement " + s.label() + " has no Principal or NotPrincipal",
                    s.origin()));
          }
          if (kind == Kind.TRUST && resource) {
            out.add(misplaced(s, "a trust policy takes no Resource or NotResource"));
          }
        }
      }
      actions(s.action(), catalog, out);
      actions(s.notAction(), catalog, out);
    }
    return out;
  }

  private static PolicyIssue misplaced(Statement s, String why) {
    return new PolicyIssue(
        PolicyIssue.Kind.MISPLACED_ELEMENT, "statement " + s.label() + ": " + why, s.origin());
  }

  private static void actions(Element e, ActionCatalog catalog, List<PolicyIssue> out) {
    for (Value<String> v : e.values()) {
      String a = v.known().orElse(null);
      if (a == null || a.contains("${") || Glob.isWildcardOnly(a)) {
        continue;
      }
      int colon = a.indexOf(':');
      if (colon <= 0) {
        continue; // the parser reports malformed actions
      }
      String prefix = a.substring(0, colon);
      boolean wildPrefix = prefix.indexOf('*') >= 0 || prefix.indexOf('?') >= 0;
      if (!wildPrefix && !catalog.knowsService(prefix)) {
        out.add(
            new PolicyIssue(
                PolicyIssue.Kind.UNKNOWN_SERVICE,
                "service prefix '" + prefix + "' of '" + a + "' is not in the action catalog",
                v.origin()));
      } else if (catalog.expand(a).isEmpty()) {
        out.add(
            new PolicyIssue(
                PolicyIssue.Kind.UNKNOWN_ACTION,
                "'"
                    + a
                    + "' matches no action in the catalog: a typo, or an action newer than the"
                    + " catalog ("
                    + catalog.source()
                    + "; refresh it with lambdasec data update)",
                v.origin()));
      }
    }
  }
}
