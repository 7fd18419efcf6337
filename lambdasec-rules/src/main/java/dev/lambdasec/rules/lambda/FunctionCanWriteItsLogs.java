package dev.lambdasec.rules.lambda;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.iam.Decision;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.rules.support.FunctionLogs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flags functions whose execution role cannot create its log streams and put log events (and create
 * the log group when the sources do not declare it): such a function runs without leaving logs.
 */
@RuleInfo(
    id = "LAMBDA-012",
    title = "Function can write its logs",
    severity = Severity.MEDIUM,
    controls = {Control.LOG},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class FunctionCanWriteItsLogs implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (LambdaFunction f : ctx.app().functions()) {
      if (f.role().isUnresolved()) {
        out.unknown(
            f, f.role().origin(), "The execution role of " + f.id() + " is " + f.role().describe());
        continue;
      }
      Optional<Role> role = ctx.iam().roleOf(f);
      if (role.isEmpty()) {
        if (f.role().isPresent()) {
          out.unknown(
              f,
              f.role().origin(),
              "The execution role "
                  + f.role().get().display()
                  + " of "
                  + f.id()
                  + " is not in the scanned sources");
        }
        continue;
      }
      String stream = FunctionLogs.logStreamArn(ctx.app(), f);
      List<String> needed = new ArrayList<>(List.of("logs:CreateLogStream", "logs:PutLogEvents"));
      if (FunctionLogs.declaredLogGroup(ctx.app(), f).isEmpty()) {
        needed.add(0, "logs:CreateLogGroup");
      }
      List<String> missing = new ArrayList<>();
      List<String> unknown = new ArrayList<>();
      for (String action : needed) {
        Decision d = ctx.iam().decide(role.get(), action, stream);
        if (!d.allowed()) {
          (d.outcome() == Decision.Outcome.UNKNOWN ? unknown : missing)
              .add(action + " (" + d.reason() + ")");
        }
      }
      String group = FunctionLogs.logGroupName(ctx.app(), f);
      if (!missing.isEmpty()) {
        out.fail(
            f,
            f.role().origin(),
            "Role "
                + role.get().id()
                + " of "
                + f.id()
                + " cannot write to "
                + group
                + ": "
                + String.join(", ", missing));
      } else if (!unknown.isEmpty()) {
        out.unknown(
            f,
            f.role().origin(),
            "Whether "
                + role.get().id()
                + " can write to "
                + group
                + " depends on "
                + String.join(", ", unknown));
      } else {
        out.pass(f, "Role " + role.get().id() + " lets " + f.id() + " write to " + group);
      }
    }
  }
}
