package dev.lambdasec.iam;

import dev.lambdasec.iam.policy.Condition;
import dev.lambdasec.iam.policy.Principals;
import dev.lambdasec.iam.policy.Statement;
import dev.lambdasec.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who an Allow statement of a resource-based policy (function, layer, API, key policy, trust
 * policy) lets in, once the conditions that narrow the caller are taken into account.
 *
 * @param audience the broadest kind of caller the principal element names
 * @param restrictions the conditions that narrow the caller to a known account, organization,
 *     source resource or network
 * @param unresolved whether a principal or a narrowing condition has values lambdasec cannot
 *     evaluate
 */
public record Exposure(Audience audience, List<Condition> restrictions, boolean unresolved) {

  /** Kinds of callers, from the broadest. */
  public enum Audience {
    /** {@code *}, {@code {"AWS": "*"}} or Allow with {@code NotPrincipal}: anyone. */
    ANYONE,
    /** AWS accounts or principals in them. */
    ACCOUNTS,
    /** AWS service principals. */
    SERVICE,
    /** Federated (web identity / SAML) principals. */
    FEDERATED,
    /** The statement names no principal (identity policies). */
    NONE
  }

  /**
   * Condition keys that pin the caller to an account, organization, source resource, network or
   * token (AWS global condition keys and Lambda's {@code EventSourceToken}).
   */
  public static final Set<String> RESTRICTING_KEYS =
      Set.of(
          "aws:sourceaccount",
          "aws:sourcearn",
          "aws:sourceowner",
          "aws:sourceorgid",
          "aws:sourceorgpaths",
          "aws:principalorgid",
          "aws:principalorgpaths",
          "aws:principalaccount",
          "aws:principalarn",
          "aws:sourcevpc",
          "aws:sourcevpce",
          "aws:userid",
          "aws:username",
          "lambda:eventsourcetoken");

  /** Keys that pin a calling service to the resource or account it acts for (confused deputy). */
  public static final Set<String> SOURCE_KEYS =
      Set.of(
          "aws:sourceaccount",
          "aws:sourcearn",
          "aws:sourceowner",
          "aws:sourceorgid",
          "aws:sourceorgpaths",
          "lambda:eventsourcetoken");

  private static final Set<String> EQUALITY_OPERATORS =
      Set.of("StringEquals", "StringLike", "StringEqualsIgnoreCase", "ArnEquals", "ArnLike");

  public static Exposure of(Statement s) {
    Principals p = s.principal();
    Principals np = s.notPrincipal();
    Audience audience;
    boolean unresolved = false;
    if (np != null) {
      audience = Audience.ANYONE;
    } else if (p == null) {
      audience = Audience.NONE;
    } else {
      unresolved = p.hasUnresolved();
      if (p.includesAnyone()) {
        audience = Audience.ANYONE;
      } else if (!p.of("AWS").isEmpty() || !p.of("CanonicalUser").isEmpty()) {
        audience = Audience.ACCOUNTS;
      } else if (!p.of("Federated").isEmpty()) {
        audience = Audience.FEDERATED;
      } else {
        audience = Audience.SERVICE;
      }
    }
    List<Condition> restricting = new ArrayList<>();
    for (Condition c : s.conditions()) {
      Restriction r = restriction(c, RESTRICTING_KEYS);
      if (r == Restriction.RESTRICTS) {
        restricting.add(c);
      } else if (r == Restriction.UNKNOWN) {
        unresolved = true;
      }
    }
    return new Exposure(audience, restricting, unresolved);
  }

  /** Whether the statement lets anyone in: an anyone-audience without any narrowing condition. */
  public boolean isPublic() {
    return audience == Audience.ANYONE && restrictions.isEmpty();
  }

  /** The conditions of {@code s} that scope a service principal to a source (confused deputy). */
  public static List<Condition> sourceConditions(Statement s) {
    return s.conditions().stream()
        .filter(c -> restriction(c, SOURCE_KEYS) == Restriction.RESTRICTS)
        .toList();
  }

  /** Whether a source-scoping condition has unresolved values. */
  public static boolean sourceConditionsUnresolved(Statement s) {
    return s.conditions().stream()
        .anyMatch(c -> restriction(c, SOURCE_KEYS) == Restriction.UNKNOWN);
  }

  private enum Restriction {
    RESTRICTS,
    NO,
    UNKNOWN
  }

  private static Restriction restriction(Condition c, Set<String> keys) {
    if (!keys.contains(c.key().toLowerCase(Locale.ROOT))
        || !EQUALITY_OPERATORS.contains(c.base())
        || c.ifExists()
        || c.qualifier() == Condition.SetQualifier.FOR_ALL_VALUES
        || c.values().isEmpty()) {
      return Restriction.NO;
    }
    boolean unknown = false;
    for (Value<String> v : c.values()) {
      if (v.isUnresolved()) {
        unknown = true;
      } else if (!narrows(v.orElse("*"))) {
        return Restriction.NO;
      }
    }
    return unknown ? Restriction.UNKNOWN : Restriction.RESTRICTS;
  }

  /**
   * A value narrows the caller unless it is only wildcards, or an ARN wildcarded in account and
   * name.
   */
  static boolean narrows(String value) {
    if (value.isBlank() || Glob.isWildcardOnly(value)) {
      return false;
    }
    if (value.startsWith("arn:")) {
      String[] parts = value.split(":", 6);
      if (parts.length == 6) {
        boolean anyAccount = parts[4].isEmpty() || Glob.isWildcardOnly(parts[4]);
        boolean anyName = parts[5].isEmpty() || Glob.isWildcardOnly(parts[5]);
        return !(anyAccount && anyName);
      }
    }
    return true;
  }
}
