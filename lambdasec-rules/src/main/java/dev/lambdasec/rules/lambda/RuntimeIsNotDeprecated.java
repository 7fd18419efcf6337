package dev.lambdasec.rules.lambda;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.RuntimeLifecycle;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.engine.api.Status;
import dev.lambdasec.engine.api.Subject;
import dev.lambdasec.engine.api.Verdict;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.rules.support.Runtimes;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Flags functions on a runtime past its deprecation date, from the dated lifecycle table (never a
 * hard-coded list) against the scan date. Past the update block the severity is CRITICAL, because
 * the function can then no longer receive any fix.
 */
@RuleInfo(
    id = "LAMBDA-008",
    title = "Function runtime is not deprecated",
    severity = Severity.HIGH,
    controls = {Control.DEPS},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class RuntimeIsNotDeprecated implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    LocalDate today = ctx.today();
    for (LambdaFunction f : ctx.app().functions()) {
      Optional<RuntimeLifecycle> found = Runtimes.lifecycle(ctx, f, out);
      if (found.isEmpty()) {
        continue;
      }
      RuntimeLifecycle life = found.get();
      LocalDate deprecation = life.deprecation();
      if (deprecation == null || deprecation.isAfter(today)) {
        out.pass(
            f,
            "Runtime "
                + life.id()
                + " of "
                + f.id()
                + " is supported"
                + (deprecation != null ? " until " + deprecation : ""));
        continue;
      }
      LocalDate blocked = life.blockUpdate();
      boolean updatesBlocked = blocked != null && !blocked.isAfter(today);
      String fact =
          updatesBlocked
              ? "was deprecated on "
                  + deprecation
                  + " and functions using it cannot be updated since "
                  + blocked
              : "was deprecated on "
                  + deprecation
                  + " and no longer receives security patches"
                  + (blocked != null ? "; updates are blocked from " + blocked : "");
      out.add(
          new Verdict(
                  Status.FAIL,
                  Subject.of(f),
                  f.runtime().origin(),
                  "Runtime " + life.id() + " of " + f.id() + " " + fact + Runtimes.successor(life),
                  null,
                  Map.of("runtime", life.id(), "deprecation", deprecation.toString()))
              .withSeverity(updatesBlocked ? Severity.CRITICAL : Severity.HIGH));
    }
  }
}
