package dev.lambdasec.rules.lambda;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.engine.api.Status;
import dev.lambdasec.engine.api.Subject;
import dev.lambdasec.engine.api.Verdict;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Value;
import dev.lambdasec.rules.support.Unreadable;
import dev.lambdasec.secrets.SecretMatch;
import java.util.Map;
import java.util.Optional;

/**
 * Flags environment variables holding a plaintext secret or AWS key. References (Secrets Manager or
 * SSM dynamic references, parameter names, ARNs) are recognised and pass. Messages never contain
 * the value.
 */
@RuleInfo(
    id = "LAMBDA-005",
    title = "Environment variables hold no plaintext secrets or AWS keys",
    severity = Severity.HIGH,
    controls = {Control.SECRET, Control.CRED},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class EnvironmentHasNoPlaintextSecrets implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (LambdaFunction f : ctx.app().functions()) {
      if (f.environment().isUnresolved()) {
        out.unknown(
            f,
            f.environment().origin(),
            Unreadable.message("The environment of " + f.id(), f.environment()));
        continue;
      }
      Map<String, Value<String>> vars = f.environment().orElse(Map.of());
      if (vars.isEmpty()) {
        continue;
      }
      boolean failed = false;
      for (Map.Entry<String, Value<String>> e : vars.entrySet()) {
        if (!e.getValue().isPresent()) {
          continue;
        }
        Optional<SecretMatch> secret = ctx.secrets().inspect(e.getKey(), e.getValue().get());
        if (secret.isPresent()) {
          failed = true;
          SecretMatch m = secret.get();
          boolean awsKey = m.ruleId().startsWith("aws");
          out.add(
              new Verdict(
                      Status.FAIL,
                      Subject.of(f).part(e.getKey()),
                      e.getValue().origin(),
                      "Environment variable "
                          + e.getKey()
                          + " of "
                          + f.id()
                          + " holds a plaintext secret ("
                          + m.description()
                          + "; detector "
                          + m.ruleId()
                          + "); store it in Secrets Manager or SSM and pass a reference",
                      null,
                      Map.of("variable", e.getKey(), "detector", m.ruleId()))
                  .withSeverity(awsKey ? Severity.CRITICAL : Severity.HIGH));
        }
      }
      if (!failed) {
        out.pass(f, "The environment of " + f.id() + " holds no plaintext secrets");
      }
    }
  }
}
