package dev.lambdasec.iam;

import dev.lambdasec.iam.policy.Condition;
import dev.lambdasec.iam.policy.ConditionValues;
import dev.lambdasec.iam.policy.Operator;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates condition tests against a {@link RequestContext} the way IAM does, three-valued: YES,
 * NO, or MAYBE when the request does not say (an unknown key, an unresolved or placeholder value).
 *
 * <p>IAM semantics implemented: a missing key fails a positive operator and passes a negated one;
 * {@code IfExists} passes when the key is missing; {@code Null} tests presence; {@code
 * ForAnyValue:} needs one request value to match, {@code ForAllValues:} needs every request value
 * to match (and passes on a missing key); a negated operator matches a value that matches none of
 * the policy values.
 */
public final class ConditionEvaluator {

  private ConditionEvaluator() {}

  /** The conjunction of the statement's conditions. */
  public static Match all(List<Condition> conditions, RequestContext request) {
    Match result = Match.YES;
    for (Condition c : conditions) {
      result = Match.and(result, evaluate(c, request));
      if (result == Match.NO) {
        return result;
      }
    }
    return result;
  }

  public static Match evaluate(Condition c, RequestContext request) {
    Operator op = c.op();
    if (op == null || c.hasUnresolved() || c.values().isEmpty()) {
      return Match.MAYBE;
    }
    RequestContext.Knowledge known = request.knowledge(c.key());
    if (known == RequestContext.Knowledge.UNKNOWN) {
      return Match.MAYBE;
    }
    List<String> policyValues = c.values().stream().map(v -> v.orElse("")).toList();
    if (op == Operator.NULL) {
      boolean wantAbsent = ConditionValues.bool(policyValues.get(0)).orElse(false);
      return (known == RequestContext.Knowledge.ABSENT) == wantAbsent ? Match.YES : Match.NO;
    }
    if (known == RequestContext.Knowledge.ABSENT) {
      if (c.ifExists() || c.qualifier() == Condition.SetQualifier.FOR_ALL_VALUES) {
        return Match.YES;
      }
      if (c.qualifier() == Condition.SetQualifier.FOR_ANY_VALUE) {
        return Match.NO;
      }
      return op.negated() ? Match.YES : Match.NO;
    }
    List<String> requestValues = request.values(c.key()).orElse(List.of());
    return switch (c.qualifier()) {
      case FOR_ALL_VALUES -> {
        Match r = Match.YES;
        for (String v : requestValues) {
          r = Match.and(r, single(op, policyValues, v));
        }
        yield r;
      }
      case FOR_ANY_VALUE, NONE -> {
        if (requestValues.isEmpty()) {
          yield c.qualifier() == Condition.SetQualifier.NONE && op.negated() ? Match.YES : Match.NO;
        }
        Match r = Match.NO;
        for (String v : requestValues) {
          r = Match.or(r, single(op, policyValues, v));
        }
        yield r;
      }
    };
  }

  /** One request value against the policy values: any match, or for negated operators none. */
  private static Match single(Operator op, List<String> policyValues, String requestValue) {
    Match any = Match.NO;
    for (String p : policyValues) {
      any = Match.or(any, matches(op, p, requestValue));
    }
    return op.negated() ? any.not() : any;
  }

  /** Whether a request value matches one policy value under the operator's positive form. */
  static Match matches(Operator op, String policyValue, String requestValue) {
    if (policyValue.contains("${")) {
      return Match.MAYBE; // a policy variable or a deploy-time placeholder
    }
    return switch (op.family()) {
      case STRING ->
          switch (op) {
            case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE ->
                yes(policyValue.equalsIgnoreCase(requestValue));
            case STRING_LIKE, STRING_NOT_LIKE -> Glob.resource(policyValue, requestValue);
            default -> yes(policyValue.equals(requestValue));
          };
      case ARN -> Glob.resource(policyValue, requestValue);
      case NUMERIC ->
          compare(op, ConditionValues.number(policyValue), ConditionValues.number(requestValue));
      case DATE ->
          compare(op, ConditionValues.date(policyValue), ConditionValues.date(requestValue));
      case BOOL -> {
        Optional<Boolean> p = ConditionValues.bool(policyValue);
        Optional<Boolean> r = ConditionValues.bool(requestValue);
        yield p.isPresent() && r.isPresent() ? yes(p.get().equals(r.get())) : Match.NO;
      }
      case BINARY -> yes(policyValue.equals(requestValue));
      case IP_ADDRESS -> {
        Optional<ConditionValues.Cidr> block = ConditionValues.cidr(policyValue);
        Optional<ConditionValues.Cidr> ip = ConditionValues.cidr(requestValue);
        yield block.isPresent() && ip.isPresent() ? yes(block.get().contains(ip.get())) : Match.NO;
      }
      case NULL -> Match.MAYBE;
    };
  }

  private static <T extends Comparable<? super T>> Match compare(
      Operator op, Optional<T> policy, Optional<T> request) {
    if (policy.isEmpty() || request.isEmpty()) {
      return Match.NO;
    }
    int c = request.get().compareTo(policy.get());
    return yes(
        switch (op) {
          case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS, DATE_EQUALS, DATE_NOT_EQUALS -> c == 0;
          case NUMERIC_LESS_THAN, DATE_LESS_THAN -> c < 0;
          case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> c <= 0;
          case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> c > 0;
          case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> c >= 0;
          default -> false;
        });
  }

  private static Match yes(boolean b) {
    return b ? Match.YES : Match.NO;
  }
}
