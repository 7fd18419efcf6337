package dev.lambdasec.rules.iam;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.iam.Decision;
import dev.lambdasec.iam.Evaluator;
import dev.lambdasec.iam.Grant;
import dev.lambdasec.iam.PolicySet;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Placeholders;
import dev.lambdasec.model.Resource;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.rules.support.ExecutionRoles;
import dev.lambdasec.rules.support.Grants;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who can change a function: principals of the application allowed {@code
 * lambda:UpdateFunctionCode} or {@code lambda:UpdateFunctionConfiguration} on it, or {@code
 * iam:PassRole} on its execution role together with {@code lambda:CreateFunction} (a new function
 * running as the same role). A function's code running as an execution role that can do this can
 * rewrite itself or other functions and keep a foothold, so execution roles fail; other principals
 * (deployment roles, users) are named in the passing verdict as evidence.
 */
@RuleInfo(
    id = "IAM-017",
    title = "Execution roles cannot change function code or configuration",
    severity = Severity.HIGH,
    controls = {Control.LP},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class ExecutionRolesCannotChangeFunctions implements Rule {

  private static final List<String> UPDATES =
      List.of("lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration");

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    Map<Role, Boolean> execution = new IdentityHashMap<>();
    ExecutionRoles.all(ctx).forEach(r -> execution.put(r, true));
    Set<String> ids =
        ctx.app().resources().map(Resource::id).collect(java.util.stream.Collectors.toSet());
    List<Resource> candidates =
        ctx.iam().principals().filter(p -> mayChangeSomeFunction(ctx, p)).toList();
    for (LambdaFunction f : ctx.app().functions()) {
      Map<String, String> byExecution = new LinkedHashMap<>();
      Map<String, String> byOthers = new LinkedHashMap<>();
      List<String> unsure = new ArrayList<>();
      for (Resource p : candidates) {
        Optional<String> how = how(ctx, p, f, ids, unsure);
        if (how.isPresent()) {
          (p instanceof Role r && execution.containsKey(r) ? byExecution : byOthers)
              .put(p.id(), how.get());
        }
      }
      if (!byExecution.isEmpty()) {
        out.fail(
            f,
            f.origin(),
            "Function "
                + f.id()
                + " can be changed by execution role(s) "
                + describe(byExecution)
                + "; code running as them can rewrite the function");
      } else if (!unsure.isEmpty()) {
        out.unknown(
            f,
            f.origin(),
            "Whether "
                + String.join(", ", unsure)
                + " can change "
                + f.id()
                + " depends on values lambdasec cannot resolve");
      } else {
        out.pass(
            f,
            "No execution role can change function "
                + f.id()
                + (byOthers.isEmpty() ? "" : "; it can be changed by " + describe(byOthers)));
      }
    }
  }

  private static String describe(Map<String, String> who) {
    List<String> parts = new ArrayList<>();
    who.forEach((id, how) -> parts.add(id + " (" + how + ")"));
    return Grants.summary(parts);
  }

  /** A cheap filter: the principal is allowed some modifying action at all. */
  private static boolean mayChangeSomeFunction(RuleContext ctx, Resource principal) {
    var allowed = ctx.iam().permissions(ctx.iam().principalPolicies(principal)).allowed();
    var catalog = ctx.iam().catalog();
    return UPDATES.stream().anyMatch(a -> catalog.find(a).map(allowed::contains).orElse(false))
        || (catalog.find("iam:PassRole").map(allowed::contains).orElse(false)
            && catalog.find("lambda:CreateFunction").map(allowed::contains).orElse(false));
  }

  private static Optional<String> how(
      RuleContext ctx, Resource principal, LambdaFunction f, Set<String> ids, List<String> unsure) {
    PolicySet all = ctx.iam().principalPolicies(principal);
    // Only what the visible policies allow: an unreadable attachment does not make every function
    // of the application unknown.
    PolicySet set = new PolicySet(all.holder(), all.identity(), all.boundary(), List.of());
    List<String> ways = new ArrayList<>();
    boolean maybe = false;
    for (String action : UPDATES) {
      Decision d = best(set, action, targets(f));
      if (d.allowed()) {
        ways.add(action + " via " + Grants.where(d.allowedBy().get(0)));
      } else if (d.outcome() == Decision.Outcome.UNKNOWN && !namesOnlyOthers(d, f.id(), ids)) {
        maybe = true;
      }
    }
    Optional<Role> role = ctx.iam().roleOf(f);
    if (role.isPresent()) {
      Decision pass = best(set, "iam:PassRole", targets(role.get()));
      Decision create = best(set, "lambda:CreateFunction", Set.of("*"));
      if (pass.allowed() && create.allowed()) {
        ways.add("iam:PassRole on " + role.get().id() + " with lambda:CreateFunction");
      }
    }
    if (ways.isEmpty() && maybe) {
      unsure.add(principal.id());
    }
    return ways.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", ways));
  }

  /**
   * True when the statements that may apply name only other resources of the application by
   * reference: two resources of one application never share an ARN, although the placeholders alone
   * cannot tell.
   */
  private static boolean namesOnlyOthers(Decision d, String id, Set<String> ids) {
    for (Grant g : d.allowedBy()) {
      if (!g.statement().resource().present()) {
        return false;
      }
      for (var v : g.statement().resource().values()) {
        Optional<String> named = v.known().flatMap(t -> Placeholders.target(t, ids));
        if (named.isEmpty() || named.get().equals(id)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The most permissive decision over the ways a policy may name the resource. */
  private static Decision best(PolicySet set, String action, Set<String> arns) {
    Decision best = null;
    for (String arn : arns) {
      Decision d = Evaluator.decide(set, action, arn);
      if (best == null || d.outcome().compareTo(best.outcome()) < 0) {
        best = d;
      }
    }
    return java.util.Objects.requireNonNull(best);
  }

  private static Set<String> targets(LambdaFunction f) {
    Optional<String> deployed = f.arn().known().filter(a -> !a.contains("${"));
    if (deployed.isPresent()) {
      // a live function: its ARN is all a policy can name
      return Set.of(deployed.get());
    }
    String name = f.name().known().orElse("${" + f.id() + "}");
    Set<String> out = new java.util.LinkedHashSet<>();
    f.arn().known().ifPresent(out::add);
    out.addAll(Placeholders.arnOf(f));
    out.add("arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:" + name);
    return out;
  }

  private static Set<String> targets(Role r) {
    Optional<String> deployed = r.arn().known().filter(a -> !a.contains("${"));
    if (deployed.isPresent()) {
      return Set.of(deployed.get());
    }
    String name = r.name().known().orElse("${" + r.id() + "}");
    Set<String> out = new java.util.LinkedHashSet<>();
    r.arn().known().ifPresent(out::add);
    out.addAll(Placeholders.arnOf(r));
    out.add("arn:aws:iam::${AWS::AccountId}:role/" + name);
    return out;
  }
}
