package dev.lambdasec.iam;

import dev.lambdasec.iam.policy.Element;
import dev.lambdasec.iam.policy.Statement;
import dev.lambdasec.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Policy evaluation as IAM does it for one request: an explicit deny wins, an allow is needed,
 * conditions the request context does not decide are kept as "conditional" rather than assumed true
 * or false, and what lambdasec cannot see makes the answer unknown rather than "not allowed". A
 * permissions boundary limits the identity policies: the request must be allowed by both.
 */
public final class Evaluator {

  private Evaluator() {}

  /** Whether the statement's action and resource elements cover the request. */
  public static Match applies(Statement s, String action, String resource) {
    return Match.and(actionMatch(s, action), resourceMatch(s, resource));
  }

  public static Match actionMatch(Statement s, String action) {
    if (s.action().present()) {
      return any(s.action(), action, Glob::action);
    }
    if (s.notAction().present()) {
      return any(s.notAction(), action, Glob::action).not();
    }
    return Match.NO;
  }

  public static Match resourceMatch(Statement s, String resource) {
    if (s.resource().present()) {
      return any(s.resource(), resource, Glob::resource);
    }
    if (s.notResource().present()) {
      return any(s.notResource(), resource, Glob::resource).not();
    }
    return Match.YES;
  }

  private static Match any(Element e, String target, BiFunction<String, String, Match> glob) {
    Match result = Match.NO;
    for (Value<String> v : e.values()) {
      Match m = v.isUnresolved() ? Match.MAYBE : glob.apply(v.orElse(""), target);
      result = Match.or(result, m);
      if (result == Match.YES) {
        return result;
      }
    }
    return result;
  }

  /** Decides a request, with nothing known about its condition keys. */
  public static Decision decide(PolicySet policies, String action, String resource) {
    return decide(policies, action, resource, RequestContext.unknown());
  }

  /** Decides a request against a principal's identity policies, boundary and gaps. */
  public static Decision decide(
      PolicySet policies, String action, String resource, RequestContext request) {
    Decision identity =
        decide(policies.grants().toList(), !policies.gaps().isEmpty(), action, resource, request);
    AttachedPolicy boundary = policies.boundary();
    if (boundary == null) {
      return identity;
    }
    List<Grant> boundaryGrants =
        boundary.policy().statements().stream().map(s -> new Grant(boundary, s)).toList();
    Decision limit =
        decide(boundaryGrants, !boundary.policy().isResolved(), action, resource, request);
    return limit.outcome().compareTo(identity.outcome()) > 0
        ? new Decision(
            limit.outcome(),
            identity.allowedBy(),
            concat(identity.deniedBy(), limit.deniedBy()),
            "limited by the permissions boundary " + boundary.name())
        : identity;
  }

  /** Decides a request against a list of statements, with nothing known about condition keys. */
  public static Decision decide(
      List<Grant> grants, boolean hasGaps, String action, String resource) {
    return decide(grants, hasGaps, action, resource, RequestContext.unknown());
  }

  /** Decides a request against a list of statements. */
  public static Decision decide(
      List<Grant> grants, boolean hasGaps, String action, String resource, RequestContext request) {
    List<Grant> allowSure = new ArrayList<>();
    List<Grant> allowConditional = new ArrayList<>();
    List<Grant> allowMaybe = new ArrayList<>();
    List<Grant> denySure = new ArrayList<>();
    List<Grant> denyConditional = new ArrayList<>();
    List<Grant> denyMaybe = new ArrayList<>();
    for (Grant g : grants) {
      Statement s = g.statement();
      Match m = applies(s, action, resource);
      if (m == Match.NO) {
        continue;
      }
      Match conditions = ConditionEvaluator.all(s.conditions(), request);
      if (conditions == Match.NO) {
        continue;
      }
      boolean conditional = conditions == Match.MAYBE;
      boolean effectKnown = !s.effect().isUnresolved();
      if (s.isAllow() || !effectKnown) {
        (m == Match.MAYBE || !effectKnown ? allowMaybe : conditional ? allowConditional : allowSure)
            .add(g);
      }
      if (s.isDeny() || !effectKnown) {
        (m == Match.MAYBE || !effectKnown ? denyMaybe : conditional ? denyConditional : denySure)
            .add(g);
      }
    }
    List<Grant> allows = concat(concat(allowSure, allowConditional), allowMaybe);
    List<Grant> denies = concat(concat(denySure, denyConditional), denyMaybe);
    if (!denySure.isEmpty()) {
      return new Decision(Decision.Outcome.DENIED, allows, denies, "explicitly denied");
    }
    if (!allowSure.isEmpty() || !allowConditional.isEmpty()) {
      if (!denyMaybe.isEmpty()) {
        return new Decision(Decision.Outcome.UNKNOWN, allows, denies, "a deny statement may apply");
      }
      boolean conditional = allowSure.isEmpty() || !denyConditional.isEmpty();
      return new Decision(
          conditional ? Decision.Outcome.CONDITIONAL : Decision.Outcome.ALLOWED,
          allows,
          denies,
          conditional ? "depends on conditions" : "allowed");
    }
    if (!allowMaybe.isEmpty()) {
      return new Decision(
          Decision.Outcome.UNKNOWN, allows, denies, "an allow statement has unresolved values");
    }
    if (hasGaps) {
      return new Decision(
          Decision.Outcome.UNKNOWN, allows, denies, "some attached policies could not be read");
    }
    return new Decision(Decision.Outcome.NOT_ALLOWED, allows, denies, "no statement allows it");
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
