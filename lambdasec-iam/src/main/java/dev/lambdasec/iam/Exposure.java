package dev.lambdasec.iam;

import dev.lambdasec.iam.policy.Condition;
import dev.lambdasec.iam.policy.ConditionValues;
import dev.lambdasec.iam.policy.Operator;
import dev.lambdasec.iam.policy.Principals;
import dev.lambdasec.iam.policy.Statement;
import dev.lambdasec.model.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who an Allow statement of a resource-based policy (function, layer, API, key policy, trust
 * policy) lets in, once the conditions that narrow the caller are taken into account.
 *
 * <p>The principal may be written {@code "*"}, {@code {"AWS": "*"}} (string or list), {@code
 * {"CanonicalUser": "*"}}, an account id, an account root or principal ARN, or a service. A
 * condition narrows the caller when it is a positive test ({@code StringEquals}, {@code
 * StringLike}, {@code ArnEquals}, {@code ArnLike}, {@code IpAddress}, not their negations, not
 * {@code IfExists}, not {@code ForAllValues:}, which all pass when the key is missing) of a key
 * that pins the caller or the source ({@link #RESTRICTING_KEYS}) to values that are not wildcards.
 *
 * @param audience the broadest kind of caller the principal element names
 * @param restrictions the conditions that narrow the caller to a known account, organization,
 *     source resource, network or token
 * @param accounts the 12-digit accounts the principal or the narrowing conditions name
 * @param wholeAccounts the accounts granted as a whole ({@code 123456789012} or {@code
 *     arn:aws:iam::123456789012:root}) rather than a named principal in them
 * @param unresolved whether a principal or a narrowing condition has values lambdasec cannot
 *     evaluate
 */
public record Exposure(
    Audience audience,
    List<Condition> restrictions,
    Set<String> accounts,
    Set<String> wholeAccounts,
    boolean unresolved) {

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
          "aws:sourceip",
          "aws:userid",
          "aws:username",
          "kms:calleraccount",
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

  /** Keys whose values are account ids. */
  private static final Set<String> ACCOUNT_KEYS =
      Set.of("aws:sourceaccount", "aws:sourceowner", "aws:principalaccount", "kms:calleraccount");

  private static final Set<Operator> NARROWING =
      Set.of(
          Operator.STRING_EQUALS,
          Operator.STRING_LIKE,
          Operator.STRING_EQUALS_IGNORE_CASE,
          Operator.ARN_EQUALS,
          Operator.ARN_LIKE,
          Operator.IP_ADDRESS);

  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

  public Exposure {
    restrictions = List.copyOf(restrictions);
    // in the order the policy names them, for stable messages
    accounts = Collections.unmodifiableSet(new LinkedHashSet<>(accounts));
    wholeAccounts = Collections.unmodifiableSet(new LinkedHashSet<>(wholeAccounts));
  }

  public static Exposure of(Statement s) {
    Principals p = s.principal();
    Principals np = s.notPrincipal();
    Audience audience;
    boolean unresolved = false;
    Set<String> accounts = new LinkedHashSet<>();
    Set<String> whole = new LinkedHashSet<>();
    if (np != null) {
      audience = Audience.ANYONE;
    } else if (p == null) {
      audience = Audience.NONE;
    } else {
      unresolved = p.hasUnresolved();
      for (Value<String> v : p.of("AWS")) {
        v.known().ifPresent(text -> account(text, accounts, whole));
      }
      if (p.includesAnyone() || wildcardAccount(p)) {
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
        if (ACCOUNT_KEYS.contains(c.normalizedKey())) {
          c.known().stream().filter(a -> ACCOUNT.matcher(a).matches()).forEach(accounts::add);
        }
      } else if (r == Restriction.UNKNOWN) {
        unresolved = true;
      }
    }
    return new Exposure(audience, restricting, accounts, whole, unresolved);
  }

  /** An AWS principal written with a wildcard account, such as {@code arn:aws:iam::*:root}. */
  private static boolean wildcardAccount(Principals p) {
    for (Value<String> v : p.of("AWS")) {
      Optional<Arn> arn = v.known().flatMap(Arn::parse);
      if (arn.isPresent() && Glob.isWildcardOnly(arn.get().account())) {
        return true;
      }
    }
    return false;
  }

  private static void account(String principal, Set<String> accounts, Set<String> whole) {
    if (ACCOUNT.matcher(principal).matches()) {
      accounts.add(principal);
      whole.add(principal);
      return;
    }
    Arn.parse(principal)
        .filter(a -> ACCOUNT.matcher(a.account()).matches())
        .ifPresent(a -> {
          accounts.add(a.account());
          if (a.resource().equals("root")) {
            whole.add(a.account());
          }
        });
  }

  /** Whether the statement lets anyone in: an anyone-audience without any narrowing condition. */
  /**
   * Whether lambdasec cannot rule out that the statement is open to anyone: it names anyone with a
   * condition it cannot resolve, or an {@code AWS} principal it cannot resolve (which may be {@code
   * *}).
   */
  public static boolean mayBeAnyone(Statement s) {
    Exposure e = of(s);
    Principals p = s.principal();
    return e.audience() == Audience.ANYONE && e.unresolved()
        || p != null && p.of("AWS").stream().anyMatch(Value::isUnresolved);
  }

  public boolean isPublic() {
    return audience == Audience.ANYONE && restrictions.isEmpty();
  }

  /**
   * The accounts named that are not the application's own: literal account ids other than those in
   * {@code trusted}. The application's own account is written as {@code ${AWS::AccountId}} in
   * templates and is never literal here.
   */
  public Set<String> otherAccounts(Set<String> trusted) {
    Set<String> out = new LinkedHashSet<>(accounts);
    out.removeAll(trusted);
    return out;
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
    Operator op = c.op();
    if (op == null
        || !keys.contains(c.key().toLowerCase(Locale.ROOT))
        || !NARROWING.contains(op)
        || c.ifExists()
        || c.qualifier() == Condition.SetQualifier.FOR_ALL_VALUES
        || c.values().isEmpty()) {
      return Restriction.NO;
    }
    boolean unknown = false;
    for (Value<String> v : c.values()) {
      if (v.isUnresolved()) {
        unknown = true;
      } else if (!narrows(op, v.orElse("*"))) {
        return Restriction.NO;
      }
    }
    return unknown ? Restriction.UNKNOWN : Restriction.RESTRICTS;
  }

  /**
   * A value narrows the caller unless it is only wildcards, an ARN wildcarded in account and name,
   * or an address block covering every address.
   */
  static boolean narrows(Operator op, String value) {
    if (value.isBlank() || Glob.isWildcardOnly(value)) {
      return false;
    }
    if (op == Operator.IP_ADDRESS) {
      return ConditionValues.cidr(value).map(c -> !c.isEverything()).orElse(true);
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
