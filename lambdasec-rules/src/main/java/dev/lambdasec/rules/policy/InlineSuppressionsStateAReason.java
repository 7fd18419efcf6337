package dev.lambdasec.rules.policy;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.engine.api.Subject;
import dev.lambdasec.model.Resource;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Suppression;
import java.util.Optional;

/**
 * Flags inline suppressions that give no reason. A suppression without a reason does not apply, so
 * the finding it meant to accept still counts; this rule says why, and keeps an audit trail of the
 * accepted risks that do state one.
 */
@RuleInfo(
    id = "POLICY-001",
    title = "Inline suppressions state a reason",
    severity = Severity.LOW,
    controls = {Control.ISMS},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.TERRAFORM
    })
public final class InlineSuppressionsStateAReason implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (Suppression s : ctx.app().suppressions()) {
      Optional<Resource> target = ctx.app().byKey(s.target());
      Subject subject =
          target
              .map(Subject::of)
              .orElseGet(() ->
                  new Subject(s.target(), s.target().id(), "suppression target", null, null, null))
              .part(s.ruleId());
      String what = "The suppression of " + s.ruleId() + " on " + s.target().id();
      if (s.hasReason()) {
        out.pass(subject, s.origin(), what + " states why the finding is accepted");
      } else {
        out.fail(
            subject,
            s.origin(),
            what
                + " states no reason, so it does not apply: write why the finding is accepted"
                + " after the rule id");
      }
    }
  }
}
