package dev.lambdasec.rules.support;

import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.iam.Evaluator;
import dev.lambdasec.iam.Match;
import dev.lambdasec.iam.policy.Policy;
import dev.lambdasec.iam.policy.Statement;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Role;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which roles are Lambda execution roles, and which functions use each. */
public final class ExecutionRoles {

  private ExecutionRoles() {}

  /** The functions of the application that run as {@code role}. */
  public static List<LambdaFunction> functionsOf(RuleContext ctx, Role role) {
    return ctx.app().functions().stream()
        .filter(f -> ctx.iam().roleOf(f).filter(r -> r == role).isPresent())
        .toList();
  }

  /**
   * Roles used by a function of the application or trusted by the Lambda service, in model order.
   */
  public static List<Role> all(RuleContext ctx) {
    Map<Role, Boolean> used = new IdentityHashMap<>();
    for (LambdaFunction f : ctx.app().functions()) {
      ctx.iam().roleOf(f).ifPresent(r -> used.put(r, true));
    }
    List<Role> out = new ArrayList<>();
    for (Role r : ctx.app().roles()) {
      if (used.containsKey(r) || trustsLambda(ctx, r)) {
        out.add(r);
      }
    }
    return out;
  }

  private static boolean trustsLambda(RuleContext ctx, Role role) {
    Optional<Policy> trust = ctx.iam().trustPolicy(role);
    if (trust.isEmpty()) {
      return false;
    }
    for (Statement s : trust.get().statements()) {
      if (s.isAllow()
          && s.principal() != null
          && s.principal().services().contains("lambda.amazonaws.com")
          && Evaluator.actionMatch(s, "sts:AssumeRole") != Match.NO) {
        return true;
      }
    }
    return false;
  }
}
