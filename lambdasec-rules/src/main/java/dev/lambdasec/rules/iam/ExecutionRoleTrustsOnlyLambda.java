package dev.lambdasec.rules.iam;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.iam.Evaluator;
import dev.lambdasec.iam.Match;
import dev.lambdasec.iam.policy.Policy;
import dev.lambdasec.iam.policy.Principals;
import dev.lambdasec.iam.policy.Statement;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Value;
import dev.lambdasec.rules.support.ExecutionRoles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flags execution roles whose trust policy lets principals other than the Lambda service assume
 * them.
 */
@RuleInfo(
    id = "IAM-005",
    title = "Execution role trusts only the Lambda service",
    severity = Severity.HIGH,
    controls = {Control.LP, Control.CRED},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class ExecutionRoleTrustsOnlyLambda implements Rule {

  /**
   * Lambda runs functions as {@code lambda.amazonaws.com}, and Lambda@Edge replicas as the edge
   * one.
   */
  private static final Set<String> LAMBDA_SERVICES =
      Set.of("lambda.amazonaws.com", "edgelambda.amazonaws.com");

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (Role role : ExecutionRoles.all(ctx)) {
      Optional<Policy> trust = ctx.iam().trustPolicy(role);
      if (role.trustPolicy().isUnresolved() || trust.map(p -> !p.isResolved()).orElse(false)) {
        out.unknown(
            role,
            role.trustPolicy().origin(),
            "The trust policy of " + role.id() + " cannot be read");
        continue;
      }
      if (trust.isEmpty()) {
        continue;
      }
      List<String> others = new ArrayList<>();
      boolean unresolved = false;
      for (Statement s : trust.get().statements()) {
        if (!s.isAllow() || Evaluator.actionMatch(s, "sts:AssumeRole") == Match.NO) {
          continue;
        }
        if (s.notPrincipal() != null) {
          others.add("every principal except those in NotPrincipal");
          continue;
        }
        Principals p = s.principal();
        if (p == null) {
          continue;
        }
        if (p.everyone()) {
          others.add("*");
        }
        for (Map.Entry<String, List<Value<String>>> e : p.byType().entrySet()) {
          for (Value<String> v : e.getValue()) {
            if (v.isUnresolved()) {
              unresolved = true;
            } else if (!(e.getKey().equals("Service") && LAMBDA_SERVICES.contains(v.get()))) {
              others.add(e.getKey() + " " + v.get());
            }
          }
        }
      }
      if (!others.isEmpty()) {
        out.fail(
            role,
            role.trustPolicy().origin(),
            "Execution role " + role.id() + " can also be assumed by " + String.join(", ", others));
      } else if (unresolved) {
        out.unknown(
            role,
            role.trustPolicy().origin(),
            "The trust policy of " + role.id() + " names principals lambdasec cannot resolve");
      } else {
        out.pass(role, "Execution role " + role.id() + " trusts only the Lambda service");
      }
    }
  }
}
