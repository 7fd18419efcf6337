package dev.lambdasec.rules.lambda;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.RuntimeLifecycle;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.rules.support.Runtimes;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Flags functions whose runtime reaches its deprecation date within the warning window (180 days by
 * default), so the upgrade can be planned before patches stop. Runtimes already deprecated are
 * LAMBDA-008's.
 */
@RuleInfo(
    id = "LAMBDA-016",
    title = "Function runtime is not deprecated within the warning window",
    severity = Severity.MEDIUM,
    controls = {Control.DEPS},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class RuntimeIsNotNearDeprecation implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    LocalDate today = ctx.today();
    LocalDate horizon = today.plusDays(ctx.settings().runtimeWarningDays());
    for (LambdaFunction f : ctx.app().functions()) {
      Optional<RuntimeLifecycle> found = Runtimes.lifecycle(ctx, f, out);
      if (found.isEmpty()) {
        continue;
      }
      RuntimeLifecycle life = found.get();
      LocalDate deprecation = life.deprecation();
      if (deprecation != null && !deprecation.isAfter(today)) {
        out.notApplicable(f, "The runtime is already deprecated (LAMBDA-008)");
      } else if (deprecation != null && !deprecation.isAfter(horizon)) {
        out.fail(
            f,
            f.runtime().origin(),
            "Runtime "
                + life.id()
                + " of "
                + f.id()
                + " will be deprecated on "
                + deprecation
                + ", in "
                + ChronoUnit.DAYS.between(today, deprecation)
                + " days"
                + Runtimes.successor(life));
      } else {
        out.pass(
            f,
            "Runtime "
                + life.id()
                + " of "
                + f.id()
                + (deprecation == null
                    ? " has no deprecation date"
                    : " stays supported past " + horizon));
      }
    }
  }
}
